import Foundation
import Git
import Review

/// The review as a versioned JSON document, for tools.
///
/// Shape (`schemaVersion` 1; keys sorted, so the same review gives byte-identical output):
/// `range`, `changeSet` (files with status, kind and line ranges), `modules`, `touched`
/// (subjects with reasons), `findings` (`introduced`, `persisting`, `resolved`, `removed`:
/// each with rule, severity, category, subject, attribute path, message, file and exact span,
/// and the suppression when there is one), `problems` (files not analysed), and `summary`
/// (counts and whether the change is blocked).
public struct ReviewJSONReport: ReviewReporter {
    /// The version of the document's shape; raised on any incompatible change.
    public static let schemaVersion = 1

    /// Creates the report writer.
    public init() {}

    /// Renders `result`; the context's `failOn` decides `summary.blocked`.
    public func render(_ result: ReviewResult, context: ReportContext) -> String {
        render(result, failOn: context.failOn)
    }

    /// Renders `result`; `failOn` decides `summary.blocked`.
    public func render(_ result: ReviewResult, failOn: Severity?) -> String {
        let comparison = result.comparison
        let document = Document(
            schemaVersion: Self.schemaVersion, range: result.range, changeSet: result.changeSet, modules: result.modules,
            touched: result.touched.map { Touched(directory: $0.directory, subject: $0.node, reasons: $0.reasons) },
            findings: Findings(
                introduced: comparison.introduced.map(JSONFinding.init), persisting: comparison.persisting.map(JSONFinding.init),
                resolved: comparison.resolved.map(JSONFinding.init), removed: comparison.removed.map(JSONFinding.init)),
            problems: result.problems.map { Problem(file: $0.file, line: $0.line, message: $0.message) },
            summary: Summary(
                introduced: comparison.introduced.count, persisting: comparison.persisting.count,
                resolved: comparison.resolved.count, removed: comparison.removed.count, problems: result.problems.count,
                failOn: failOn?.rawValue ?? "never", blocked: !result.blocking(failOn: failOn).isEmpty))
        return Self.encode(document)
    }

    struct Document: Encodable {
        var schemaVersion: Int
        var range: ResolvedRange
        var changeSet: ChangeSet
        var modules: [String]
        var touched: [Touched]
        var findings: Findings
        var problems: [Problem]
        var summary: Summary
    }

    struct Touched: Encodable {
        var directory: String
        var subject: String
        var reasons: [String]
    }

    struct Findings: Encodable {
        var introduced: [JSONFinding]
        var persisting: [JSONFinding]
        var resolved: [JSONFinding]
        var removed: [JSONFinding]
    }

    struct JSONFinding: Encodable {
        var rule: String
        var title: String
        var severity: String
        var category: String
        var directory: String
        var subject: String
        var attribute: String
        var message: String
        var improvement: String
        var file: String
        var start: SourceSpan.Position
        var end: SourceSpan.Position
        var suppression: JSONSuppression?

        init(_ finding: Finding) {
            rule = finding.ruleID
            title = finding.title
            severity = finding.severity.rawValue
            category = finding.category.rawValue
            directory = finding.directory
            subject = finding.subject
            attribute = finding.attributePath
            message = finding.message.plain
            improvement = finding.improvement.plain
            file = finding.span.file
            start = finding.span.start
            end = finding.span.end
            suppression = finding.suppression.map { JSONSuppression(syntax: $0.syntax.rawValue, rule: $0.ruleReference, reason: $0.reason, expires: $0.expires, line: $0.line) }
        }
    }

    struct JSONSuppression: Encodable {
        var syntax: String
        var rule: String
        var reason: String
        var expires: String?
        var line: Int
    }

    struct Problem: Encodable {
        var file: String
        var line: Int
        var message: String
    }

    struct Summary: Encodable {
        var introduced: Int
        var persisting: Int
        var resolved: Int
        var removed: Int
        var problems: Int
        var failOn: String
        var blocked: Bool
    }

    static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Plain value types with string keys always encode; a failure is a programming error.
        guard let data = try? encoder.encode(value) else { preconditionFailure("the review could not be encoded as JSON") }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
