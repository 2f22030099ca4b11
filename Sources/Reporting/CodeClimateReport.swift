import Review

/// The review as a GitLab Code Quality report (the Code Climate issue format, as a JSON array).
///
/// One issue per introduced or persisting finding that is not suppressed: `description`,
/// `check_name` (the rule id), `fingerprint` (a stable hash of the finding's identity, so
/// GitLab can tell new issues from old ones across commits), `severity` (critical → blocker,
/// high → critical, medium → major, low → minor, info → info) and `location` with the lines.
/// Each file stackreview could not fully analyse is a `major` issue with the check name
/// `stackreview-not-analysed` at its line (line 1 when the whole file is concerned).
public struct CodeClimateReport: ReviewReporter {
    /// Creates the report writer.
    public init() {}

    /// Renders the issues.
    public func render(_ result: ReviewResult, context: ReportContext) -> String {
        let findings = ReportOrder.sorted(result.comparison.introduced) + ReportOrder.sorted(result.comparison.persisting)
        let issues = findings.filter { !$0.isSuppressed }.map { finding in
            Issue(
                type: "issue", description: finding.message.plain, check_name: finding.ruleID,
                fingerprint: StableFingerprint.of(finding.identity), severity: Self.severity(finding.severity),
                categories: [finding.category == .securityHardening ? "Security" : "Bug Risk"],
                location: Location(path: finding.span.file, lines: Lines(begin: finding.span.lines.lowerBound, end: finding.span.lines.upperBound)))
        }
        let problems = result.problems.map { problem in
            Issue(
                type: "issue", description: "Not analysed: " + problem.message, check_name: ReviewProblem.checkName,
                fingerprint: StableFingerprint.of(problem), severity: "major", categories: ["Bug Risk"],
                location: Location(path: problem.file, lines: Lines(begin: max(problem.line, 1), end: max(problem.line, 1))))
        }
        return ReviewJSONReport.encode(issues + problems)
    }

    /// Code Climate's severity for `severity`.
    static func severity(_ severity: Severity) -> String {
        switch severity {
        case .critical: return "blocker"
        case .high: return "critical"
        case .medium: return "major"
        case .low: return "minor"
        case .info: return "info"
        }
    }

    struct Issue: Encodable {
        var type: String
        var description: String
        var check_name: String
        var fingerprint: String
        var severity: String
        var categories: [String]
        var location: Location
    }

    struct Location: Encodable {
        var path: String
        var lines: Lines
    }

    struct Lines: Encodable {
        var begin: Int
        var end: Int
    }
}
