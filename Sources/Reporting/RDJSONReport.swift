import Review

/// The review in reviewdog's Diagnostic Format (rdjson), for `reviewdog -f=rdjson`.
///
/// One diagnostic per introduced or persisting finding that is not suppressed (reviewdog
/// posts what it gets; suppressed findings stay in JSON and SARIF). rdjson columns count UTF-8
/// bytes from 1, as stackreview's do, so positions are written unchanged. A finding with a fix
/// carries a suggestion replacing the fix's range. Each file stackreview could not fully analyse
/// is a `WARNING` diagnostic with the code `stackreview-not-analysed`.
public struct RDJSONReport: ReviewReporter {
    /// Creates the report writer.
    public init() {}

    /// Renders the diagnostic result.
    public func render(_ result: ReviewResult, context: ReportContext) -> String {
        let findings = ReportOrder.sorted(result.comparison.introduced) + ReportOrder.sorted(result.comparison.persisting)
        let diagnostics = findings.filter { !$0.isSuppressed }.map { finding in
            Diagnostic(
                message: finding.message.plain,
                location: Location(path: finding.span.file, range: Self.range(finding.span)),
                severity: Self.severity(finding.severity),
                code: Code(value: finding.ruleID, url: context.rules[finding.ruleID]?.references.links.first),
                suggestions: finding.fix.map { [Suggestion(range: Self.range($0.span), text: $0.replacement)] })
        }
        let problems = result.problems.map { problem in
            Diagnostic(
                message: "Not analysed: " + problem.message,
                location: Location(path: problem.file, range: problem.line > 0 ? Range(start: Position(line: problem.line, column: 1), end: nil) : nil),
                severity: "WARNING", code: Code(value: ReviewProblem.checkName, url: nil), suggestions: nil)
        }
        return ReviewJSONReport.encode(DiagnosticResult(
            source: Source(name: "stackreview", url: "https://github.com/stackreview/stackreview"), diagnostics: diagnostics + problems))
    }

    /// `ERROR` for critical and high, `WARNING` for medium, `INFO` for low and info.
    static func severity(_ severity: Severity) -> String {
        switch severity {
        case .critical, .high: return "ERROR"
        case .medium: return "WARNING"
        case .low, .info: return "INFO"
        }
    }

    static func range(_ span: SourceSpan) -> Range {
        Range(start: Position(line: span.start.line, column: span.start.column), end: Position(line: span.end.line, column: span.end.column))
    }

    struct DiagnosticResult: Encodable {
        var source: Source
        var diagnostics: [Diagnostic]
    }

    struct Source: Encodable {
        var name: String
        var url: String
    }

    struct Diagnostic: Encodable {
        var message: String
        var location: Location
        var severity: String
        var code: Code
        var suggestions: [Suggestion]?
    }

    struct Location: Encodable {
        var path: String
        var range: Range?
    }

    struct Range: Encodable {
        var start: Position
        var end: Position?
    }

    struct Position: Encodable {
        var line: Int
        var column: Int
    }

    struct Code: Encodable {
        var value: String
        var url: String?
    }

    struct Suggestion: Encodable {
        var range: Range
        var text: String
    }
}
