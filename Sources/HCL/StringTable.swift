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
    private static let copied: UInt64 = 1 << 63

    /// Open addressing, a power of two in size, at most half full: the high 32 bits of a slot
    /// are the hash, the low 32 the string's index in the tree + 1 (0: empty).
    @exclusivity(unchecked) private var slots = [UInt64](repeating: 0, count: 64)
    /// Per string index: where its bytes are (offset << 32 | count), in the parsed text or, with
    /// `copied` set, in `text`.
    @exclusivity(unchecked) private var locations: [UInt64] = []
    /// The bytes of looked-up strings that are not in the parsed text (decoded escapes).
    @exclusivity(unchecked) private var text: [UInt8] = []
    private var used = 0
    /// The parsed text, valid for the whole parse.
    private let source: UnsafeBufferPointer<UInt8>

    init(source: UnsafeBufferPointer<UInt8>) {
        self.source = source
    }

    /// The index in `tree.strings` of the string with UTF-8 `bytes`, added when new.
    func id(_ bytes: UnsafeBufferPointer<UInt8>, in tree: SyntaxTree) -> UInt32 {
        let count = bytes.count
        if count > StringTable.maximumLength { return add(bytes, to: tree, location: 0) }
        // FNV-1a over the bytes and the length.
        var hash: UInt32 = 0x811c_9dc5 ^ UInt32(truncatingIfNeeded: count)
        for byte in bytes { hash = (hash ^ UInt32(byte)) &* 0x0100_0193 }
        let mask = slots.count - 1
        var index = Int(hash) & mask
        while true {
            let slot = slots[index]
            if slot == 0 { break }
            if UInt32(truncatingIfNeeded: slot >> 32) == hash {
                let id = UInt32(truncatingIfNeeded: slot) - 1
                if matches(locations[Int(id)], bytes) { return id }
            }
            index = (index + 1) & mask
        }
        var location: UInt64
        if let base = source.baseAddress, let start = bytes.baseAddress, start >= base, start + count <= base + source.count {
            location = UInt64(base.distance(to: start)) << 32
        } else {
            location = StringTable.copied | UInt64(text.count) << 32
            text.append(contentsOf: bytes)
        }
        let id = add(bytes, to: tree, location: location | UInt64(count))
        slots[index] = UInt64(hash) << 32 | UInt64(id + 1)
        used += 1
        if used * 2 > slots.count { grow() }
        return id
    }

    @inline(__always)
    private func matches(_ location: UInt64, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = Int(truncatingIfNeeded: location & 0xFFFF_FFFF)
        guard count == bytes.count else { return false }
        if count == 0 { return true }
        let offset = Int(truncatingIfNeeded: (location & ~StringTable.copied) >> 32)
        if location & StringTable.copied == 0 { return memcmp(source.baseAddress! + offset, bytes.baseAddress!, count) == 0 }
        return text.withUnsafeBufferPointer { memcmp($0.baseAddress! + offset, bytes.baseAddress!, count) == 0 }
    }

    private func add(_ bytes: UnsafeBufferPointer<UInt8>, to tree: SyntaxTree, location: UInt64) -> UInt32 {
        tree.strings.append(String(decoding: bytes, as: UTF8.self))
        locations.append(location)
        return UInt32(truncatingIfNeeded: tree.strings.count - 1)
    }

    private func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: old.count * 2)
        let mask = slots.count - 1
        for slot in old where slot != 0 {
            var index = Int(truncatingIfNeeded: slot >> 32) & mask
            while slots[index] != 0 { index = (index + 1) & mask }
            slots[index] = slot
        }
    }
}
