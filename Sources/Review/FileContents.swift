/// A file's bytes as a dictionary key for the process-wide caches of per-file work (formatting,
/// suppression comments), hashed as one block of memory.
///
/// `[UInt8]` hashes byte by byte, which cost as much as the work cached when every module tree
/// of a whole-repository review looked its files up again; equality still compares every byte.
struct FileContents: Hashable, Sendable {
    /// The bytes.
    let bytes: [UInt8]

    static func == (lhs: FileContents, rhs: FileContents) -> Bool {
        lhs.bytes == rhs.bytes
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(bytes.count)
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }
}
