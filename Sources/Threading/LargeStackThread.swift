#if canImport(Glibc)
import Glibc
#endif

/// Keeps a recursive-descent parse within the stack it runs on; shared by the HCL and Python parsers.
///
/// One level of nesting a parser allows costs several frames (an operand goes through every
/// precedence level), and a dispatch worker thread — where the review analyses modules in
/// parallel — has only 512 KiB of stack. A parse that stays within its nesting limit must never
/// overflow the stack, whatever thread asks.
///
/// `parse` first parses on the calling thread, with the nesting limit that thread's remaining
/// stack allows; only a file that reaches that lower limit is parsed again, with the full limit,
/// on a thread of its own with a `stackSize` stack. Real source files never nest that deep, so
/// they never pay for a thread (a thread per file costs about 60 µs: as much as parsing a small
/// file). `run` always uses a thread of its own.
public enum LargeStackThread {
    /// The stack of a thread `run` starts: enough for any parser's `maximumDepth` levels in a
    /// debug or sanitized build.
    public static let stackSize = 64 * 1024 * 1024

    /// Stack left alone below a parse on the calling thread, for what the parse calls at its deepest.
    public static let reserve = 96 * 1024

    /// `body(limit)` parses with the nesting limit `limit` and says whether it stopped there.
    ///
    /// Runs `body` on the calling thread with the limit that thread's stack allows
    /// (`bytesPerLevel` a level, after `reserve`), and again with `maximumDepth` on a thread with a
    /// `stackSize` stack only when that limit was lower than `maximumDepth` and was reached.
    public static func parse<Result>(
        maximumDepth: Int, bytesPerLevel: Int, _ body: (_ depthLimit: Int) -> (result: Result, reachedLimit: Bool)
    ) -> Result {
        let affordable = min(maximumDepth, (StackSpace.remainingBytes() - reserve) / bytesPerLevel)
        if affordable > 0 {
            let attempt = body(affordable)
            if !attempt.reachedLimit || affordable == maximumDepth { return attempt.result }
        }
        return run { body(maximumDepth).result }
    }

    /// The work a thread runs, reached through the thread's context pointer.
    private final class Job {
        let work: () -> Void
        init(_ work: @escaping () -> Void) { self.work = work }
    }

    /// Runs `body` on a new thread with a stack of `stackSize` bytes and returns its result once
    /// the thread has finished; runs it on the calling thread when no thread can be created (or
    /// on platforms without pthreads here).
    public static func run<Result>(stackSize: Int = LargeStackThread.stackSize, _ body: () -> Result) -> Result {
        #if canImport(Glibc)
        var result: Result?
        withoutActuallyEscaping(body) { escapable in
            let job = Job { result = escapable() }
            var attributes = pthread_attr_t()
            pthread_attr_init(&attributes)
            defer { pthread_attr_destroy(&attributes) }
            pthread_attr_setstacksize(&attributes, stackSize)
            let context = Unmanaged.passRetained(job).toOpaque()
            var thread = pthread_t()
            let status = pthread_create(&thread, &attributes, { raw in
                guard let raw else { return nil }
                Unmanaged<Job>.fromOpaque(raw).takeRetainedValue().work()
                return nil
            }, context)
            if status == 0 {
                pthread_join(thread, nil)
            } else {
                Unmanaged<Job>.fromOpaque(context).release()
                result = escapable()
            }
        }
        guard let result else { return body() }
        return result
        #else
        return body()
        #endif
    }
}
