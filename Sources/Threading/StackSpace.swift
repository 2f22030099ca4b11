#if canImport(Glibc)
import Glibc
#endif

/// The stack the calling thread has left.
public enum StackSpace {
    #if canImport(Glibc)
    /// glibc's `pthread_getattr_np`, which the Glibc module leaves out (it needs `_GNU_SOURCE`):
    /// the attributes of a running thread, its stack's place among them.
    @_silgen_name("pthread_getattr_np")
    private static func threadAttributes(_ thread: pthread_t, _ attributes: UnsafeMutablePointer<pthread_attr_t>) -> Int32

    /// Where each thread keeps the lowest and the highest address of its stack, once looked up.
    private static let boundKeys: (lowest: pthread_key_t, highest: pthread_key_t) = {
        var lowest = pthread_key_t(), highest = pthread_key_t()
        pthread_key_create(&lowest, nil)
        pthread_key_create(&highest, nil)
        return (lowest, highest)
    }()
    #endif

    /// Bytes between the caller's frame and the end of its thread's stack, or 0 when that is
    /// unknown, so that a caller assumes the least. The stack's bounds are looked up once per thread.
    ///
    /// Unknown also when the caller's frame is not on its thread's stack: AddressSanitizer (with
    /// `detect_stack_use_after_return`, its default) moves locals to a "fake stack" on the heap.
    public static func remainingBytes() -> Int {
        #if canImport(Glibc)
        var marker: UInt8 = 0
        let here = withUnsafeMutablePointer(to: &marker) { Int(bitPattern: $0) }
        let keys = boundKeys
        if let lowest = pthread_getspecific(keys.lowest), let highest = pthread_getspecific(keys.highest) {
            return remaining(at: here, lowest: Int(bitPattern: lowest), highest: Int(bitPattern: highest))
        }
        var attributes = pthread_attr_t()
        guard threadAttributes(pthread_self(), &attributes) == 0 else { return 0 }
        defer { pthread_attr_destroy(&attributes) }
        var lowest: UnsafeMutableRawPointer?
        var size = 0
        guard pthread_attr_getstack(&attributes, &lowest, &size) == 0, let lowest else { return 0 }
        pthread_setspecific(keys.lowest, lowest)
        pthread_setspecific(keys.highest, lowest + size)
        return remaining(at: here, lowest: Int(bitPattern: lowest), highest: Int(bitPattern: lowest) + size)
        #else
        return 0
        #endif
    }

    /// `here - lowest` when `here` lies on the stack from `lowest` to `highest`, else 0.
    private static func remaining(at here: Int, lowest: Int, highest: Int) -> Int {
        here > lowest && here <= highest ? here - lowest : 0
    }
}
