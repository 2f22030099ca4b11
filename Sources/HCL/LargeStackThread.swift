#if canImport(Glibc)
import Glibc
#endif

/// Keeps a parse within the stack it runs on (the Python target keeps its own copy of the thread
/// part: the two parsers share no dependency).
///
/// The parser is recursive descent: one level of nesting the parser allows (`maximumDepth`)
/// costs several frames (an operand goes through every precedence level), and a dispatch worker
/// thread — where the review analyses modules in parallel — has only 512 KiB of stack. A parse
/// that stays within the nesting limit must never overflow the stack, whatever thread asks.
///
/// `parse` first parses on the calling thread, with the nesting limit that thread's remaining
/// stack allows (`bytesPerLevel` each, after `reserve`); only a file that reaches that lower limit
/// is parsed again, with the full limit, on a thread of its own with a `stackSize` stack. Real
/// configuration never nests that deep, so it never pays for a thread (a thread per file cost
/// about 60 µs: as much as parsing a small file).
enum LargeStackThread {
    /// Stack a nesting level may take: about twice the most measured per level (`f(f(…`, `[for
    /// …`) in an optimised build, with or without AddressSanitizer (7.5 and 9 KiB), and in a
    /// debug build (42 KiB).
    #if DEBUG
    static let bytesPerLevel = 96 * 1024
    #else
    static let bytesPerLevel = 16 * 1024
    #endif
    /// Stack left alone below a parse on the calling thread, for what the parse calls at its deepest.
    static let reserve = 96 * 1024

    /// `body(limit)` parses with the nesting limit `limit` and says whether it stopped there. Runs it
    /// on the calling thread with the limit that thread's stack allows, and again with
    /// `maximumDepth` on a large stack only when that limit was lower and was reached.
    static func parse<Result>(maximumDepth: Int, _ body: (_ depthLimit: Int) -> (result: Result, reachedLimit: Bool)) -> Result {
        let affordable = min(maximumDepth, (StackSpace.remainingBytes() - reserve) / bytesPerLevel)
        if affordable > 0 {
            let attempt = body(affordable)
            if !attempt.reachedLimit || affordable == maximumDepth { return attempt.result }
        }
        return run { body(maximumDepth).result }
    }

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

/// The stack the calling thread has left.
enum StackSpace {
    #if canImport(Glibc)
    /// glibc's `pthread_getattr_np`, which the Glibc module leaves out (it needs `_GNU_SOURCE`):
    /// the attributes of a running thread, its stack's place among them.
    @_silgen_name("pthread_getattr_np")
    private static func threadAttributes(_ thread: pthread_t, _ attributes: UnsafeMutablePointer<pthread_attr_t>) -> Int32

    /// Where each thread keeps the lowest address of its stack, once looked up.
    private static let lowestAddressKey: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()
    #endif

    /// Bytes between the caller's frame and the end of its thread's stack (0 when unknown, so a
    /// caller assumes the least).
    static func remainingBytes() -> Int {
        #if canImport(Glibc)
        var marker: UInt8 = 0
        let here = withUnsafeMutablePointer(to: &marker) { Int(bitPattern: $0) }
        if let lowest = pthread_getspecific(lowestAddressKey) { return here - Int(bitPattern: lowest) }
        var attributes = pthread_attr_t()
        guard threadAttributes(pthread_self(), &attributes) == 0 else { return 0 }
        defer { pthread_attr_destroy(&attributes) }
        var lowest: UnsafeMutableRawPointer?
        var size = 0
        guard pthread_attr_getstack(&attributes, &lowest, &size) == 0, let lowest else { return 0 }
        pthread_setspecific(lowestAddressKey, lowest)
        return here - Int(bitPattern: lowest)
        #else
        return 0
        #endif
    }
}
