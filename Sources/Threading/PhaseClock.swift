#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a run's time goes, phase by phase: with `STACKREVIEW_PHASES` set in the environment,
/// each `mark` writes one line to standard error with the wall and CPU time (of the whole
/// process, every thread) since the previous mark. Without it, `mark` does nothing but one
/// check of a constant. A diagnostic for `bench/` and for users asking why a review is slow.
public enum PhaseClock {
    /// Whether phases are reported (read once per process).
    public static let isEnabled = getenv("STACKREVIEW_PHASES") != nil
    private static let previous = Locked<(wall: Double, cpu: Double)?>(nil)

    /// Starts the clock without reporting anything: the next `mark` measures from here.
    public static func start() {
        guard isEnabled else { return }
        let now = reading()
        previous.withLock { $0 = (now.wall, now.cpu) }
    }

    /// Reports the time since the previous mark or `start` (since the first call if neither
    /// came before).
    public static func mark(_ phase: String) {
        guard isEnabled else { return }
        let (wall, cpu, peak) = reading()
        let last = previous.withLock { last in
            defer { last = (wall, cpu) }
            return last ?? (wall, cpu)
        }
        let line = "stackreview phase \(phase): \(Int((wall - last.wall) * 1000)) ms wall, \(Int((cpu - last.cpu) * 1000)) ms CPU, peak \(peak) MiB\n"
        _ = line.utf8CString.withUnsafeBufferPointer { write(2, $0.baseAddress, $0.count - 1) }
    }

    /// The monotonic wall clock and the process's CPU time (user + system, every thread), in
    /// seconds, and the process's peak resident memory so far, in MiB.
    private static func reading() -> (wall: Double, cpu: Double, peakMiB: Int) {
        var clock = timespec()
        clock_gettime(CLOCK_MONOTONIC, &clock)
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        let wall = Double(clock.tv_sec) + Double(clock.tv_nsec) / 1e9
        let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        // `ru_maxrss` is in kibibytes on Linux, in bytes on Darwin.
        #if canImport(Darwin)
        let peak = Int(usage.ru_maxrss) / (1024 * 1024)
        #else
        let peak = Int(usage.ru_maxrss) / 1024
        #endif
        return (wall, cpu, peak)
    }
}
