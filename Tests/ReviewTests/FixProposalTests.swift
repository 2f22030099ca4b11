import Terraform
import Testing
@testable import Review

@Suite struct FixProposalTests {
    static func findings(_ ruleID: String, _ text: String) throws -> [Finding] {
        let rule = try #require(BuiltinRules.load().rules.first { $0.id == ruleID })
        let module = ModuleLoader(source: InMemoryFileSource(["main.tf": text]), cache: ParsedFileCache()).loadModule(at: "")
        return RuleRunner(ruleSet: RuleSet(rules: [rule]), today: "2026-01-01").findings(module: module, directory: "")
    }

    /// `text` with the proposal applied (byte offsets).
    static func apply(_ fix: FixProposal, to text: String) -> String {
        let bytes = Array(text.utf8)
        return String(decoding: bytes[..<fix.span.start.offset] + Array(fix.replacement.utf8) + bytes[fix.span.end.offset...], as: UTF8.self)
    }

    @Test func addToBlockInsertsIndentedLinesBeforeTheClosingBrace() throws {
        let text = "resource \"aws_lambda_function\" \"f\" {\n  function_name = \"f\"\n}\n"
        let finding = try #require(try Self.findings("aws-lambda-tracing", text).first)
        let fix = try #require(finding.fix)
        #expect(fix.span == SourceSpan(file: "main.tf", start: .init(line: 3, column: 1, offset: 59), end: .init(line: 3, column: 1, offset: 59)))
        #expect(fix.replacement == "  tracing_config {\n    mode = \"Active\"\n  }\n")
        let fixed = Self.apply(fix, to: text)
        #expect(fixed == "resource \"aws_lambda_function\" \"f\" {\n  function_name = \"f\"\n  tracing_config {\n    mode = \"Active\"\n  }\n}\n")
        #expect(try Self.findings("aws-lambda-tracing", fixed).isEmpty)
    }

    @Test func replaceValueRewritesTheOffendingExpression() throws {
        let text = "variable \"env\" {\n  type = string\n}\n\nlocals {\n  name = \"${var.env}\"\n}\n\nresource \"aws_s3_bucket\" \"b\" {\n  bucket = \"${var.env}\"\n}\n"
        let findings = try Self.findings("terraform-deprecated-interpolation", text)
        let fixes = findings.compactMap(\.fix)
        // The local is judged too, as tflint does.
        #expect(fixes.map(\.replacement) == ["var.env", "var.env"])
        // Applied from the end of the file back, so each fix's offsets still hold.
        let fixed = fixes.sorted { $0.span.start.offset > $1.span.start.offset }.reduce(text) { Self.apply($1, to: $0) }
        #expect(fixed.contains("  name = var.env\n"))
        #expect(fixed.contains("  bucket = var.env\n"))
        #expect(try Self.findings("terraform-deprecated-interpolation", fixed).isEmpty)
    }
}
