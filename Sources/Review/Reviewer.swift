import Git

/// Runs reviews against a repository on disk: the one entry point the command line calls.
///
/// The repository is opened per call and never leaves it, so `Reviewer` itself holds no state.
public enum Reviewer {
    /// Reviews what `revisions` selects in the repository containing `path`.
    public static func review(repositoryAt path: String, revisions: RevisionRequest) throws(GitError) -> ChangeReview {
        let repository = try Repository.discover(from: path)
        let range = try repository.resolve(revisions)
        return ChangeReview(range: range, changeSet: try repository.changeSet(range))
    }

    /// Reviews each ref of a push, given the pre-push hook's standard input and remote name.
    public static func reviewPush(
        repositoryAt path: String, remoteName: String, standardInput: String
    ) throws(GitError) -> [PrePushReview] {
        let repository = try Repository.discover(from: path)
        var reviews: [PrePushReview] = []
        for update in try repository.prePushUpdates(standardInput: standardInput, remoteName: remoteName) {
            guard let range = update.range else {
                reviews.append(PrePushReview(update: update, review: nil))
                continue
            }
            let changeSet = try repository.changeSet(range)
            reviews.append(PrePushReview(update: update, review: ChangeReview(range: range, changeSet: changeSet)))
        }
        return reviews
    }
}
