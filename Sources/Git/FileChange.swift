/// What a `RepositoryWriter` commit does to one path.
public enum FileChange: Sendable, Hashable {
    /// Writes a regular file with these bytes.
    case file([UInt8])
    /// Writes an executable file with these bytes.
    case executable([UInt8])
    /// Writes a symbolic link pointing at this target.
    case symlink(target: String)
    /// Removes the file.
    case delete
}
