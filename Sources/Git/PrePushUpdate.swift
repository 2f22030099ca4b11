/// One ref in a push, with the range stackreview reviews for it.
public struct PrePushUpdate: Sendable, Hashable, Codable {
    /// How the push changes the remote ref.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// The remote ref exists and moves to a new commit.
        case update
        /// The remote ref does not exist yet.
        case newBranch
        /// The remote ref is deleted: nothing to review.
        case deletion
    }

    /// The line Git sent for this ref.
    public var line: PrePushLine
    /// How the push changes the remote ref.
    public var kind: Kind
    /// What to review; nil for a deletion. Base and head are equal when the pushed commits are
    /// already on the remote.
    public var range: ResolvedRange?

    /// Creates an update.
    public init(line: PrePushLine, kind: Kind, range: ResolvedRange?) {
        self.line = line
        self.kind = kind
        self.range = range
    }
}
