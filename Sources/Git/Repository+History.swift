internal import CLibgit2

extension Repository {
    /// The summary, author and parents of a commit.
    public func commitInfo(_ id: ObjectID) throws(GitError) -> CommitInfo {
        let commit = try lookupCommit(id)
        let message = git_commit_message(commit.pointer).map { String(cString: $0) } ?? ""
        let summary = git_commit_summary(commit.pointer).map { String(cString: $0) } ?? ""
        let author = git_commit_author(commit.pointer)?.pointee
        let committer = git_commit_committer(commit.pointer)?.pointee
        return CommitInfo(
            id: id,
            parents: parentIDs(of: commit),
            summary: summary,
            message: message,
            authorName: author?.name.map { String(cString: $0) } ?? "",
            authorEmail: author?.email.map { String(cString: $0) } ?? "",
            authorTime: Int64(author?.when.time ?? 0),
            authorTimeZoneOffsetMinutes: Int(author?.when.offset ?? 0),
            commitTime: Int64(committer?.when.time ?? author?.when.time ?? 0),
            commitTimeZoneOffsetMinutes: Int(committer?.when.offset ?? author?.when.offset ?? 0))
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

extension Repository {
    /// The tag nearest to `commit` in its history (`commit` itself included), as
    /// `git describe --tags --abbrev=0` finds it: its short name and the commit it names.
    ///
    /// Lightweight and annotated tags both count. Throws `GitError.noTagReachable` when no tag
    /// names `commit` or any of its ancestors.
    public func latestTag(reachableFrom commit: ObjectID, named revision: String) throws(GitError) -> (name: String, commit: ObjectID) {
        var oid = commit.gitOID
        var object: OpaquePointer?
        try check(git_object_lookup(&object, handle, &oid, GIT_OBJECT_COMMIT), "read commit \(commit.short)")
        guard let object else { throw GitError.unknownRevision(revision) }
        defer { git_object_free(object) }
        var options = git_describe_options()
        try check(git_describe_options_init(&options, UInt32(GIT_DESCRIBE_OPTIONS_VERSION)), "describe \(revision)")
        options.describe_strategy = GIT_DESCRIBE_TAGS.rawValue
        var tags = git_strarray()
        try check(git_tag_list(&tags, handle), "list the tags")
        let tagCount = tags.count
        git_strarray_dispose(&tags)
        var result: OpaquePointer?
        let code = tagCount == 0 ? GIT_ENOTFOUND.rawValue : git_describe_commit(&result, object, &options)
        guard code == 0, let result else {
            if isNotFound(code) {
                if isShallow { throw GitError.shallowHistoryMissing(revision: "the latest tag before \(revision)") }
                throw GitError.noTagReachable(revision: revision)
            }
            throw GitError.libgit2(operation: "find the latest tag before \(revision)", message: lastLibgit2ErrorMessage())
        }
        defer { git_describe_result_free(result) }
        var format = git_describe_format_options()
        try check(git_describe_format_options_init(&format, UInt32(GIT_DESCRIBE_FORMAT_OPTIONS_VERSION)), "describe \(revision)")
        format.abbreviated_size = 0
        var buffer = git_buf()
        defer { git_buf_dispose(&buffer) }
        try check(git_describe_format(&buffer, result, &format), "name the latest tag before \(revision)")
        let name = buffer.ptr.map { String(cString: $0) } ?? ""
        guard let tagged = commitOfReference(named: "refs/tags/" + name) else { throw GitError.noTagReachable(revision: revision) }
        return (name, tagged)
    }
}
