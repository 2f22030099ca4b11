#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The strings of one parse, so each distinct name or value is stored once in the `SyntaxTree`
/// and nodes refer to it by a 32-bit index.
///
/// Terraform repeats its names (`var`, `aws_lambda_function`, `source_code_hash`) and values
/// everywhere; a file's tree holds each once. Strings are looked up by a hash of their bytes and
/// compared byte for byte, so no `String` is created for a hit. The table itself lives only as
/// long as the parse.
final class StringTable {
    /// Longer strings than this are rarely repeated and are not looked up.
    static let maximumLength = 96

    /// Open addressing: the high 32 bits of a slot are the hash, the low 32 the string index + 1 (0: empty).
    private var slots = [UInt64](repeating: 0, count: 256)
    private var used = 0

    /// The index in `tree.strings` of the string with UTF-8 `bytes`, added when new.
    func id(_ bytes: UnsafeBufferPointer<UInt8>, in tree: SyntaxTree) -> UInt32 {
        let count = bytes.count
        if count > StringTable.maximumLength { return add(bytes, to: tree) }
        // FNV-1a over the bytes and the length.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(count)
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        let tag = UInt64(UInt32(truncatingIfNeeded: hash ^ (hash >> 32)))
        let mask = slots.count - 1
        var index = Int(tag) & mask
        while true {
            let slot = slots[index]
            if slot == 0 { break }
            if slot >> 32 == tag {
                let id = UInt32(truncatingIfNeeded: slot) - 1
                let same = tree.strings[Int(id)].utf8.withContiguousStorageIfAvailable {
                    $0.count == count && (count == 0 || memcmp($0.baseAddress!, bytes.baseAddress!, count) == 0)
                } ?? false
                if same { return id }
            }
            index = (index + 1) & mask
        }
        let id = add(bytes, to: tree)
        slots[index] = tag << 32 | UInt64(id + 1)
        used += 1
        if used * 2 > slots.count { grow() }
        return id
    }

    private func add(_ bytes: UnsafeBufferPointer<UInt8>, to tree: SyntaxTree) -> UInt32 {
        tree.strings.append(String(decoding: bytes, as: UTF8.self))
        return UInt32(truncatingIfNeeded: tree.strings.count - 1)
    }

    private func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: old.count * 2)
        let mask = slots.count - 1
        for slot in old where slot != 0 {
            var index = Int(slot >> 32) & mask
            while slots[index] != 0 { index = (index + 1) & mask }
            slots[index] = slot
        }
    }
}
