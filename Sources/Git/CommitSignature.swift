/// Who made a commit and when, fixed so that commit ids are reproducible.
public struct CommitSignature: Sendable, Hashable {
    /// The name recorded in the commit.
    public var name: String
    /// The email address recorded in the commit.
    public var email: String
    /// Seconds since 1970-01-01 UTC.
    public var time: Int64
    /// Offset from UTC, in minutes.
    public var timeZoneOffsetMinutes: Int

    /// Creates a signature.
    public init(name: String, email: String, time: Int64, timeZoneOffsetMinutes: Int = 0) {
        self.name = name
        self.email = email
        self.time = time
        self.timeZoneOffsetMinutes = timeZoneOffsetMinutes
    }
}
