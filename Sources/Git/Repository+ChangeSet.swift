internal import CLibgit2

extension Repository {
    /// Compares the two sides of a range: every changed file with its status, mode, kind and the
    /// line ranges that were added or deleted.
    ///
    /// Renames are detected (similarity 50% or more), and copies from files that the change also
    /// modified (like `git diff -C`). Only the changed files' blobs are read.
    public func changeSet(_ range: ResolvedRange) throws(GitError) -> ChangeSet {
        let diff = try makeDiff(from: range.base, to: range.head)
        try findRenamesAndCopies(in: diff, includeUntracked: range.head == .worktree)
        var files: [ChangedFile] = []
        let count = git_diff_num_deltas(diff.pointer)
        files.reserveCapacity(count)
        for index in 0..<count {
            if let file = try changedFile(in: diff, at: index) { files.append(file) }
        }
        return ChangeSet(base: range.base, head: range.head, description: range.description, files: files)
    }

    // MARK: - Diff construction

    private func makeDiff(from base: RevisionSide, to head: RevisionSide) throws(GitError) -> Libgit2Handle {
        var options = git_diff_options()
        try check(git_diff_options_init(&options, 1), "prepare diff options")
        options.context_lines = 0
        options.interhunk_lines = 0
        options.flags = GIT_DIFF_INCLUDE_TYPECHANGE.rawValue
        options.ignore_submodules = GIT_SUBMODULE_IGNORE_NONE

        let baseTree: Libgit2Handle?
        switch base {
        case .commit(let id): baseTree = try lookupTree(ofCommit: id)
        case .emptyTree: baseTree = nil
        case .index:
            guard head == .worktree else {
                throw GitError.unsupportedRange("the index with \(head)")
            }
            let index = try openIndex()
            options.flags |= GIT_DIFF_INCLUDE_UNTRACKED.rawValue | GIT_DIFF_RECURSE_UNTRACKED_DIRS.rawValue
                | GIT_DIFF_SHOW_UNTRACKED_CONTENT.rawValue
            options.ignore_submodules = GIT_SUBMODULE_IGNORE_DIRTY
            var diff: OpaquePointer?
            try check(git_diff_index_to_workdir(&diff, handle, index.pointer, &options), "compare the index with the working tree")
            return try owned(diff)
        case .worktree:
            throw GitError.unsupportedRange("the working tree with \(head)")
        }

        var diff: OpaquePointer?
        switch head {
        case .commit(let id):
            let headTree = try lookupTree(ofCommit: id)
            try check(
                git_diff_tree_to_tree(&diff, handle, baseTree?.pointer, headTree.pointer, &options),
                "compare \(base) with \(id.short)")
        case .emptyTree:
            try check(git_diff_tree_to_tree(&diff, handle, baseTree?.pointer, nil, &options), "compare \(base) with the empty tree")
        case .index:
            let index = try openIndex()
            try check(
                git_diff_tree_to_index(&diff, handle, baseTree?.pointer, index.pointer, &options),
                "compare \(base) with the index")
        case .worktree:
            if isBare { throw GitError.noWorkingTree(path: displayPath) }
            options.flags |= GIT_DIFF_INCLUDE_UNTRACKED.rawValue | GIT_DIFF_RECURSE_UNTRACKED_DIRS.rawValue
                | GIT_DIFF_SHOW_UNTRACKED_CONTENT.rawValue
            options.ignore_submodules = GIT_SUBMODULE_IGNORE_DIRTY
            try check(
                git_diff_tree_to_workdir_with_index(&diff, handle, baseTree?.pointer, &options),
                "compare \(base) with the working tree")
        }
        return try owned(diff)
    }

    private func owned(_ diff: OpaquePointer?) throws(GitError) -> Libgit2Handle {
        guard let diff else { throw GitError.libgit2(operation: "compute the diff", message: "no diff") }
        return Libgit2Handle(diff, release: git_diff_free)
    }

    private func findRenamesAndCopies(in diff: Libgit2Handle, includeUntracked: Bool) throws(GitError) {
        var options = git_diff_find_options()
        try check(git_diff_find_options_init(&options, 1), "prepare rename detection")
        options.flags = GIT_DIFF_FIND_RENAMES.rawValue | GIT_DIFF_FIND_COPIES.rawValue
        if includeUntracked { options.flags |= GIT_DIFF_FIND_FOR_UNTRACKED.rawValue }
        try check(git_diff_find_similar(diff.pointer, &options), "detect renames and copies")
    }

    // MARK: - One file

    private func changedFile(in diff: Libgit2Handle, at index: Int) throws(GitError) -> ChangedFile? {
        guard let deltaPointer = git_diff_get_delta(diff.pointer, index) else { return nil }
        let listed = deltaPointer.pointee
        guard let status = Self.changeStatus(listed.status) else { return nil }
        let oldPath = listed.old_file.path.map { String(cString: $0) }
        let newPath = listed.new_file.path.map { String(cString: $0) }
        let oldMode = status == .added ? nil : fileMode(fromRaw: UInt32(listed.old_file.mode))
        let newMode = status == .deleted ? nil : fileMode(fromRaw: UInt32(listed.new_file.mode))
        let path = (status == .deleted ? oldPath : newPath) ?? oldPath ?? ""
        let mode = newMode ?? oldMode ?? .regular
        let isSubmodule = oldMode == .submodule || newMode == .submodule

        var delta = listed
        var added: [LineRange] = []
        var deleted: [LineRange] = []
        if !isSubmodule {
            var patchPointer: OpaquePointer?
            let code = git_patch_from_diff(&patchPointer, diff.pointer, index)
            do {
                try check(code, "compute the changes of '\(path)'")
            } catch {
                if code == GIT_ENOTFOUND.rawValue, isPartialClone { throw GitError.partialCloneObjectMissing(path: path) }
                throw error
            }
            if let patchPointer {
                let patch = Libgit2Handle(patchPointer, release: git_patch_free)
                if let patched = git_patch_get_delta(patch.pointer) { delta = patched.pointee }
                (added, deleted) = try lineRanges(of: patch, path: path)
            }
        }
        let binaryFlag = GIT_DIFF_FLAG_BINARY.rawValue
        let isBinary = !isSubmodule
            && (delta.flags & binaryFlag != 0 || delta.old_file.flags & binaryFlag != 0 || delta.new_file.flags & binaryFlag != 0)

        return ChangedFile(
            path: path,
            oldPath: status == .added ? nil : oldPath,
            status: status,
            kind: FileKind(path: path),
            mode: mode,
            oldMode: oldMode,
            isBinary: isBinary,
            isSkipped: isSubmodule,
            similarity: status == .renamed || status == .copied ? Int(delta.similarity) : nil,
            oldBlobID: status == .added ? nil : Self.knownID(of: delta.old_file),
            newBlobID: status == .deleted ? nil : Self.knownID(of: delta.new_file),
            addedLines: isBinary ? [] : added,
            deletedLines: isBinary ? [] : deleted)
    }

    private func lineRanges(of patch: Libgit2Handle, path: String) throws(GitError) -> ([LineRange], [LineRange]) {
        var addedLines: [Int] = []
        var deletedLines: [Int] = []
        let addition = Int8(UInt8(ascii: "+"))
        let deletion = Int8(UInt8(ascii: "-"))
        for hunk in 0..<git_patch_num_hunks(patch.pointer) {
            let lineCount = git_patch_num_lines_in_hunk(patch.pointer, hunk)
            try check(lineCount, "read the changes of '\(path)'")
            for lineIndex in 0..<Int(lineCount) {
                var line: UnsafePointer<git_diff_line>?
                try check(git_patch_get_line_in_hunk(&line, patch.pointer, hunk, lineIndex), "read the changes of '\(path)'")
                guard let line = line?.pointee else { continue }
                if line.origin == addition, line.new_lineno > 0 {
                    addedLines.append(Int(line.new_lineno))
                } else if line.origin == deletion, line.old_lineno > 0 {
                    deletedLines.append(Int(line.old_lineno))
                }
            }
        }
        return (LineRange.merging(lines: addedLines), LineRange.merging(lines: deletedLines))
    }

    private static func knownID(of file: git_diff_file) -> ObjectID? {
        guard file.flags & GIT_DIFF_FLAG_VALID_ID.rawValue != 0 else { return nil }
        let id = ObjectID(file.id)
        return id.isZero ? nil : id
    }

    private static func changeStatus(_ status: git_delta_t) -> ChangeStatus? {
        switch status {
        case GIT_DELTA_ADDED, GIT_DELTA_UNTRACKED: return .added
        case GIT_DELTA_DELETED: return .deleted
        case GIT_DELTA_MODIFIED, GIT_DELTA_CONFLICTED: return .modified
        case GIT_DELTA_RENAMED: return .renamed
        case GIT_DELTA_COPIED: return .copied
        case GIT_DELTA_TYPECHANGE: return .typeChange
        default: return nil
        }
    }
}

extension Repository {
    /// Whether this is a partial clone (`git clone --filter=…`): objects it has not fetched are
    /// missing from its database, and stackreview never fetches them.
    var isPartialClone: Bool {
        ["extensions.partialclone", "remote.origin.promisor", "remote.origin.partialclonefilter"].contains { name in
            ((try? configString(name)) ?? nil) != nil
        }
    }
}
