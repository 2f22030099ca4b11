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

    /// Reports the time since the previous mark (the first mark reports the time since the
    /// process started its clock, which is the first call).
    public static func mark(_ phase: String) {
        guard isEnabled else { return }
        var clock = timespec()
        clock_gettime(CLOCK_MONOTONIC, &clock)
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        let wall = Double(clock.tv_sec) + Double(clock.tv_nsec) / 1e9
        let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        let last = previous.withLock { last in
            defer { last = (wall, cpu) }
            return last ?? (wall, cpu)
        }
        let line = "stackreview phase \(phase): \(Int((wall - last.wall) * 1000)) ms wall, \(Int((cpu - last.cpu) * 1000)) ms CPU\n"
        _ = line.utf8CString.withUnsafeBufferPointer { write(2, $0.baseAddress, $0.count - 1) }
    }
}
