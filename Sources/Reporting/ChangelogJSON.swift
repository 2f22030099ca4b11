import Foundation
import Git
import Review

/// A changelog as a versioned JSON document, for release tooling.
///
/// Shape (`schemaVersion` 1, keys sorted, so the same range gives byte-identical output):
/// `range` (`base`, `head`, `description`), `heading`, `date` (the last commit's, `YYYY-MM-DD`),
/// `commits` (each walked commit: `id`, `shortId`, `subject`), `improvements` and `open` (each
/// with rule, severity, section, directory, subject, attribute, message, improvement, file,
/// line, `commit`, and for open issues `fixedEarlierBy` and the suppression), `fixedWithinRange`
/// and `problems`. Messages are the plain texts; they never hold a secret's value.
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
            range: Range(base: changelog.range.base.description, head: changelog.range.head.description, description: changelog.range.description),
            heading: options.heading(for: changelog), date: changelog.headCommit.commitDay,
            commits: changelog.commits.map(Commit.init), improvements: changelog.improvements.map { Entry($0, open: false) },
            open: changelog.open.map { Entry($0, open: true) }, fixedWithinRange: changelog.fixedWithinRange,
            problems: changelog.problems.map { Problem(file: $0.problem.file, line: $0.problem.line, message: $0.problem.message, commit: Commit($0.commit)) })
        return ReviewJSONReport.encode(document)
    }

    struct Document: Encodable {
        var schemaVersion: Int
        var range: Range
        var heading: String
        var date: String
        var commits: [Commit]
        var improvements: [Entry]
        var open: [Entry]
        var fixedWithinRange: Int
        var problems: [Problem]
    }

    struct Range: Encodable {
        var base: String
        var head: String
        var description: String
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

    struct Entry: Encodable {
        var rule: String
        var severity: String
        var section: String
        var directory: String
        var subject: String
        var attribute: String
        var message: String
        var improvement: String
        var file: String
        var line: Int
        var commit: Commit
        var fixedEarlierBy: Commit?
        var suppression: ReviewJSONReport.JSONSuppression?

        init(_ entry: ChangelogEntry, open: Bool) {
            let finding = entry.finding
            rule = finding.ruleID
            severity = finding.severity.rawValue
            section = finding.category.rawValue
            directory = finding.directory
            subject = finding.subject
            attribute = finding.attributePath
            message = finding.message.plain
            improvement = finding.improvement.plain
            file = finding.span.file
            line = finding.span.start.line
            commit = Commit(entry.commit)
            fixedEarlierBy = entry.fixedEarlierBy.map(Commit.init)
            suppression = open ? finding.suppression.map {
                ReviewJSONReport.JSONSuppression(syntax: $0.syntax.rawValue, rule: $0.ruleReference, reason: $0.reason, expires: $0.expires, line: $0.line)
            } : nil
        }
    }

    struct Problem: Encodable {
        var file: String
        var line: Int
        var message: String
        var commit: Commit
    }
}
