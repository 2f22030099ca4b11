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
    /// When the commit was recorded (the committer date), in seconds since 1970-01-01 UTC.
    public var commitTime: Int64
    /// The committer's time-zone offset from UTC, in minutes.
    public var commitTimeZoneOffsetMinutes: Int

    /// The first parent, which a merge commit is reviewed against; nil for a root commit.
    public var firstParent: ObjectID? { parents.first }

    /// Creates a commit description.
    public init(
        id: ObjectID, parents: [ObjectID], summary: String, message: String, authorName: String,
        authorEmail: String, authorTime: Int64, authorTimeZoneOffsetMinutes: Int, commitTime: Int64? = nil,
        commitTimeZoneOffsetMinutes: Int? = nil
    ) {
        self.id = id
        self.parents = parents
        self.summary = summary
        self.message = message
        self.authorName = authorName
        self.authorEmail = authorEmail
        self.authorTime = authorTime
        self.authorTimeZoneOffsetMinutes = authorTimeZoneOffsetMinutes
        self.commitTime = commitTime ?? authorTime
        self.commitTimeZoneOffsetMinutes = commitTimeZoneOffsetMinutes ?? authorTimeZoneOffsetMinutes
    }

    /// The committer date as `YYYY-MM-DD` in the committer's own time zone (what
    /// `git log --date=short` shows for the commit date): fixed by the commit, never the clock.
    public var commitDay: String {
        let local = commitTime + Int64(commitTimeZoneOffsetMinutes) * 60
        var days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        // Days since 1970-01-01 to a civil date (proleptic Gregorian calendar).
        days += 719_468
        let era = (days >= 0 ? days : days - 146_096) / 146_097
        let dayOfEra = days - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func padded(_ value: Int64, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return padded(year, 4) + "-" + padded(month, 2) + "-" + padded(day, 2)
    }
}
