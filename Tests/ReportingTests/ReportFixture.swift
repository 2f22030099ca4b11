import Git
import Metrics
@testable import Review
@testable import Reporting

/// A hand-built review with findings in several sections, a suppressed, a resolved and a
/// removed finding, a fix, a secret, multi-byte columns, a problem and metrics.
enum ReportFixture {
    static let base = ObjectID(hex: "1111111111111111111111111111111111111111")!
    static let head = ObjectID(hex: "2222222222222222222222222222222222222222")!

    static let mainTF = (1...45).map { number -> String in
        switch number {
        case 10: return "resource \"aws_lambda_function\" \"api\" {"
        case 11: return "  function_name = \"api\""
        case 12: return "  runtime       = \"python3.8\""
        case 13: return "}"
        case 30: return "resource \"aws_s3_bucket\" \"data\" {"
        case 31: return "  bucket = \"data\""
        case 32: return "}"
        case 40: return "resource \"aws_iam_role\" \"r\" {"
        case 41: return "}"
        default: return "# line \(number)"
        }
    }.joined(separator: "\n") + "\n"

    static let handler = """
        import json
        import logging

        logger = logging.getLogger()
        # café ☕ handler
        API_KEY = "sk_live_0123456789abcdefghijklmn"
        def lambda_handler(event, context):  # 📦 données
            logger.info("données: %s", event)
            return {"statusCode": 200}

        """

    static let reportsTF = """
        resource "aws_s3_bucket" "reports" {
          bucket = "reports"
        }

        """

    static let headFiles = ["infra/main.tf": mainTF, "lambda/handler.py": handler, "infra/reports.tf": reportsTF]

    /// The span of the first occurrence of `needle` on 1-based `line` of `text`, in UTF-8 byte columns.
    static func span(_ file: String, _ text: String, line: Int, _ needle: String, throughLine endLine: Int? = nil) -> SourceSpan {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let lineText = String(lines[line - 1])
        let lineOffset = lines[..<(line - 1)].reduce(0) { $0 + $1.utf8.count + 1 }
        let range = lineText.range(of: needle)!
        let startColumn = lineText[..<range.lowerBound].utf8.count + 1
        let start = SourceSpan.Position(line: line, column: startColumn, offset: lineOffset + startColumn - 1)
        if let endLine {
            let endText = String(lines[endLine - 1])
            let endOffset = lines[..<(endLine - 1)].reduce(0) { $0 + $1.utf8.count + 1 }
            return SourceSpan(file: file, start: start, end: .init(line: endLine, column: endText.utf8.count + 1, offset: endOffset + endText.utf8.count))
        }
        let width = needle.utf8.count
        return SourceSpan(file: file, start: start, end: .init(line: line, column: startColumn + width, offset: start.offset + width))
    }

    static func finding(
        _ rule: String, _ severity: Severity, _ category: ReportCategory, _ subject: String, attribute: String = "",
        message: String, improvement: String = "Fixed `{address}`", arguments: [String: String] = [:], span: SourceSpan,
        suppression: Suppression? = nil, fix: FixProposal? = nil
    ) -> Finding {
        var arguments = arguments
        arguments["address"] = arguments["address"] ?? subject
        return Finding(
            ruleID: rule, title: "Title of \(rule)", severity: severity, category: category, subject: subject, attributePath: attribute,
            message: FindingMessage(template: message, arguments: arguments),
            improvement: FindingMessage(template: improvement, arguments: arguments), span: span, suppression: suppression, fix: fix)
    }

    static let baseMain = """
        resource "aws_lambda_function" "api" {
          function_name = "api"
        }
        variable "old_key" {
          default = "abc"
        }

        """

    static var baseFindings: [Finding] {
        [
            finding("aws-lambda-tracing", .medium, .operationalExcellence, "aws_lambda_function.api",
                    message: "`{address}` does not enable X-Ray tracing", improvement: "Enabled X-Ray tracing on `{address}`",
                    span: span("infra/main.tf", baseMain, line: 1, "resource", throughLine: 3)),
            finding("aws-lambda-vpc", .low, .securityHardening, "aws_lambda_function.api",
                    message: "`{address}` runs outside any VPC", span: span("infra/main.tf", baseMain, line: 1, "resource", throughLine: 3)),
            finding("terraform-variable-default-secret", .critical, .securityHardening, "var.old_key",
                    message: "`{address}` has a {length}-character literal as its default", arguments: ["length": "3"],
                    span: span("infra/main.tf", baseMain, line: 5, "\"abc\"")),
        ]
    }

    static var headFindings: [Finding] {
        [
            finding("aws-lambda-vpc", .low, .securityHardening, "aws_lambda_function.api",
                    message: "`{address}` runs outside any VPC", span: span("infra/main.tf", mainTF, line: 10, "resource", throughLine: 13)),
            finding("aws-lambda-runtime-deprecated", .high, .codeQuality, "aws_lambda_function.api", attribute: "runtime",
                    message: "`{address}` uses the deprecated runtime {runtime}", arguments: ["runtime": "python3.8"],
                    span: span("infra/main.tf", mainTF, line: 12, "\"python3.8\""),
                    fix: FixProposal(span: span("infra/main.tf", mainTF, line: 12, "\"python3.8\""), replacement: "\"python3.12\"")),
            finding("python-hardcoded-secret", .critical, .lambdaHandler, "lambda/handler.py::API_KEY",
                    message: "A {length}-character secret is assigned to `{name}` in the handler's source", arguments: ["length": "32", "name": "API_KEY"],
                    span: span("lambda/handler.py", handler, line: 6, "\"sk_live")),
            finding("python-log-event", .medium, .lambdaHandler, "lambda/handler.py::lambda_handler",
                    message: "`{address}` logs the whole event, which may hold personal data",
                    span: span("lambda/handler.py", handler, line: 8, "event)")),
            finding("aws-s3-bucket-encryption", .medium, .securityHardening, "aws_s3_bucket.data",
                    message: "`{address}` does not declare server-side encryption",
                    span: span("infra/main.tf", mainTF, line: 30, "resource", throughLine: 32),
                    suppression: Suppression(syntax: .stackreview, ruleReference: "aws-s3-bucket-encryption",
                                             reason: "encrypted by @platform-team's [SCP](https://evil.example/x)", expires: nil, file: "infra/main.tf", line: 29)),
            finding("aws-iam-role-boundary", .low, .infrastructureArchitecture, "aws_iam_role.r",
                    message: "`{address}` has no permissions boundary", span: span("infra/main.tf", mainTF, line: 40, "resource", throughLine: 41)),
            finding("aws-s3-bucket-versioning", .medium, .infrastructureArchitecture, "aws_s3_bucket.reports",
                    message: "`{address}` has no versioning: overwritten objects cannot be recovered",
                    span: span("infra/reports.tf", reportsTF, line: 1, "resource", throughLine: 3)),
        ]
    }

    static func file(_ path: String, _ status: ChangeStatus, added: [LineRange]) -> ChangedFile {
        ChangedFile(
            path: path, oldPath: status == .added ? nil : path, status: status, kind: FileKind(path: path), mode: .regular,
            oldMode: status == .added ? nil : .regular, isBinary: false, isSkipped: false, similarity: nil,
            oldBlobID: nil, newBlobID: nil, addedLines: added, deletedLines: [])
    }

    static var result: ReviewResult {
        let changeSet = ChangeSet(
            base: .commit(base), head: .commit(head), description: "main..feature",
            files: [
                file("infra/main.tf", .modified, added: [LineRange(10, 14), LineRange(30, 31)]),
                file("infra/reports.tf", .added, added: [LineRange(1, 3)]),
                file("lambda/handler.py", .modified, added: [LineRange(5, 8)]),
                file("tests/test_handler.py", .added, added: [LineRange(1, 40)]),
            ])
        let headSubjects: Set<SubjectKey> = [
            SubjectKey(address: "aws_lambda_function.api"), SubjectKey(address: "aws_s3_bucket.data"),
            SubjectKey(address: "aws_iam_role.r"), SubjectKey(address: "aws_s3_bucket.reports"),
            SubjectKey(address: "lambda/handler.py::API_KEY"), SubjectKey(address: "lambda/handler.py::lambda_handler"),
        ]
        let metrics = MetricsComparison(
            base: TestMetrics(unitTests: 3, assertions: 4, coverage: 41.5, coverageSource: "coverage.xml", frameworks: ["pytest"]),
            head: TestMetrics(unitTests: 12, integrationTests: 2, assertions: 30, coverage: 85.91, coverageSource: "coverage.xml",
                              frameworks: ["pytest"],
                              files: [TestFile(path: "tests/test_handler.py", framework: "pytest", kind: .unit, tests: 9, assertions: 21,
                                               testsWithoutAssertions: ["test_smoke"])]),
            coverageTarget: 70, addedTestFiles: ["tests/test_handler.py"])
        return ReviewResult(
            range: ResolvedRange(base: .commit(base), head: .commit(head), description: "main..feature"),
            changeSet: changeSet, modules: ["infra"],
            touched: [TouchedSubject(directory: "", node: "aws_lambda_function.api", reasons: ["edited at infra/main.tf:12"])],
            baseFindings: baseFindings, headFindings: headFindings,
            comparison: FindingComparison(base: baseFindings, head: headFindings, headSubjects: headSubjects),
            problems: [ReviewProblem(file: "infra/broken.tf", line: 3, message: "Unexpected `}`: the block is not closed")],
            metrics: metrics)
    }

    static var rules: [Rule] {
        [
            Rule(id: "aws-lambda-runtime-deprecated", title: "Lambda function uses a supported runtime", severity: .high, category: .codeQuality,
                 appliesTo: ["aws_lambda_function"], message: "`{address}` uses the deprecated runtime {runtime}",
                 improvement: "Moved `{address}` to a supported runtime", remediation: "Set `runtime` to a supported version such as `python3.12`.",
                 references: RuleReferences(checkov: ["CKV_AWS_363"], trivy: ["AVD-AWS-0999"], links: ["https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html"]),
                 fix: SuggestedFix(placement: .replaceValue, text: "\"python3.12\""), examples: RuleExamples(failing: [], passing: []),
                 check: .coded("runtime"), file: "rules/lambda/runtime.yml"),
        ]
    }

    static func context(color: Bool = false, headFiles: [String: String] = ReportFixture.headFiles) -> ReportContext {
        ReportContext(failOn: .high, linkBase: "https://github.com/acme/shop", toolVersion: "0.1.0", rules: rules,
                      headFiles: headFiles, color: color)
    }
}
