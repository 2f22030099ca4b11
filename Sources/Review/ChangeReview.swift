import Git

/// What one review covers: the resolved range and the files it changes.
///
/// Rules and findings are added to this value as the review engine grows; today it carries the
/// change set the engine works from.
public struct ChangeReview: Sendable, Hashable {
    /// The range that was reviewed.
    public var range: ResolvedRange
    /// The files the range changes.
    public var changeSet: ChangeSet

    /// Creates a review of `changeSet` over `range`.
    public init(range: ResolvedRange, changeSet: ChangeSet) {
        self.range = range
        self.changeSet = changeSet
    }
}
