/// One side of a comparison: a commit, the index, the working tree, or nothing at all.
///
/// Encodes to JSON as one string: the commit's hex id, `"index"`, `"worktree"` or `"emptyTree"`.
public enum RevisionSide: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The tree of a commit, read from the object database.
    case commit(ObjectID)
    /// The staged content (Git's index).
    case index
    /// The files on disk, untracked files included and ignored files excluded.
    case worktree
    /// The empty tree: the base of a root commit or of a branch with no published history.
    case emptyTree

    /// The commit id of a `.commit` side; nil for the others.
    public var commitID: ObjectID? {
        if case .commit(let id) = self { return id }
        return nil
    }

    /// The JSON form: the hex id, `index`, `worktree` or `emptyTree`.
    public var description: String {
        switch self {
        case .commit(let id): return id.hex
        case .index: return "index"
        case .worktree: return "worktree"
        case .emptyTree: return "emptyTree"
        }
    }

    /// Decodes the one-string JSON form.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        switch text {
        case "index": self = .index
        case "worktree": self = .worktree
        case "emptyTree": self = .emptyTree
        default:
            guard let id = ObjectID(hex: text) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "'\(text)' is not a revision side")
            }
            self = .commit(id)
        }
    }

    /// Encodes the one-string JSON form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
