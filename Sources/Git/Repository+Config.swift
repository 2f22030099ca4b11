internal import CLibgit2
import Foundation

extension Repository {
    /// The value of a configuration variable (for example `core.hooksPath`), read from every
    /// level Git reads (the repository's, the worktree's, the user's and the system's files);
    /// nil when no level sets it.
    public func configString(_ name: String) throws(GitError) -> String? {
        let snapshot = try configSnapshot()
        var value: UnsafePointer<CChar>?
        let code = git_config_get_string(&value, snapshot.pointer, name)
        if isNotFound(code) { return nil }
        try check(code, "read the configuration variable \(name)")
        return value.map { String(cString: $0) }
    }

    /// The value of a path-valued configuration variable with a leading `~/` expanded to the
    /// home folder, as Git does for `core.hooksPath`; nil when no level sets it.
    public func configPath(_ name: String) throws(GitError) -> String? {
        let snapshot = try configSnapshot()
        var buffer = git_buf()
        defer { git_buf_dispose(&buffer) }
        let code = git_config_get_path(&buffer, snapshot.pointer, name)
        if isNotFound(code) { return nil }
        try check(code, "read the configuration variable \(name)")
        guard let pointer = buffer.ptr else { return "" }
        return String(cString: pointer)
    }

    /// The folder shared by every worktree of the repository (the main `.git` folder), without
    /// a trailing `/`; the same as `gitDirectory` except in a linked worktree.
    public var commonDirectory: String {
        guard let pointer = git_repository_commondir(handle) else { return gitDirectory }
        let path = String(cString: pointer)
        return path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
    }

    /// The folder Git runs this repository's hooks from.
    ///
    /// `core.hooksPath` when it is set: an absolute path, `~/…` in the home folder, or a path
    /// relative to the top of the working tree (to the repository's folder when it is bare), as
    /// Git resolves it; otherwise `hooks` in the common folder, which every linked worktree
    /// shares. The folder may not exist yet.
    public func hooksDirectory() throws(GitError) -> String {
        guard let configured = try configPath("core.hooksPath"), !configured.isEmpty else {
            return commonDirectory + "/hooks"
        }
        if configured.hasPrefix("/") { return Self.absolutePath(configured) }
        return Self.absolutePath((workdir ?? gitDirectory) + "/" + configured)
    }

    private func configSnapshot() throws(GitError) -> Libgit2Handle {
        var config: OpaquePointer?
        try check(git_repository_config_snapshot(&config, handle), "read the repository's configuration")
        guard let config else {
            throw GitError.libgit2(operation: "read the repository's configuration", message: "no configuration")
        }
        return Libgit2Handle(config, release: git_config_free)
    }

    /// `path` without `.` components, `..` applied to the part before it, and no trailing `/`.
    static func absolutePath(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }
}
