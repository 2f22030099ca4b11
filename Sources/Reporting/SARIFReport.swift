import Review

/// The review as SARIF 2.1.0, for code-scanning dashboards.
///
/// `tool.driver` lists the rules that have results (id, name, short and full description,
/// help = remediation, helpUri = the first reference link, properties with the checkov and
/// trivy ids and the severity). Results cover introduced (`baselineState: new`), persisting
/// (`unchanged`) and resolved (`absent`, located at base) findings; suppressed findings carry
/// a `suppressions` entry of kind `inSource` with the reason. `partialFingerprints` hold a
/// stable hash of the finding's identity, never of its line.
///
/// Columns: the run declares `columnKind: "utf16CodeUnits"` (SARIF's default, what GitHub
/// expects). stackreview's columns count UTF-8 bytes, so they are converted with the head text of
/// the file when `ReportContext.headFiles` has it; without it (and for resolved findings, located
/// at base) the byte column is written, which is the same for ASCII lines.
///
/// Files stackreview could not fully analyse are `toolExecutionNotifications` (level `error`,
/// descriptor `stackreview-not-analysed`) of the run's one invocation, with the file and line.
public struct SARIFReport: ReviewReporter {
    /// Creates the report writer.
    public init() {}

    /// Renders the SARIF log.
    public func render(_ result: ReviewResult, context: ReportContext) -> String {
        let comparison = result.comparison
        let entries = ReportOrder.sorted(comparison.introduced).map { ($0, "new", true) }
            + ReportOrder.sorted(comparison.persisting).map { ($0, "unchanged", true) }
            + ReportOrder.sorted(comparison.resolved).map { ($0, "absent", false) }
        let ruleIDs = Array(Set(entries.map { $0.0.ruleID })).sorted()
        let findingsByRule = Dictionary(grouping: entries.map(\.0), by: \.ruleID)
        let rules = ruleIDs.map { id -> ReportingDescriptor in
            let sample = findingsByRule[id]?.first
            let rule = context.rules[id]
            var properties = RuleProperties(severity: (rule?.severity ?? sample?.severity ?? .info).rawValue,
                                            category: (rule?.category ?? sample?.category)?.rawValue ?? "",
                                            checkov: nil, trivy: nil, tags: nil)
            if let references = rule?.references {
                properties.checkov = references.checkov.isEmpty ? nil : references.checkov
                properties.trivy = references.trivy.isEmpty ? nil : references.trivy
            }
            properties.tags = properties.category.isEmpty ? nil : [properties.category]
            let title = rule?.title ?? sample?.title ?? id
            return ReportingDescriptor(
                id: id, name: Self.pascalName(id), shortDescription: Text(text: title),
                fullDescription: Text(text: rule.map(Self.fullDescription) ?? title),
                help: rule.map { Text(text: $0.remediation) }, helpUri: rule?.references.links.first,
                defaultConfiguration: Configuration(level: Self.level(rule?.severity ?? sample?.severity ?? .info)),
                properties: properties)
        }
        let ruleIndex = Dictionary(uniqueKeysWithValues: ruleIDs.enumerated().map { ($1, $0) })
        let fileLines = FileLines.of(context.headFiles)
        let results = entries.map { finding, state, atHead -> SARIFResult in
            let span = finding.span
            let lines = atHead ? fileLines[span.file] : nil
            let region = Region(
                startLine: span.start.line,
                startColumn: lines?.utf16Column(line: span.start.line, byteColumn: span.start.column) ?? span.start.column,
                endLine: span.end.line,
                endColumn: lines?.utf16Column(line: span.end.line, byteColumn: span.end.column) ?? span.end.column)
            let suppressions = finding.suppression.map {
                [SARIFSuppression(kind: "inSource", justification: $0.reason.isEmpty ? nil : $0.reason)]
            }
            return SARIFResult(
                ruleId: finding.ruleID, ruleIndex: ruleIndex[finding.ruleID] ?? 0, level: Self.level(finding.severity),
                message: Text(text: finding.message.plain),
                locations: [Location(physicalLocation: PhysicalLocation(
                    artifactLocation: ArtifactLocation(uri: MarkdownText.urlPath(span.file), uriBaseId: "%SRCROOT%"), region: region))],
                partialFingerprints: ["stackreviewIdentity/v1": StableFingerprint.of(finding.identity)],
                baselineState: state, suppressions: suppressions,
                properties: ResultProperties(severity: finding.severity.rawValue, subject: finding.subject,
                                             attributePath: finding.attributePath.isEmpty ? nil : finding.attributePath))
        }
        let run = Run(
            tool: Tool(driver: Driver(name: "stackreview", version: context.toolVersion,
                                      informationUri: "https://github.com/stackreview/stackreview", rules: rules)),
            columnKind: "utf16CodeUnits", originalUriBaseIds: ["%SRCROOT%": ArtifactLocation(uri: "./", uriBaseId: nil)],
            versionControlProvenance: result.changeSet.headCommit.map { [VersionControl(revisionId: $0.hex, repositoryUri: context.linkBase)] },
            invocations: result.problems.isEmpty ? nil : [Invocation(
                executionSuccessful: true,
                toolExecutionNotifications: result.problems.map { problem in
                    Notification(
                        descriptor: NotificationDescriptor(id: ReviewProblem.checkName), level: "error",
                        message: Text(text: "Not analysed: " + problem.message),
                        locations: [Location(physicalLocation: PhysicalLocation(
                            artifactLocation: ArtifactLocation(uri: MarkdownText.urlPath(problem.file), uriBaseId: "%SRCROOT%"),
                            region: problem.line > 0 ? Region(startLine: problem.line, startColumn: nil, endLine: nil, endColumn: nil) : nil))])
                })],
            results: results)
        return ReviewJSONReport.encode(Log(version: "2.1.0", schema: "https://json.schemastore.org/sarif-2.1.0.json", runs: [run]))
    }

    /// `error` for critical and high, `warning` for medium, `note` for low and info.
    static func level(_ severity: Severity) -> String {
        switch severity {
        case .critical, .high: return "error"
        case .medium: return "warning"
        case .low, .info: return "note"
        }
    }

    /// The rule's title, with its equivalents in other scanners when it has any.
    static func fullDescription(_ rule: Rule) -> String {
        let references = rule.references
        let equivalents = [("checkov", references.checkov), ("trivy", references.trivy), ("tflint", references.tflint), ("bandit", references.bandit)]
            .filter { !$0.1.isEmpty }.map { $0.0 + " " + $0.1.joined(separator: ", ") }
        return equivalents.isEmpty ? rule.title + "." : rule.title + ". Equivalent checks: " + equivalents.joined(separator: "; ") + "."
    }

    /// `aws-lambda-tracing` → `AwsLambdaTracing`, SARIF's customary rule name form.
    static func pascalName(_ id: String) -> String {
        id.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    struct Log: Encodable {
        var version: String
        var schema: String
        var runs: [Run]
        enum CodingKeys: String, CodingKey {
            case version, runs
            case schema = "$schema"
        }
    }

    struct Run: Encodable {
        var tool: Tool
        var columnKind: String
        var originalUriBaseIds: [String: ArtifactLocation]
        var versionControlProvenance: [VersionControl]?
        var invocations: [Invocation]?
        var results: [SARIFResult]
    }

    struct Invocation: Encodable {
        var executionSuccessful: Bool
        var toolExecutionNotifications: [Notification]
    }

    struct Notification: Encodable {
        var descriptor: NotificationDescriptor
        var level: String
        var message: Text
        var locations: [Location]
    }

    struct NotificationDescriptor: Encodable { var id: String }

    struct VersionControl: Encodable {
        var revisionId: String
        var repositoryUri: String?
    }

    struct Tool: Encodable { var driver: Driver }

    struct Driver: Encodable {
        var name: String
        var version: String
        var informationUri: String
        var rules: [ReportingDescriptor]
    }

    struct Text: Encodable { var text: String }

    struct Configuration: Encodable { var level: String }

    struct ReportingDescriptor: Encodable {
        var id: String
        var name: String
        var shortDescription: Text
        var fullDescription: Text
        var help: Text?
        var helpUri: String?
        var defaultConfiguration: Configuration
        var properties: RuleProperties
    }

    struct RuleProperties: Encodable {
        var severity: String
        var category: String
        var checkov: [String]?
        var trivy: [String]?
        var tags: [String]?
    }

    struct SARIFResult: Encodable {
        var ruleId: String
        var ruleIndex: Int
        var level: String
        var message: Text
        var locations: [Location]
        var partialFingerprints: [String: String]
        var baselineState: String
        var suppressions: [SARIFSuppression]?
        var properties: ResultProperties
    }

    struct ResultProperties: Encodable {
        var severity: String
        var subject: String
        var attributePath: String?
    }

    struct SARIFSuppression: Encodable {
        var kind: String
        var justification: String?
    }

    struct Location: Encodable { var physicalLocation: PhysicalLocation }

    struct PhysicalLocation: Encodable {
        var artifactLocation: ArtifactLocation
        var region: Region?
    }

    struct ArtifactLocation: Encodable {
        var uri: String
        var uriBaseId: String?
    }

    struct Region: Encodable {
        var startLine: Int
        var startColumn: Int?
        var endLine: Int?
        var endColumn: Int?
    }
}
