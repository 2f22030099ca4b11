#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The strings of one parse, so equal names and values longer than fit in a `String` inline
/// (15 UTF-8 bytes) share one heap buffer instead of each taking its own.
///
/// Terraform repeats its long names (`aws_lambda_function`, `source_code_hash`) and values
/// everywhere; a file's tree holds each once. Strings are looked up by a hash of their bytes and
/// compared byte for byte, so no `String` is created for a hit.
final class StringTable {
    /// Strings up to this many bytes are stored inline by `String` and never looked up.
    static let inlineLength = 15
    /// Longer strings than this are rarely repeated and are not looked up.
    static let maximumLength = 96

    private var strings: [UInt64: String] = [:]

    /// The string for UTF-8 `bytes`: an earlier equal string when there is one.
    func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let count = bytes.count
        if count <= StringTable.inlineLength || count > StringTable.maximumLength {
            return String(decoding: bytes, as: UTF8.self)
        }
        // FNV-1a over the bytes and the length.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(count)
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        if let existing = strings[hash] {
            let same = existing.utf8.withContiguousStorageIfAvailable {
                $0.count == count && memcmp($0.baseAddress!, bytes.baseAddress!, count) == 0
            }
            if same == true { return existing }
            return String(decoding: bytes, as: UTF8.self)
        }
        let made = String(decoding: bytes, as: UTF8.self)
        strings[hash] = made
        return made
    }
}
