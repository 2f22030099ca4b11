/// The content of one path on one side of a change, with the id of its blob.
public struct FileBlob: Sendable, Hashable {
    /// The path inside the repository, with `/` separators.
    public var path: String
    /// The raw bytes. For a symlink, the link target; for a submodule, empty.
    public var bytes: [UInt8]
    /// The blob id (for a submodule, the commit it points at). Files read from the working tree
    /// are hashed as they are on disk, without Git's content filters.
    public var id: ObjectID
    /// The file's mode.
    public var mode: FileMode

    /// Creates a blob value.
    public init(path: String, bytes: [UInt8], id: ObjectID, mode: FileMode) {
        self.path = path
        self.bytes = bytes
        self.id = id
        self.mode = mode
    }

    /// The content decoded as UTF-8 (invalid sequences replaced), for text files.
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}
