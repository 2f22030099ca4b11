import Foundation

/// Where a module's files come from: a folder on disk, a dictionary in memory, or (in a later
/// layer) a Git revision.
///
/// Paths are relative to the repository root, use `/` and never start with `/`; the root folder
/// itself is `""`. Implementations must be safe to share between threads.
public protocol ModuleFileSource: Sendable {
    /// The names (not paths) of the regular files directly inside `directory`, sorted; empty when
    /// the folder does not exist.
    func fileNames(in directory: String) -> [String]
    /// The bytes of the file at `path` and an id that changes whenever the content changes
    /// (a Git blob id, or a hash); nil when there is no such file.
    func readFile(at path: String) -> SourceFile?
}

/// One file's content and its content id.
public struct SourceFile: Hashable, Sendable {
    /// The file's bytes.
    public var bytes: [UInt8]
    /// An id of the content: two files with the same id have the same bytes.
    public var contentID: String

    /// Creates a file.
    public init(bytes: [UInt8], contentID: String) {
        self.bytes = bytes
        self.contentID = contentID
    }
}

/// A file source over a dictionary from path to text, for tests and tools.
public struct InMemoryFileSource: ModuleFileSource {
    /// The files, by repository-relative path.
    public var files: [String: [UInt8]]

    /// Creates a source from texts keyed by repository-relative path (`main.tf`, `modules/a/x.tf`).
    public init(_ files: [String: String]) {
        self.files = files.mapValues { Array($0.utf8) }
    }

    /// The names of the files directly in `directory`, sorted.
    public func fileNames(in directory: String) -> [String] {
        let prefix = directory.isEmpty ? "" : directory + "/"
        return files.keys.compactMap { path -> String? in
            guard path.hasPrefix(prefix) else { return nil }
            let rest = path.dropFirst(prefix.count)
            return rest.contains("/") ? nil : String(rest)
        }.sorted()
    }

    /// The file's bytes; the content id is a hash of the bytes (FNV-1a, 64 bits, with the length).
    public func readFile(at path: String) -> SourceFile? {
        guard let bytes = files[path] else { return nil }
        return SourceFile(bytes: bytes, contentID: contentHash(bytes))
    }
}

/// A file source over a folder on disk, which is the repository root.
public struct DirectoryFileSource: ModuleFileSource {
    /// The absolute path of the repository root.
    public var root: String

    /// Creates a source rooted at `root`.
    public init(root: String) {
        self.root = root
    }

    private func absolute(_ path: String) -> String {
        path.isEmpty ? root : root + "/" + path
    }

    /// The names of the regular files directly in `directory`, sorted.
    public func fileNames(in directory: String) -> [String] {
        let manager = FileManager.default
        let folder = absolute(directory)
        guard let names = try? manager.contentsOfDirectory(atPath: folder) else { return [] }
        return names.filter { name in
            var isDirectory: ObjCBool = false
            return manager.fileExists(atPath: folder + "/" + name, isDirectory: &isDirectory) && !isDirectory.boolValue
        }.sorted()
    }

    /// The file's bytes; the content id is a hash of the bytes.
    public func readFile(at path: String) -> SourceFile? {
        guard let data = FileManager.default.contents(atPath: absolute(path)) else { return nil }
        let bytes = [UInt8](data)
        return SourceFile(bytes: bytes, contentID: contentHash(bytes))
    }
}

/// FNV-1a over the bytes, plus the length: a content id for sources that have no blob ids.
func contentHash(_ bytes: [UInt8]) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
        hash ^= UInt64(byte)
        hash = hash &* 0x0000_0100_0000_01b3
    }
    return "fnv1a:\(String(hash, radix: 16)):\(bytes.count)"
}

/// Repository-relative path arithmetic (`/`-separated, no leading slash).
enum RepositoryPath {
    /// Joins `relative` onto `directory`, resolving `.` and `..`; nil when the result leaves the
    /// repository root or `relative` is absolute.
    static func resolve(_ relative: String, in directory: String) -> String? {
        if relative.hasPrefix("/") || relative.hasPrefix("~") || relative.contains("\\") { return nil }
        if relative.count >= 2, relative.dropFirst().first == ":" { return nil }
        var parts = directory.split(separator: "/").map(String.init)
        for part in relative.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                if parts.isEmpty { return nil }
                parts.removeLast()
            default: parts.append(String(part))
            }
        }
        return parts.joined(separator: "/")
    }

    /// The path of `target` relative to `base` (both repository-relative folders), e.g.
    /// `../../modules/net`; `.` when they are the same.
    static func relative(_ target: String, from base: String) -> String {
        let targetParts = target.split(separator: "/")
        let baseParts = base.split(separator: "/")
        var common = 0
        while common < targetParts.count, common < baseParts.count, targetParts[common] == baseParts[common] { common += 1 }
        let parts = Array(repeating: "..", count: baseParts.count - common) + targetParts[common...].map(String.init)
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }

    /// The folder part of a path (`""` for a file at the root).
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    /// Joins a folder and a name.
    static func join(_ directory: String, _ name: String) -> String {
        directory.isEmpty ? name : directory + "/" + name
    }
}
