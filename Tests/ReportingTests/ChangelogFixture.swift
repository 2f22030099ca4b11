import Git
@testable import Review
@testable import Reporting

/// A hand-built changelog: improvements in two sections, open issues (one re-introduced after
/// a fix, one suppressed, one a secret described without its value), a problem, and commit
/// subjects crafted to inject Markdown.
enum ChangelogFixture {
    static let crafted = "@everyone <!-- x --> [a](http://e) </details>"

    static func commit(_ digit: Character, _ subject: String, time: Int64) -> CommitInfo {
        let id = ObjectID(hex: String(repeating: digit, count: 40))!
        return CommitInfo(
            id: id, parents: [], summary: subject, message: subject + "\n", authorName: "A", authorEmail: "a@example.invalid",
            authorTime: time, authorTimeZoneOffsetMinutes: 0, commitTime: time, commitTimeZoneOffsetMinutes: 120)
    }

    static let harden = commit("3", "Harden the API: tracing, no default secret", time: 1_764_500_000)
    static let reports = commit("4", crafted, time: 1_764_600_000)
    static let regress = commit("5", "Let the function write reports *fast*", time: 1_764_700_000)

    static var changelog: Changelog {
        let base = ReportFixture.baseFindings, head = ReportFixture.headFindings
        return Changelog(
            range: ResolvedRange(base: .commit(ReportFixture.base), head: .commit(regress.id), description: "v1.3.0..HEAD"),
            headCommit: regress, commits: [harden, reports, regress],
            improvements: [
                ChangelogEntry(finding: base[2], commit: harden, locationCommit: ReportFixture.base),
                ChangelogEntry(finding: base[0], commit: harden, locationCommit: ReportFixture.base),
            ],
            open: [
                ChangelogEntry(finding: head[6], commit: reports, locationCommit: regress.id),
                ChangelogEntry(finding: head[4], commit: reports, locationCommit: regress.id),
                ChangelogEntry(finding: head[1], commit: regress, locationCommit: regress.id, fixedEarlierBy: harden),
                ChangelogEntry(finding: head[2], commit: regress, locationCommit: regress.id),
            ],
            fixedWithinRange: 2,
            problems: [ChangelogProblem(problem: ReviewProblem(file: "infra/broken.tf", line: 3, message: "Unexpected `}`: the block is not closed"), commit: reports)])
    }
}
