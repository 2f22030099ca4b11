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

    /// Where each thread keeps the lowest address of its stack, once looked up.
    private static let lowestAddressKey: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()
    #endif

    /// Bytes between the caller's frame and the end of its thread's stack (0 when unknown, so a
    /// caller assumes the least). The stack's end is looked up once per thread.
    public static func remainingBytes() -> Int {
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
