import Review

/// The review as a GitLab Code Quality report (the Code Climate issue format, as a JSON array).
///
/// One issue per introduced or persisting finding that is not suppressed: `description`,
/// `check_name` (the rule id), `fingerprint` (a stable hash of the finding's identity, so
/// GitLab can tell new issues from old ones across commits), `severity` (critical → blocker,
/// high → critical, medium → major, low → minor, info → info) and `location` with the lines.
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
        return ReviewJSONReport.encode(issues)
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
