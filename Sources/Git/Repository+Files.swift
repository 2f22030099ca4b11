internal import CLibgit2
import Foundation

extension Repository {
    /// The content of the file at `path` on one side, or nil when no file is there.
    ///
    /// Commits are read from the object database (no checkout), the index from its staged blobs,
    /// the working tree from disk. A symlink's content is its target, never the file it points at.
    public func file(at path: String, in side: RevisionSide) throws(GitError) -> FileBlob? {
        let path = Self.normalized(path)
        guard !path.isEmpty else { return nil }
        switch side {
        case .emptyTree:
            return nil
        case .commit(let id):
            let tree = try lookupTree(ofCommit: id)
            var entryPointer: OpaquePointer?
            let code = git_tree_entry_bypath(&entryPointer, tree.pointer, path)
            if isNotFound(code) { return nil }
            try check(code, "find '\(path)' in commit \(id.short)")
            guard let entryPointer else { return nil }
            defer { git_tree_entry_free(entryPointer) }
            guard let mode = fileMode(fromRaw: git_tree_entry_filemode(entryPointer).rawValue),
                  let oid = git_tree_entry_id(entryPointer)
            else { return nil }
            return try blob(path: path, id: ObjectID(oid.pointee), mode: mode)
        case .index:
            let index = try openIndex()
            guard let entry = git_index_get_bypath(index.pointer, path, 0)?.pointee,
                  let mode = fileMode(fromRaw: entry.mode)
            else { return nil }
            return try blob(path: path, id: ObjectID(entry.id), mode: mode)
        case .worktree:
            return try fileOnDisk(at: path)
        }
    }

    /// The files under `folder` on one side (`""` for the whole repository), sorted by path.
    ///
    /// With `recursive` false, only the folder's own files are listed (a Terraform module);
    /// with true, every file below it too. The working tree lists tracked files that exist on
    /// disk and untracked files that are not ignored.
    public func listFiles(under folder: String, in side: RevisionSide, recursive: Bool = false) throws(GitError) -> [TreeEntry] {
        let folder = Self.normalized(folder)
        switch side {
        case .emptyTree:
            return []
        case .commit(let id):
            return try listTree(under: folder, commit: id, recursive: recursive)
        case .index:
            let index = try openIndex()
            return indexEntries(index, under: folder, recursive: recursive)
        case .worktree:
            return try listWorktree(under: folder, recursive: recursive)
        }
    }

    // MARK: - Commits

    private func blob(path: String, id: ObjectID, mode: FileMode) throws(GitError) -> FileBlob {
        if mode == .submodule { return FileBlob(path: path, bytes: [], id: id, mode: mode) }
        var oid = id.gitOID
        var blobPointer: OpaquePointer?
        try check(git_blob_lookup(&blobPointer, handle, &oid), "read '\(path)' (blob \(id.short))")
        guard let blobPointer else {
            throw GitError.libgit2(operation: "read '\(path)' (blob \(id.short))", message: "no blob")
        }
        defer { git_blob_free(blobPointer) }
        let size = Int(git_blob_rawsize(blobPointer))
        var bytes = [UInt8](repeating: 0, count: size)
        if size > 0, let raw = git_blob_rawcontent(blobPointer) {
            bytes.withUnsafeMutableBytes { $0.copyMemory(from: UnsafeRawBufferPointer(start: raw, count: size)) }
        }
        return FileBlob(path: path, bytes: bytes, id: id, mode: mode)
    }

    private func listTree(under folder: String, commit id: ObjectID, recursive: Bool) throws(GitError) -> [TreeEntry] {
        let root = try lookupTree(ofCommit: id)
        var tree = root
        if !folder.isEmpty {
            var entryPointer: OpaquePointer?
            let code = git_tree_entry_bypath(&entryPointer, root.pointer, folder)
            if isNotFound(code) { return [] }
            try check(code, "find '\(folder)' in commit \(id.short)")
            guard let entryPointer else { return [] }
            defer { git_tree_entry_free(entryPointer) }
            guard git_tree_entry_type(entryPointer) == GIT_OBJECT_TREE else { return [] }
            var subtree: OpaquePointer?
            try check(git_tree_lookup(&subtree, handle, git_tree_entry_id(entryPointer)), "read folder '\(folder)'")
            guard let subtree else { return [] }
            tree = Libgit2Handle(subtree, release: git_tree_free)
        }
        let collector = TreeCollector(prefix: folder.isEmpty ? "" : folder + "/", recursive: recursive)
        let payload = Unmanaged.passUnretained(collector).toOpaque()
        let code = withExtendedLifetime(collector) {
            git_tree_walk(tree.pointer, GIT_TREEWALK_PRE, { root, entry, payload in
                guard let entry, let payload else { return -1 }
                let collector = Unmanaged<TreeCollector>.fromOpaque(payload).takeUnretainedValue()
                return collector.visit(root: root.map { String(cString: $0) } ?? "", entry: entry)
            }, payload)
        }
        try check(code, "list folder '\(folder)' in commit \(id.short)")
        return collector.entries.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    }

    // MARK: - Index

    private func indexEntries(_ index: Libgit2Handle, under folder: String, recursive: Bool) -> [TreeEntry] {
        let prefix = folder.isEmpty ? "" : folder + "/"
        var result: [TreeEntry] = []
        for position in 0..<git_index_entrycount(index.pointer) {
            guard let entry = git_index_get_byindex(index.pointer, position)?.pointee,
                  Self.stage(of: entry) == 0,
                  let mode = fileMode(fromRaw: entry.mode)
            else { continue }
            let path = String(cString: entry.path)
            guard path.hasPrefix(prefix) else { continue }
            if !recursive && path.dropFirst(prefix.count).contains("/") { continue }
            result.append(TreeEntry(path: path, id: ObjectID(entry.id), mode: mode))
        }
        return result
    }

    private static func stage(of entry: git_index_entry) -> Int {
        Int((entry.flags >> 12) & 0x3)
    }

    // MARK: - Working tree

    private func fileOnDisk(at path: String) throws(GitError) -> FileBlob? {
        guard let workdir else { throw GitError.noWorkingTree(path: displayPath) }
        let fullPath = workdir + "/" + path
        let manager = FileManager.default
        guard let attributes = try? manager.attributesOfItem(atPath: fullPath),
              let type = attributes[.type] as? FileAttributeType
        else { return nil }
        let bytes: [UInt8]
        let mode: FileMode
        switch type {
        case .typeSymbolicLink:
            guard let target = try? manager.destinationOfSymbolicLink(atPath: fullPath) else {
                throw GitError.unreadableFile(path: path, reason: "the symbolic link cannot be read")
            }
            bytes = Array(target.utf8)
            mode = .symlink
        case .typeRegular:
            guard let data = manager.contents(atPath: fullPath) else {
                throw GitError.unreadableFile(path: path, reason: "permission denied or the file vanished")
            }
            bytes = [UInt8](data)
            let permissions = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? 0
            mode = permissions & 0o111 != 0 ? .executable : .regular
        default:
            return nil
        }
        return FileBlob(path: path, bytes: bytes, id: try hashBlob(bytes), mode: mode)
    }

    private func hashBlob(_ bytes: [UInt8]) throws(GitError) -> ObjectID {
        var oid = git_oid()
        let code = bytes.withUnsafeBytes { git_odb_hash(&oid, $0.baseAddress, $0.count, GIT_OBJECT_BLOB) }
        try check(code, "hash a file")
        return ObjectID(oid)
    }

    private func listWorktree(under folder: String, recursive: Bool) throws(GitError) -> [TreeEntry] {
        guard let workdir else { throw GitError.noWorkingTree(path: displayPath) }
        let index = try openIndex()
        let tracked = Set(indexEntries(index, under: folder, recursive: recursive).map(\.path))
        let prefix = folder.isEmpty ? "" : folder + "/"
        let root = folder.isEmpty ? workdir : workdir + "/" + folder
        var candidates: [String] = []
        let manager = FileManager.default
        if recursive {
            var trackedFolders: Set<String> = []
            for path in tracked {
                var folder = Substring(path)
                while let slash = folder.lastIndex(of: "/") {
                    folder = folder[..<slash]
                    if !trackedFolders.insert(String(folder)).inserted { break }
                }
            }
            guard let enumerator = manager.enumerator(atPath: root) else { return [] }
            while let relative = enumerator.nextObject() as? String {
                let isFolder = enumerator.fileAttributes?[.type] as? FileAttributeType == .typeDirectory
                if relative == ".git" || relative.hasSuffix("/.git") {
                    enumerator.skipDescendants()
                    continue
                }
                if isFolder {
                    // Skip ignored folders (.terraform, node_modules, ...) without reading them.
                    let folderPath = prefix + relative
                    if !trackedFolders.contains(folderPath), try isIgnored(folderPath + "/") {
                        enumerator.skipDescendants()
                    }
                    continue
                }
                candidates.append(prefix + relative)
            }
        } else {
            guard let names = try? manager.contentsOfDirectory(atPath: root) else { return [] }
            candidates = names.filter { $0 != ".git" }.map { prefix + $0 }
        }
        var entries: [TreeEntry] = []
        for path in candidates {
            if !tracked.contains(path), try isIgnored(path) { continue }
            if let file = try fileOnDisk(at: path) {
                entries.append(TreeEntry(path: path, id: file.id, mode: file.mode))
            }
        }
        return entries.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    }

    private func isIgnored(_ path: String) throws(GitError) -> Bool {
        var ignored: Int32 = 0
        try check(git_ignore_path_is_ignored(&ignored, handle, path), "check whether '\(path)' is ignored")
        return ignored == 1
    }

    /// `path` without `./` in front or `/` at the end; `""` for the repository's root.
    static func normalized(_ path: String) -> String {
        var path = path
        while path.hasPrefix("./") { path.removeFirst(2) }
        while path.hasSuffix("/") { path.removeLast() }
        return path == "." ? "" : path
    }
}

/// Collects the entries of a tree walk; reached from the C callback through an `Unmanaged` payload.
private final class TreeCollector {
    let prefix: String
    let recursive: Bool
    var entries: [TreeEntry] = []

    init(prefix: String, recursive: Bool) {
        self.prefix = prefix
        self.recursive = recursive
    }

    /// Records one entry; returns 1 to skip a subtree when not recursive, 0 to go on.
    func visit(root: String, entry: OpaquePointer) -> Int32 {
        if git_tree_entry_type(entry) == GIT_OBJECT_TREE { return recursive ? 0 : 1 }
        guard let mode = fileMode(fromRaw: git_tree_entry_filemode(entry).rawValue),
              let oid = git_tree_entry_id(entry),
              let name = git_tree_entry_name(entry)
        else { return 0 }
        entries.append(TreeEntry(path: prefix + root + String(cString: name), id: ObjectID(oid.pointee), mode: mode))
        return 0
    }
}
