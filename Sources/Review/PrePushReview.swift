import Git

/// The review of one ref in a push: the update Git announced and, unless the ref is being
/// deleted, the review of what it publishes.
public struct PrePushReview: Sendable {
    /// The ref update as Git sent it, with the range resolved for it.
    public var update: PrePushUpdate
    /// The review of the pushed commits; nil for a deletion.
    public var review: ReviewResult?

    /// Creates the review of one pushed ref.
    public init(update: PrePushUpdate, review: ReviewResult?) {
        self.update = update
        self.review = review
    }
}
