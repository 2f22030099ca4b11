/// Two sides to compare, resolved to commit ids, with a readable account of how they were chosen.
public struct ResolvedRange: Sendable, Hashable, Codable {
    /// The old side.
    public var base: RevisionSide
    /// The new side.
    public var head: RevisionSide
    /// How the sides were chosen, for people (for example `merge-base(HEAD, origin/main)..HEAD`).
    public var description: String

    /// Creates a range from its two sides and a description.
    public init(base: RevisionSide, head: RevisionSide, description: String) {
        self.base = base
        self.head = head
        self.description = description
    }
}
