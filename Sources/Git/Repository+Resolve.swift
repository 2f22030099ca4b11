internal import CLibgit2
import Foundation

extension Repository {
    /// Resolves what the user asked to review into two sides to compare.
    public func resolve(_ request: RevisionRequest) throws(GitError) -> ResolvedRange {
        switch request {
        case .staged:
            if isBare { throw GitError.noWorkingTree(path: displayPath) }
            let base = try headSideAllowingUnborn()
            return ResolvedRange(base: base, head: .index, description: "staged changes (HEAD..index)")
        case .worktree:
            if isBare { throw GitError.noWorkingTree(path: displayPath) }
            let base = try headSideAllowingUnborn()
            return ResolvedRange(base: base, head: .worktree, description: "working tree changes (HEAD..worktree)")
        case .defaultRange:
            return try resolveDefaultRange()
        case .expression(let text):
            return try resolveExpression(text)
        }
    }

    /// The commit that a revision (branch, tag, id, `HEAD~2`, ...) names.
    public func resolveCommit(_ revision: String) throws(GitError) -> ObjectID {
        var object: OpaquePointer?
        let code = git_revparse_single(&object, handle, revision)
        guard code == 0, let object else {
            if revision == "HEAD" || revision.hasPrefix("HEAD~") || revision.hasPrefix("HEAD^") || revision.hasPrefix("@") {
                try throwIfHeadUnborn()
            }
            let followsAncestry = revision.contains("~") || revision.contains("^")
            if isShallow && (followsAncestry || ObjectID(hex: revision) != nil) {
                throw GitError.shallowHistoryMissing(revision: revision)
            }
            if isNotFound(code) || code == GIT_EINVALIDSPEC.rawValue || code == GIT_EAMBIGUOUS.rawValue {
                throw GitError.unknownRevision(revision)
            }
            throw GitError.libgit2(operation: "resolve '\(revision)'", message: lastLibgit2ErrorMessage())
        }
        defer { git_object_free(object) }
        var commit: OpaquePointer?
        guard git_object_peel(&commit, object, GIT_OBJECT_COMMIT) == 0, let commit else {
            throw GitError.unknownRevision(revision)
        }
        defer { git_object_free(commit) }
        guard let oid = git_object_id(commit) else { throw GitError.unknownRevision(revision) }
        return ObjectID(oid.pointee)
    }

    /// HEAD's commit id, or an error that explains an empty repository or unborn branch.
    public func headCommit() throws(GitError) -> ObjectID {
        try throwIfHeadUnborn()
        return try resolveCommit("HEAD")
    }

    // MARK: - Private

    private func headSideAllowingUnborn() throws(GitError) -> RevisionSide {
        if git_repository_head_unborn(handle) == 1 { return .emptyTree }
        return .commit(try resolveCommit("HEAD"))
    }

    private func throwIfHeadUnborn() throws(GitError) {
        guard git_repository_head_unborn(handle) == 1 else { return }
        if isEmpty { throw GitError.emptyRepository(path: displayPath) }
        throw GitError.unbornHead(branch: unbornBranchName())
    }

    private func unbornBranchName() -> String {
        var reference: OpaquePointer?
        guard git_reference_lookup(&reference, handle, "HEAD") == 0, let reference else { return "HEAD" }
        defer { git_reference_free(reference) }
        guard let target = git_reference_symbolic_target(reference) else { return "HEAD" }
        let name = String(cString: target)
        return name.hasPrefix("refs/heads/") ? String(name.dropFirst("refs/heads/".count)) : name
    }

    private func resolveExpression(_ text: String) throws(GitError) -> ResolvedRange {
        let expression = try RangeExpression(parsing: text)
        switch expression {
        case .single(let revision):
            let id = try resolveCommit(revision)
            let base = try firstParentSide(of: id, named: revision)
            return ResolvedRange(base: base, head: .commit(id), description: "\(revision) (against its first parent)")
        case .twoDot(let from, let to):
            let base = try resolveCommit(from)
            let head = try resolveCommit(to)
            return ResolvedRange(base: .commit(base), head: .commit(head), description: "\(from)..\(to)")
        case .threeDot(let from, let to):
            let first = try resolveCommit(from)
            let head = try resolveCommit(to)
            guard let base = try mergeBase(first, head) else {
                if isShallow { throw GitError.shallowHistoryMissing(revision: "merge-base(\(from), \(to))") }
                throw GitError.noCommonAncestor(from, to)
            }
            return ResolvedRange(base: .commit(base), head: .commit(head), description: "\(from)...\(to)")
        }
    }

    /// The first parent of a commit, the empty tree for a root commit, or a shallow-clone error
    /// when the parent was cut off.
    func firstParentSide(of id: ObjectID, named revision: String) throws(GitError) -> RevisionSide {
        let commit = try lookupCommit(id)
        guard let parent = parentIDs(of: commit).first else {
            if shallowBoundary().contains(id) { throw GitError.shallowHistoryMissing(revision: "\(revision)^") }
            return .emptyTree
        }
        if shallowBoundary().contains(id) || !objectExists(parent) {
            if isShallow { throw GitError.shallowHistoryMissing(revision: "\(revision)^") }
            throw GitError.unknownRevision("\(revision)^")
        }
        return .commit(parent)
    }

    private func resolveDefaultRange() throws(GitError) -> ResolvedRange {
        let head = try headCommit()
        guard let (baseName, baseTip) = defaultBaseReference().map({ ($0.0, $0.1) }) else {
            throw GitError.noDefaultBase
        }
        guard let base = try mergeBase(head, baseTip) else {
            if isShallow { throw GitError.shallowHistoryMissing(revision: "merge-base(HEAD, \(baseName))") }
            throw GitError.noCommonAncestor(baseName, "HEAD")
        }
        return ResolvedRange(base: .commit(base), head: .commit(head), description: "\(baseName)...HEAD")
    }

    /// The upstream of HEAD's branch, else `origin/HEAD`, else `main`, `master`, `origin/main`,
    /// `origin/master`: its short name and commit.
    private func defaultBaseReference() -> (String, ObjectID)? {
        var head: OpaquePointer?
        if git_repository_head(&head, handle) == 0, let head {
            defer { git_reference_free(head) }
            if git_reference_is_branch(head) == 1 {
                var upstream: OpaquePointer?
                if git_branch_upstream(&upstream, head) == 0, let upstream {
                    defer { git_reference_free(upstream) }
                    let name = String(cString: git_reference_shorthand(upstream))
                    if let id = commitOfReference(named: String(cString: git_reference_name(upstream))) {
                        return (name, id)
                    }
                }
            }
        }
        let candidates = [
            ("origin/HEAD", "refs/remotes/origin/HEAD"), ("main", "refs/heads/main"),
            ("master", "refs/heads/master"), ("origin/main", "refs/remotes/origin/main"),
            ("origin/master", "refs/remotes/origin/master"),
        ]
        for (name, reference) in candidates {
            if let id = commitOfReference(named: reference) { return (name, id) }
        }
        return nil
    }
}

/// The shape of a range expression: `A..B`, `A...B` or a single revision; empty sides mean HEAD.
enum RangeExpression: Equatable {
    case single(String)
    case twoDot(String, String)
    case threeDot(String, String)

    init(parsing raw: String) throws(GitError) {
        let text = raw.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty, !text.contains(where: { $0.isWhitespace }) else {
            throw GitError.malformedRange(raw)
        }
        if let range = text.range(of: "...") {
            let left = String(text[..<range.lowerBound])
            let right = String(text[range.upperBound...])
            guard !left.contains(".."), !right.contains(".."), !(left.isEmpty && right.isEmpty) else {
                throw GitError.malformedRange(raw)
            }
            self = .threeDot(left.isEmpty ? "HEAD" : left, right.isEmpty ? "HEAD" : right)
        } else if let range = text.range(of: "..") {
            let left = String(text[..<range.lowerBound])
            let right = String(text[range.upperBound...])
            guard !right.contains(".."), !(left.isEmpty && right.isEmpty) else {
                throw GitError.malformedRange(raw)
            }
            self = .twoDot(left.isEmpty ? "HEAD" : left, right.isEmpty ? "HEAD" : right)
        } else {
            self = .single(text)
        }
    }
}
