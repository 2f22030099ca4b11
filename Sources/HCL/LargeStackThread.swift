#if canImport(Glibc)
import Glibc
#endif

/// Runs parsing on a thread of its own with a large stack (the Python target keeps its own copy:
/// the two parsers share no dependency).
///
/// The parser is recursive descent: one level of nesting the parser allows (`maximumDepth`)
/// costs several frames (an operand goes through every precedence level), and a dispatch worker
/// thread — where the review analyses modules in parallel — has only 512 KiB of stack. A parse
/// that stays within the nesting limit must never overflow the stack, whatever thread asks.
enum LargeStackThread {
    /// The stack given to a parse: enough for `Parser.maximumDepth` levels in a debug or sanitized build.
    static let stackSize = 64 * 1024 * 1024

    /// The work a thread runs, reached through the thread's context pointer.
    private final class Job {
        let work: () -> Void
        init(_ work: @escaping () -> Void) { self.work = work }
    }

    /// Runs `body` on a new thread with a `stackSize` stack and returns its result; runs it on
    /// the calling thread when no thread can be created (or on platforms without pthreads here).
    static func run<Result>(_ body: () -> Result) -> Result {
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
