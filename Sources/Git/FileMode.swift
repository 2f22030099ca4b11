/// The kind of entry Git records for a path.
public enum FileMode: String, Sendable, Hashable, Codable, CaseIterable {
    /// A regular file (`100644`).
    case regular
    /// An executable file (`100755`).
    case executable
    /// A symbolic link (`120000`); its content is the link target, never followed.
    case symlink
    /// A submodule commit (`160000`, a gitlink); it has no content in this repository.
    case submodule
}
