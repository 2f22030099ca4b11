/// One file of a revision as the metrics see it: its repository path and its bytes.
///
/// The caller reads these from Git (at base and at head); the metrics never touch a repository.
public struct RevisionFile: Sendable, Hashable {
    /// The repository path, `/`-separated.
    public var path: String
    /// The file's contents.
    public var bytes: [UInt8]

    /// Creates a file from its bytes.
    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    /// Creates a file from text (encoded as UTF-8).
    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }
}
