import Foundation
import Git

/// Puts stackreview's pre-push hook into a repository's hooks folder, and takes out exactly what
/// it put there.
///
/// A pre-push hook that is not stackreview's is never overwritten: `install` renames it to
/// `pre-push.before-stackreview` (same bytes, same mode, same symlink if it is one) and the
/// installed script runs it first with the same arguments and input; `uninstall` renames it back.
/// stackreview's hook is recognised by `PrePushHookScript.marker`, so `uninstall` refuses to
/// remove anybody else's hook.
public struct PrePushHookInstallation: Sendable, Equatable {
    /// The folder the hook goes in (see `Repository.hooksDirectory()`).
    public let hooksDirectory: String

    /// Works on the hooks folder `hooksDirectory`.
    public init(hooksDirectory: String) {
        self.hooksDirectory = hooksDirectory
    }

    /// Works on the hooks folder of the repository that contains `path`, honouring
    /// `core.hooksPath` and linked worktrees.
    public init(repositoryContaining path: String) throws(HookInstallationError) {
        do {
            let repository = try Repository.discover(from: path)
            self.init(hooksDirectory: try repository.hooksDirectory())
        } catch {
            throw .repository(error)
        }
    }

    /// The hook file Git runs: `<hooks folder>/pre-push`.
    public var hookPath: String { hooksDirectory + "/pre-push" }

    /// Where a hook that was there before stackreview's is kept.
    public var chainedHookPath: String { hookPath + PrePushHookScript.chainedSuffix }

    /// What `install` did.
    public enum InstallOutcome: Equatable, Sendable {
        /// There was no pre-push hook; stackreview's is now there.
        case installed
        /// The existing hook was kept as `chainedHookPath` and runs before stackreview's.
        case chained
        /// An earlier stackreview hook was replaced by this version's script.
        case updated
        /// This version's hook was already installed; nothing changed.
        case alreadyInstalled
    }

    /// What `uninstall` did.
    public enum UninstallOutcome: Equatable, Sendable {
        /// stackreview's hook was deleted; there was no other hook.
        case removed
        /// stackreview's hook was deleted and the hook it had kept was put back.
        case restored
        /// There was no pre-push hook; nothing changed.
        case notInstalled
    }

    /// Installs the hook; running it again changes nothing.
    public func install() throws(HookInstallationError) -> InstallOutcome {
        try createHooksDirectory()
        let script = Data(PrePushHookScript.text.utf8)
        switch try existingHook() {
        case .none:
            try writeScript(script)
            return exists(chainedHookPath) ? .chained : .installed
        case .stackreview(let contents, let executable):
            if contents == script && executable { return .alreadyInstalled }
            try writeScript(script)
            return .updated
        case .foreign:
            if exists(chainedHookPath) {
                throw .chainedHookExists(hook: hookPath, saved: chainedHookPath)
            }
            try move(hookPath, to: chainedHookPath)
            try writeScript(script)
            return .chained
        }
    }

    /// Removes stackreview's hook and puts back the hook it had kept, byte for byte; refuses to
    /// touch a hook stackreview did not install.
    public func uninstall() throws(HookInstallationError) -> UninstallOutcome {
        switch try existingHook() {
        case .none:
            return .notInstalled
        case .foreign:
            throw .notInstalledByStackreview(hook: hookPath)
        case .stackreview:
            try remove(hookPath)
            guard exists(chainedHookPath) else { return .removed }
            try move(chainedHookPath, to: hookPath)
            return .restored
        }
    }

    /// Whether the hook, once installed, will find a stackreview binary with `environment`: the
    /// lookup the script does (`STACKREVIEW`, else `stackreview` on `PATH`).
    public static func hookFindsBinary(environment: [String: String]) -> Bool {
        let name = environment["STACKREVIEW"].flatMap { $0.isEmpty ? nil : $0 } ?? "stackreview"
        if name.contains("/") { return FileManager.default.isExecutableFile(atPath: name) }
        let folders = (environment["PATH"] ?? "").split(separator: ":", omittingEmptySubsequences: false)
        return folders.contains { folder in
            FileManager.default.isExecutableFile(atPath: (folder.isEmpty ? "." : String(folder)) + "/" + name)
        }
    }

    // MARK: - Files

    private enum ExistingHook {
        case none
        case stackreview(contents: Data, executable: Bool)
        case foreign
    }

    /// What is at `hookPath` now; a symbolic link is always someone else's hook.
    private func existingHook() throws(HookInstallationError) -> ExistingHook {
        guard exists(hookPath) else { return .none }
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: hookPath)
        } catch {
            throw .fileSystem(operation: "inspect", path: hookPath, reason: error.localizedDescription)
        }
        guard attributes[.type] as? FileAttributeType == .typeRegular else { return .foreign }
        guard let contents = FileManager.default.contents(atPath: hookPath) else {
            throw .fileSystem(operation: "read", path: hookPath, reason: "the file is not readable")
        }
        let isStackreview = String(decoding: contents, as: UTF8.self)
            .split(separator: "\n", omittingEmptySubsequences: false).contains { $0 == PrePushHookScript.marker }
        guard isStackreview else { return .foreign }
        return .stackreview(contents: contents, executable: FileManager.default.isExecutableFile(atPath: hookPath))
    }

    /// Whether anything (a dangling symbolic link included) is at `path`.
    private func exists(_ path: String) -> Bool {
        (try? FileManager.default.attributesOfItem(atPath: path)) != nil
    }

    private func createHooksDirectory() throws(HookInstallationError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: hooksDirectory, isDirectory: &isDirectory) {
            if isDirectory.boolValue { return }
            throw .fileSystem(operation: "use", path: hooksDirectory, reason: "it is a file, not a folder (check core.hooksPath)")
        }
        do {
            try FileManager.default.createDirectory(atPath: hooksDirectory, withIntermediateDirectories: true)
        } catch {
            throw .fileSystem(operation: "create the folder", path: hooksDirectory, reason: error.localizedDescription)
        }
    }

    /// Writes the script to a temporary file beside the hook, makes it executable and renames it
    /// over the hook, so Git never sees half a hook.
    private func writeScript(_ script: Data) throws(HookInstallationError) {
        let temporary = hooksDirectory + "/.pre-push.stackreview-" + UUID().uuidString
        do {
            try script.write(to: URL(fileURLWithPath: temporary))
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: temporary)
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw .fileSystem(operation: "write", path: hookPath, reason: error.localizedDescription)
        }
        guard rename(temporary, hookPath) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporary)
            throw .fileSystem(operation: "write", path: hookPath, reason: reason)
        }
    }

    private func move(_ source: String, to destination: String) throws(HookInstallationError) {
        guard rename(source, destination) == 0 else {
            throw .fileSystem(operation: "rename", path: source, reason: String(cString: strerror(errno)))
        }
    }

    private func remove(_ path: String) throws(HookInstallationError) {
        guard unlink(path) == 0 else {
            throw .fileSystem(operation: "remove", path: path, reason: String(cString: strerror(errno)))
        }
    }
}

/// Why `stackreview hook install` or `uninstall` could not do what was asked, and what to do.
public enum HookInstallationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The repository could not be opened or its configuration read.
    case repository(GitError)
    /// There is a foreign pre-push hook and the file stackreview would keep it in is taken.
    case chainedHookExists(hook: String, saved: String)
    /// The pre-push hook is not stackreview's, so uninstall leaves it alone.
    case notInstalledByStackreview(hook: String)
    /// A file or folder could not be read, written, renamed or removed.
    case fileSystem(operation: String, path: String, reason: String)

    /// The process exit status: the repository's own error status, else 3 (the repository's
    /// hooks folder is not in a state stackreview will change).
    public var exitStatus: Int32 {
        switch self {
        case .repository(let error): return error.exitCode
        default: return ExitStatus.repositoryError.rawValue
        }
    }

    /// What went wrong and what to do next.
    public var description: String {
        switch self {
        case .repository(let error):
            return error.message
        case .chainedHookExists(let hook, let saved):
            return "'\(hook)' is not stackreview's hook, and '\(saved)' (where stackreview keeps an existing hook so that it still runs) is taken too, so nothing was changed. Combine them by hand: have your hook run `stackreview hook pre-push \"$@\"` with the same standard input Git gave your hook, or move '\(saved)' away and run `stackreview hook install` again."
        case .notInstalledByStackreview(let hook):
            return "'\(hook)' was not installed by stackreview (it lacks the line '\(PrePushHookScript.marker)'), so it was left as it is. Remove it yourself if you no longer want it."
        case .fileSystem(let operation, let path, let reason):
            return "Cannot \(operation) '\(path)': \(reason). Check the folder's permissions."
        }
    }
}
