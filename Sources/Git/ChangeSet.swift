/// Every file that differs between two sides of a repository, with the changed lines of each.
public struct ChangeSet: Sendable, Hashable, Codable {
    /// The old side.
    public var base: RevisionSide
    /// The new side.
    public var head: RevisionSide
    /// The base commit id; nil when the base is the index, the working tree or the empty tree.
    public var baseCommit: ObjectID?
    /// The head commit id; nil when the head is the index or the working tree.
    public var headCommit: ObjectID?
    /// How the range was chosen, from `ResolvedRange.description`.
    public var description: String
    /// The changed files, ordered by path as Git orders them (byte order).
    public var files: [ChangedFile]

    /// Creates a change set.
    public init(base: RevisionSide, head: RevisionSide, description: String, files: [ChangedFile]) {
        self.base = base
        self.head = head
        self.baseCommit = base.commitID
        self.headCommit = head.commitID
        self.description = description
        self.files = files
    }

    /// The changed file at `path` (its head path, or its base path for a deletion), if any.
    public func file(at path: String) -> ChangedFile? {
        files.first { $0.path == path }
    }
}
