internal import CLibgit2

extension Repository {
    /// Parses a pre-push hook's standard input and resolves what to review for each ref pushed.
    ///
    /// - An update is reviewed from the merge base of the remote and local commits (the remote
    ///   commit itself for a fast-forward). A remote commit missing locally is treated like a new
    ///   branch.
    /// - A new branch is reviewed from its merge base with `refs/remotes/<remote>/HEAD` (else that
    ///   remote's `main`, else `master`); failing that, from the newest ancestor reachable from any
    ///   remote-tracking ref, or the empty tree when none is.
    /// - A deletion has nothing to review.
    public func prePushUpdates(standardInput: String, remoteName: String) throws(GitError) -> [PrePushUpdate] {
        var updates: [PrePushUpdate] = []
        for line in try PrePushLine.parse(standardInput) {
            updates.append(try prePushUpdate(for: line, remoteName: remoteName))
        }
        return updates
    }

    private func prePushUpdate(for line: PrePushLine, remoteName: String) throws(GitError) -> PrePushUpdate {
        if line.localID.isZero {
            return PrePushUpdate(line: line, kind: .deletion, range: nil)
        }
        let head = try resolveCommit(line.localID.hex)
        let kind: PrePushUpdate.Kind = line.remoteID.isZero ? .newBranch : .update
        if kind == .update, objectExists(line.remoteID), let remote = try? resolveCommit(line.remoteID.hex),
           let base = try mergeBase(remote, head) {
            let description = "\(line.remoteRef) \(remote.short)...\(line.localRef) \(head.short)"
            return PrePushUpdate(line: line, kind: kind, range: ResolvedRange(base: .commit(base), head: .commit(head), description: description))
        }
        let (base, reason) = try unpublishedBase(of: head, remoteName: remoteName)
        let description = "\(line.localRef) \(head.short) from \(reason)"
        return PrePushUpdate(line: line, kind: kind, range: ResolvedRange(base: base, head: .commit(head), description: description))
    }

    /// Where the review of a branch the remote does not know starts, and why.
    private func unpublishedBase(of head: ObjectID, remoteName: String) throws(GitError) -> (RevisionSide, String) {
        for branch in ["HEAD", "main", "master"] {
            let reference = "refs/remotes/\(remoteName)/\(branch)"
            if let tip = commitOfReference(named: reference), let base = try mergeBase(tip, head) {
                return (.commit(base), "merge-base with \(remoteName)/\(branch)")
            }
        }
        return try newestPublishedAncestor(of: head)
    }

    /// The newest ancestor of `head` reachable from a remote-tracking ref; the empty tree if none.
    private func newestPublishedAncestor(of head: ObjectID) throws(GitError) -> (RevisionSide, String) {
        var walkPointer: OpaquePointer?
        try check(git_revwalk_new(&walkPointer, handle), "walk the history")
        guard let walkPointer else { return (.emptyTree, "the empty tree") }
        let walk = Libgit2Handle(walkPointer, release: git_revwalk_free)
        var headOID = head.gitOID
        try check(git_revwalk_push(walk.pointer, &headOID), "walk the history from \(head.short)")
        try check(git_revwalk_hide_glob(walk.pointer, "refs/remotes"), "hide remote-tracking refs")
        var unpublished: [ObjectID] = []
        var next = git_oid()
        while true {
            let code = git_revwalk_next(&next, walk.pointer)
            if code == GIT_ITEROVER.rawValue { break }
            try check(code, "walk the history from \(head.short)")
            unpublished.append(ObjectID(next))
        }
        if unpublished.isEmpty {
            return (.commit(head), "a remote-tracking ref (already published)")
        }
        let unpublishedSet = Set(unpublished)
        var newest: (id: ObjectID, time: Int64)?
        for id in unpublished {
            for parent in parentIDs(of: try lookupCommit(id)) where !unpublishedSet.contains(parent) {
                guard objectExists(parent) else {
                    if isShallow { throw GitError.shallowHistoryMissing(revision: parent.hex) }
                    continue
                }
                let time = Int64(git_commit_time(try lookupCommit(parent).pointer))
                if let current = newest, current.time >= time { continue }
                newest = (parent, time)
            }
        }
        guard let newest else { return (.emptyTree, "the empty tree (no commit is on a remote-tracking ref)") }
        return (.commit(newest.id), "\(newest.id.short), the newest commit on a remote-tracking ref")
    }
}
