/// What a changelog needs to know about one commit.
public struct CommitInfo: Sendable, Hashable, Codable {
    /// The commit id.
    public var id: ObjectID
    /// The parents' ids, first parent first; empty for a root commit.
    public var parents: [ObjectID]
    /// The first line of the message.
    public var summary: String
    /// The whole message, as recorded.
    public var message: String
    /// The author's name.
    public var authorName: String
    /// The author's email address.
    public var authorEmail: String
    /// When the commit was authored, in seconds since 1970-01-01 UTC.
    public var authorTime: Int64
    /// The author's time-zone offset from UTC, in minutes.
    public var authorTimeZoneOffsetMinutes: Int

    /// The first parent, which a merge commit is reviewed against; nil for a root commit.
    public var firstParent: ObjectID? { parents.first }

    /// Creates a commit description.
    public init(
        id: ObjectID, parents: [ObjectID], summary: String, message: String, authorName: String,
        authorEmail: String, authorTime: Int64, authorTimeZoneOffsetMinutes: Int
    ) {
        self.id = id
        self.parents = parents
        self.summary = summary
        self.message = message
        self.authorName = authorName
        self.authorEmail = authorEmail
        self.authorTime = authorTime
        self.authorTimeZoneOffsetMinutes = authorTimeZoneOffsetMinutes
    }
}
