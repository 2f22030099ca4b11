/// A file listed in a tree, the index or the working tree.
public struct TreeEntry: Sendable, Hashable, Codable {
    /// The path inside the repository, with `/` separators.
    public var path: String
    /// The blob id (for a submodule, the commit it points at).
    public var id: ObjectID
    /// The file's mode.
    public var mode: FileMode

    /// Creates an entry.
    public init(path: String, id: ObjectID, mode: FileMode) {
        self.path = path
        self.id = id
        self.mode = mode
    }
}
