import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Git
@testable import Review
import Testing
@testable import Reporting

@Suite struct ReporterFormatTests {
    static func json(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    @Test func gitHubReviewCommentsOnlyAddedLinesAndListsTheRestInTheBody() throws {
        let output = GitHubReviewReport().render(ReportFixture.result, context: ReportFixture.context())
        let review = try #require(try Self.json(output) as? [String: Any])
        #expect(review["event"] as? String == "COMMENT")
        let comments = try #require(review["comments"] as? [[String: Any]])
        let places = comments.map { "\($0["path"] as? String ?? ""):\($0["start_line"] as? Int ?? 0)-\($0["line"] as? Int ?? 0)" }
        #expect(places == ["lambda/handler.py:0-6", "infra/main.tf:0-12", "infra/reports.tf:1-3", "lambda/handler.py:0-8"])
        let body = try #require(review["body"] as? String)
        #expect(body.contains("## Findings outside the diff"))
        #expect(body.contains("`aws_iam_role.r` has no permissions boundary"))
        // The suppressed finding is neither commented nor listed outside the diff.
        #expect(!comments.contains { ($0["body"] as? String ?? "").contains("aws_s3_bucket.data") })
        let suggestion = try #require(comments[1]["body"] as? String)
        #expect(suggestion.hasSuffix("```suggestion\n  runtime       = \"python3.12\"\n```"))
    }

    @Test func suggestionWithoutTheFileTextIsAPlainProposedChange() throws {
        let output = GitHubReviewReport().render(ReportFixture.result, context: ReportFixture.context(headFiles: [:]))
        #expect(!output.contains("```suggestion"))
        #expect(output.contains("**Proposed change** (lines 12–12):\\n\\n```\\n\\\"python3.12\\\"\\n```"))
    }

    @Test func commentLinesFollowTheAddedRuns() {
        let span = SourceSpan(file: "f.tf", start: .init(line: 78, column: 7, offset: 900), end: .init(line: 82, column: 8, offset: 990))
        let finding = Finding(ruleID: "r", title: "t", severity: .high, category: .securityHardening, subject: "s", attributePath: "",
                              message: FindingMessage(template: "m", arguments: [:]), improvement: FindingMessage(template: "i", arguments: [:]), span: span)
        #expect(InlineComments.commentLines(finding, in: [LineRange(76, 80)]) == 78...80)
        #expect(InlineComments.commentLines(finding, in: [LineRange(78, 90)]) == 78...82)
        #expect(InlineComments.commentLines(finding, in: [LineRange(80, 84)]) == 80...80)
        #expect(InlineComments.commentLines(finding, in: [LineRange(10, 12), LineRange(83, 90)]) == nil)
        #expect(InlineComments.commentLines(finding, in: []) == nil)
    }

    @Test func suggestionFenceOutgrowsBackticksInTheReplacement() {
        #expect(InlineComments.fenced("a ```` b", info: "suggestion") == "`````suggestion\na ```` b\n`````")
    }

    @Test func replacedLinesKeepTextAroundAMultiLineFix() {
        let lines = FileLines("resource \"x\" \"y\" {\n  a = 1\n  b = 2\n}\n")
        let fix = FixProposal(
            span: SourceSpan(file: "f.tf", start: .init(line: 2, column: 7, offset: 26), end: .init(line: 3, column: 8, offset: 35)),
            replacement: "10\n  b = 20")
        #expect(InlineComments.replacedLines(fix, in: lines) == "  a = 10\n  b = 20")
    }

    @Test func gitLabDiscussionsCarryTextPositions() throws {
        let output = GitLabDiscussionsReport().render(ReportFixture.result, context: ReportFixture.context())
        let discussions = try #require(try Self.json(output) as? [[String: Any]])
        #expect(discussions.count == 5)
        #expect(discussions[0]["position"] == nil)
        let position = try #require(discussions[2]["position"] as? [String: Any])
        #expect(position["new_path"] as? String == "infra/main.tf")
        #expect(position["old_path"] as? String == "infra/main.tf")
        #expect(position["new_line"] as? Int == 12)
        #expect(position["position_type"] as? String == "text")
        #expect(position["base_sha"] as? String == ReportFixture.base.hex)
        #expect(position["start_sha"] as? String == ReportFixture.base.hex)
        #expect(position["head_sha"] as? String == ReportFixture.head.hex)
    }

    @Test func sarifColumnsAreUTF16AndBaselineStatesAreSet() throws {
        let output = SARIFReport().render(ReportFixture.result, context: ReportFixture.context())
        let log = try #require(try Self.json(output) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        #expect(run["columnKind"] as? String == "utf16CodeUnits")
        let results = try #require(run["results"] as? [[String: Any]])
        let logEvent = try #require(results.first { $0["ruleId"] as? String == "python-log-event" })
        let region = try #require(((logEvent["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["region"] as? [String: Any])
        // `    logger.info("données: %s", event)`: the é is two UTF-8 bytes, one UTF-16 unit.
        #expect(region["startColumn"] as? Int == 32)
        #expect(region["endColumn"] as? Int == 38)
        #expect(ReportFixture.result.headFindings.first { $0.ruleID == "python-log-event" }?.span.start.column == 33)
        let states = results.map { "\($0["ruleId"] as? String ?? ""):\($0["baselineState"] as? String ?? "")" }
        #expect(states.contains("aws-lambda-tracing:absent"))
        #expect(states.contains("aws-lambda-vpc:unchanged"))
        #expect(states.contains("python-hardcoded-secret:new"))
        #expect(!states.contains { $0.hasPrefix("terraform-variable-default-secret") })
    }

    @Test func utf16ColumnsCountSurrogatePairs() {
        let lines = FileLines("x = \"📦\" + é\n")
        // bytes: x(1) space(2) =(3) space(4) "(5) 📦(6-9) "(10) → UTF-16: 📦 is units 6-7, " is 8.
        #expect(lines.utf16Column(line: 1, byteColumn: 10) == 8)
        #expect(lines.utf16Column(line: 1, byteColumn: 6) == 6)
        #expect(lines.utf16Column(line: 1, byteColumn: 8) == 6)
        #expect(lines.utf16Column(line: 2, byteColumn: 3) == 1)
        #expect(lines.utf16Column(line: 9, byteColumn: 3) == 3)
    }

    @Test func fingerprintsIgnoreLinesAndDifferByIdentity() {
        let identity = FindingIdentity(ruleID: "r", directory: "infra", subject: "aws_s3_bucket.b", attributePath: "acl")
        #expect(StableFingerprint.of(identity) == StableFingerprint.of(identity))
        #expect(StableFingerprint.of(identity).count == 32)
        var other = identity
        other.attributePath = ""
        #expect(StableFingerprint.of(identity) != StableFingerprint.of(other))
        var joined = identity
        joined.directory = ""
        joined.subject = "infra" + "aws_s3_bucket.b"
        #expect(StableFingerprint.of(identity) != StableFingerprint.of(joined))
    }

    @Test func textFrameNeverShowsASecretValue() {
        let text = ReviewTextReport().render(ReportFixture.result, context: ReportFixture.context())
        #expect(!text.contains("sk_live"))
        #expect(text.contains("      6 | API_KEY = \"********\" (32 characters)\n"))
        #expect(!text.contains("\u{1B}["))
    }

    @Test(arguments: [
        ("password = \"hunter2\"", "password = \"********\" (7 characters)"),
        ("k = 'a\\'b' + \"c\"", "k = \"********\" (4 characters) + \"********\" (1 character)"),
        ("open = \"never closed", "open = \"********\" (12 characters)"),
        ("no literals here", "no literals here"),
    ])
    func redactingStringLiterals(_ line: String, _ expected: String) {
        #expect(ReviewTextReport.redactingStringLiterals(line) == expected)
    }

    @Test func colorOnlyWhenAsked() {
        let colored = ReviewTextReport().render(ReportFixture.result, context: ReportFixture.context(color: true))
        #expect(colored.contains("\u{1B}[1;31mCRITICAL\u{1B}[0m"))
        #expect(colored.contains("\u{1B}[33mMEDIUM\u{1B}[0m"))
    }

    @Test func plainTextRenderingIsUnchangedWithoutContext() {
        var context = ReportFixture.context(headFiles: [:])
        context.failOn = .high
        #expect(ReviewTextReport().render(ReportFixture.result, failOn: .high) == ReviewTextReport().render(ReportFixture.result, context: context))
    }

    @Test func rdjsonAndCodeClimateSkipSuppressedFindings() throws {
        let rdjson = try #require(try Self.json(RDJSONReport().render(ReportFixture.result, context: ReportFixture.context())) as? [String: Any])
        let diagnostics = try #require(rdjson["diagnostics"] as? [[String: Any]])
        // Six findings, then the file not analysed.
        #expect(diagnostics.count == 7)
        #expect(diagnostics.map { $0["severity"] as? String ?? "" } == ["ERROR", "ERROR", "WARNING", "WARNING", "INFO", "INFO", "WARNING"])
        #expect((diagnostics.last?["code"] as? [String: Any])?["value"] as? String == "stackreview-not-analysed")
        let issues = try #require(try Self.json(CodeClimateReport().render(ReportFixture.result, context: ReportFixture.context())) as? [[String: Any]])
        #expect(issues.count == 7)
        #expect(issues.map { $0["severity"] as? String ?? "" } == ["blocker", "critical", "major", "major", "minor", "minor", "major"])
        #expect(issues.last?["check_name"] as? String == "stackreview-not-analysed")
    }

    @Test func junitIsWellFormedWithCraftedNames() throws {
        let xml = JUnitReport().render(MarkdownRenderingTests.craftedResult, context: ReportContext(toolVersion: "0.1.0 <&>"))
        let document = try XMLDocument(xmlString: xml)
        let suites = try document.nodes(forXPath: "/testsuites/testsuite")
        // The six report sections, then "Not analysed" with the crafted problem as an error.
        #expect(suites.count == 7)
        #expect(try document.nodes(forXPath: "//error").count == 1)
        let failures = try document.nodes(forXPath: "//failure")
        #expect(failures.count == MarkdownRenderingTests.attacks.count - 1)
        #expect(try document.nodes(forXPath: "//skipped").count == 1)
        #expect(JUnitReport.escape("a<b>&\"'\n\u{1}") == "a&lt;b&gt;&amp;&quot;&apos;&#10;\\u{1}")
    }
}
