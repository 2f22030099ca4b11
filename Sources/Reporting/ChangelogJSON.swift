import Foundation
import Git
import Review

/// A changelog as a versioned JSON document, for release tooling.
///
/// Shape (`schemaVersion` 1, keys sorted, so the same range gives byte-identical output):
/// `range` (`base`, `head`, `description`), `heading`, `date` (the last commit's, `YYYY-MM-DD`),
/// `commits` (each walked commit: `id`, `shortId`, `subject`), `improvements` and `open` (each
/// a `finding` in the shape of `stackreview review --format json` — rule, severity, category,
/// subject, attribute, message, improvement, file and span, the suppression of an open one —
/// with its `commit`, and for an open issue fixed earlier in the range `fixedEarlierBy`),
/// `fixedWithinRange` and `problems` (each with its `commit`). Messages are the plain texts;
/// they never hold a secret's value.
public struct ChangelogJSON: Sendable {
    /// The version of the document's shape; raised on any incompatible change.
    public static let schemaVersion = 1

    /// How the heading is written.
    public var options: ChangelogOptions

    /// Creates the writer.
    public init(options: ChangelogOptions = ChangelogOptions()) {
        self.options = options
    }

    /// The document for `changelog`, ending with one newline.
    public func render(_ changelog: Changelog) -> String {
        let document = Document(
            schemaVersion: Self.schemaVersion,
            range: changelog.range,
            heading: options.heading(for: changelog), date: changelog.headCommit.commitDay,
            commits: changelog.commits.map(Commit.init), improvements: changelog.improvements.map { Entry($0, open: false) },
            open: changelog.open.map { Entry($0, open: true) }, fixedWithinRange: changelog.fixedWithinRange,
            problems: changelog.problems.map {
                ProblemEntry(problem: ReviewJSONReport.Problem(file: $0.problem.file, line: $0.problem.line, message: $0.problem.message), commit: Commit($0.commit))
            })
        return ReviewJSONReport.encode(document)
    }

    struct Document: Encodable {
        var schemaVersion: Int
        var range: ResolvedRange
        var heading: String
        var date: String
        var commits: [Commit]
        var improvements: [Entry]
        var open: [Entry]
        var fixedWithinRange: Int
        var problems: [ProblemEntry]
    }

    struct Commit: Encodable {
        var id: String
        var shortId: String
        var subject: String

        init(_ commit: CommitInfo) {
            id = commit.id.hex
            shortId = commit.id.short
            subject = commit.summary
        }
    }

    /// A finding in the review JSON's shape, with the commit it is credited to.
    struct Entry: Encodable {
        var finding: ReviewJSONReport.JSONFinding
        var commit: Commit
        var fixedEarlierBy: Commit?

        init(_ entry: ChangelogEntry, open: Bool) {
            var finding = ReviewJSONReport.JSONFinding(entry.finding)
            if !open { finding.suppression = nil }
            self.finding = finding
            commit = Commit(entry.commit)
            fixedEarlierBy = entry.fixedEarlierBy.map(Commit.init)
        }
    }

    struct ProblemEntry: Encodable {
        var problem: ReviewJSONReport.Problem
        var commit: Commit
    }
}
