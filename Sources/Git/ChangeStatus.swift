/// What happened to a file between the base and the head of a change.
public enum ChangeStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// The file is new (including untracked files in a working-tree review).
    case added
    /// The file's content or mode changed.
    case modified
    /// The file was removed.
    case deleted
    /// The file moved from `oldPath`, possibly with edits.
    case renamed
    /// The file was copied from `oldPath` (a file that the change also modified), possibly with edits.
    case copied
    /// The path changed kind, for example from a regular file to a symlink.
    case typeChange
}
