internal import CLibgit2

/// Creates a repository and commits files to it through libgit2, without the git command.
///
/// Commits are deterministic: the same files, message, signature and parent give the same id.
/// Not `Sendable`, like `Repository`.
public final class RepositoryWriter {
    /// The repository being written; use it to read back what was committed.
    public let repository: Repository

    private init(repository: Repository) {
        self.repository = repository
    }

    /// Creates a new non-bare repository at `path` (making missing folders) whose HEAD is the
    /// unborn branch `initialBranch`.
    public static func create(at path: String, initialBranch: String = "main") throws(GitError) -> RepositoryWriter {
        ensureLibgit2Initialized()
        var options = git_repository_init_options()
        try check(git_repository_init_options_init(&options, 1), "prepare to create a repository")
        options.flags = GIT_REPOSITORY_INIT_MKPATH.rawValue
        var pointer: OpaquePointer?
        let code = initialBranch.withCString { branch in
            options.initial_head = branch
            return git_repository_init_ext(&pointer, path, &options)
        }
        try check(code, "create a repository at '\(path)'")
        guard let pointer else {
            throw GitError.libgit2(operation: "create a repository at '\(path)'", message: "no repository")
        }
        return RepositoryWriter(repository: Repository.adopting(pointer))
    }

    /// Commits `changes` (path → change) on `branch` and returns the new commit's id.
    ///
    /// The parent is the branch's tip; a branch that does not exist yet starts from HEAD's commit
    /// (or has no parent when HEAD is unborn). When `branch` is the branch HEAD is on, the working
    /// tree and index are updated to the new commit too.
    public func commit(
        _ changes: [String: FileChange], on branch: String, message: String, author: CommitSignature
    ) throws(GitError) -> ObjectID {
        let handle = repository.handle
        let branchReference = "refs/heads/\(branch)"
        let parentID = repository.commitOfReference(named: branchReference)
            ?? (git_repository_head_unborn(handle) == 1 ? nil : try? repository.resolveCommit("HEAD"))
        let parent = try parentID.map { id throws(GitError) in try repository.lookupCommit(id) }

        var indexPointer: OpaquePointer?
        try check(git_index_new(&indexPointer), "create an index")
        guard let indexPointer else { throw GitError.libgit2(operation: "create an index", message: "no index") }
        let index = Libgit2Handle(indexPointer, release: git_index_free)
        if let parentID {
            let parentTree = try repository.lookupTree(ofCommit: parentID)
            try check(git_index_read_tree(index.pointer, parentTree.pointer), "read the tree of \(parentID.short)")
        }
        for path in changes.keys.sorted() {
            guard let change = changes[path] else { continue }
            try apply(change, at: Repository.normalized(path), to: index)
        }
        var treeOID = git_oid()
        try check(git_index_write_tree_to(&treeOID, index.pointer, handle), "write the tree")
        var treePointer: OpaquePointer?
        try check(git_tree_lookup(&treePointer, handle, &treeOID), "read the new tree")
        guard let treePointer else { throw GitError.libgit2(operation: "read the new tree", message: "no tree") }
        let tree = Libgit2Handle(treePointer, release: git_tree_free)

        var signature: UnsafeMutablePointer<git_signature>?
        try check(
            git_signature_new(&signature, author.name, author.email, git_time_t(author.time), Int32(author.timeZoneOffsetMinutes)),
            "record the author '\(author.name) <\(author.email)>'")
        defer { git_signature_free(signature) }

        var commitOID = git_oid()
        var parents: [OpaquePointer?] = parent.map { [$0.pointer] } ?? []
        let code = parents.withUnsafeMutableBufferPointer { buffer in
            git_commit_create(
                &commitOID, handle, nil, signature, signature, nil, message, tree.pointer,
                buffer.count, buffer.baseAddress)
        }
        try check(code, "create the commit")
        let commitID = ObjectID(commitOID)

        if try isHeadBranch(branchReference) {
            var checkout = git_checkout_options()
            try check(git_checkout_options_init(&checkout, 1), "prepare the checkout")
            checkout.checkout_strategy = GIT_CHECKOUT_FORCE.rawValue
            try check(git_checkout_tree(handle, tree.pointer, &checkout), "update the working tree")
        }
        var reference: OpaquePointer?
        try check(
            git_reference_create(&reference, handle, branchReference, &commitOID, 1, "stackreview: commit"),
            "move branch '\(branch)' to \(commitID.short)")
        git_reference_free(reference)
        return commitID
    }

    private func apply(_ change: FileChange, at path: String, to index: Libgit2Handle) throws(GitError) {
        let bytes: [UInt8]
        let mode: git_filemode_t
        switch change {
        case .delete:
            try check(git_index_remove(index.pointer, path, 0), "delete '\(path)', which the parent commit does not have")
            return
        case .file(let content):
            bytes = content
            mode = GIT_FILEMODE_BLOB
        case .executable(let content):
            bytes = content
            mode = GIT_FILEMODE_BLOB_EXECUTABLE
        case .symlink(let target):
            bytes = Array(target.utf8)
            mode = GIT_FILEMODE_LINK
        }
        var blobOID = git_oid()
        let code = bytes.withUnsafeBytes { git_blob_create_from_buffer(&blobOID, repository.handle, $0.baseAddress, $0.count) }
        try check(code, "store '\(path)'")
        var entry = git_index_entry()
        entry.mode = mode.rawValue
        entry.id = blobOID
        entry.file_size = UInt32(truncatingIfNeeded: bytes.count)
        let added = path.withCString { cPath in
            entry.path = cPath
            return git_index_add(index.pointer, &entry)
        }
        try check(added, "add '\(path)' to the commit")
    }

    private func isHeadBranch(_ reference: String) throws(GitError) -> Bool {
        guard !repository.isBare else { return false }
        var head: OpaquePointer?
        guard git_reference_lookup(&head, repository.handle, "HEAD") == 0, let head else { return false }
        defer { git_reference_free(head) }
        guard let target = git_reference_symbolic_target(head) else { return false }
        return String(cString: target) == reference
    }
}

/// A writer must not cross tasks or threads, like the repository it writes.
@available(*, unavailable)
extension RepositoryWriter: Sendable {}
