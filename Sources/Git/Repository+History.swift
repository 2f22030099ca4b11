internal import CLibgit2

extension Repository {
    /// The summary, author and parents of a commit.
    public func commitInfo(_ id: ObjectID) throws(GitError) -> CommitInfo {
        let commit = try lookupCommit(id)
        let message = git_commit_message(commit.pointer).map { String(cString: $0) } ?? ""
        let summary = git_commit_summary(commit.pointer).map { String(cString: $0) } ?? ""
        let author = git_commit_author(commit.pointer)?.pointee
        return CommitInfo(
            id: id,
            parents: parentIDs(of: commit),
            summary: summary,
            message: message,
            authorName: author?.name.map { String(cString: $0) } ?? "",
            authorEmail: author?.email.map { String(cString: $0) } ?? "",
            authorTime: Int64(author?.when.time ?? 0),
            authorTimeZoneOffsetMinutes: Int(author?.when.offset ?? 0))
    }

    /// The commits on the first-parent line from `head` back to (not including) `base`, newest first.
    ///
    /// With `base` nil, the whole first-parent history of `head`. Commits reachable from `base`
    /// are left out, so merged side branches appear only as their merge commit.
    public func firstParentHistory(from base: ObjectID?, to head: ObjectID) throws(GitError) -> [CommitInfo] {
        var walkPointer: OpaquePointer?
        try check(git_revwalk_new(&walkPointer, handle), "walk the history")
        guard let walkPointer else { return [] }
        let walk = Libgit2Handle(walkPointer, release: git_revwalk_free)
        try check(git_revwalk_sorting(walk.pointer, GIT_SORT_TOPOLOGICAL.rawValue), "walk the history")
        try check(git_revwalk_simplify_first_parent(walk.pointer), "walk the history")
        var headOID = head.gitOID
        try check(git_revwalk_push(walk.pointer, &headOID), "walk the history from \(head.short)")
        if let base {
            var baseOID = base.gitOID
            try check(git_revwalk_hide(walk.pointer, &baseOID), "walk the history down to \(base.short)")
        }
        var result: [CommitInfo] = []
        var next = git_oid()
        while true {
            let code = git_revwalk_next(&next, walk.pointer)
            if code == GIT_ITEROVER.rawValue { break }
            if isNotFound(code) && isShallow { throw GitError.shallowHistoryMissing(revision: base?.hex ?? head.hex) }
            try check(code, "walk the history from \(head.short)")
            result.append(try commitInfo(ObjectID(next)))
        }
        return result
    }
}
