import Foundation
import Testing
@testable import Review

/// `rules/PARITY.md` and `rules/data/parity-ids.yaml`: never stale, and every required id has a rule.
@Suite struct ParityDocumentTests {
    static let dataFile = BuiltinRulesTests.packageRoot.appendingPathComponent(ParityRequirements.path)
    static let embeddedFile = BuiltinRulesTests.packageRoot.appendingPathComponent("Sources/Review/ParityRequirements+File.swift")
    static let documentFile = BuiltinRulesTests.packageRoot.appendingPathComponent("rules/PARITY.md")
    static var updating: Bool { ProcessInfo.processInfo.environment["STACKREVIEW_UPDATE_GOLDEN"] == "1" }

    @Test func embeddedListMatchesTheDataFile() throws {
        let generated = ParityRequirements.generatedSource(for: try String(contentsOf: Self.dataFile, encoding: .utf8))
        if Self.updating {
            try Data(generated.utf8).write(to: Self.embeddedFile)
            return
        }
        #expect(try String(contentsOf: Self.embeddedFile, encoding: .utf8) == generated,
                "Sources/Review/ParityRequirements+File.swift is stale; run STACKREVIEW_UPDATE_GOLDEN=1 swift test --filter ParityDocumentTests")
    }

    @Test func parityDocumentIsCurrent() throws {
        let document = ParityDocument(rules: BuiltinRules.load().rules, requirements: try ParityRequirements.builtin())
        if Self.updating {
            try Data(document.markdown.utf8).write(to: Self.documentFile)
            return
        }
        #expect(try String(contentsOf: Self.documentFile, encoding: .utf8) == document.markdown,
                "rules/PARITY.md is stale; run `stackreview rules parity > rules/PARITY.md` (or STACKREVIEW_UPDATE_GOLDEN=1 swift test --filter ParityDocumentTests)")
    }

    @Test func everyRequiredIdHasARule() throws {
        let requirements = try ParityRequirements.builtin()
        #expect(ParityDocument(rules: BuiltinRules.load().rules, requirements: requirements).uncovered == [])
        #expect(requirements.checkov.flatMap(\.ids).count == 84)
        #expect(requirements.tflint.count == 19)
    }

    @Test func uncoveredIdsAreListedAndMarked() throws {
        let requirements = try ParityRequirements.parse("""
            checkov:
              Lambda: [CKV_AWS_50, CKV_AWS_999]
            tflint: [terraform_typed_variables, terraform_made_up]
            stackreview:
              Something new: no-such-rule

            """)
        let rules = BuiltinRules.load().rules.filter { ["aws-lambda-tracing", "terraform-variable-type"].contains($0.id) }
        let document = ParityDocument(rules: rules, requirements: requirements)
        #expect(document.uncovered == ["CKV_AWS_999", "terraform_made_up", "no-such-rule"])
        #expect(document.markdown.contains("| CKV_AWS_50 | `aws-lambda-tracing` | AVD-AWS-0066 |\n| CKV_AWS_999 | **not covered** | – |\n"))
        #expect(document.markdown.contains("| terraform_typed_variables | `terraform-variable-type` |\n| terraform_made_up | **not covered** |\n"))
        #expect(document.markdown.contains("| Something new | **not covered** (`no-such-rule`) |\n"))
    }

    @Test func aMistakeInTheListNamesTheLine() {
        #expect(throws: RuleLoadError.self) { try ParityRequirements.parse("checkov:\n  Lambda: [a]\nflint: [x]\n") }
        do {
            _ = try ParityRequirements.parse("checkov:\n  Lambda: [a]\nflint: [x]\n")
        } catch {
            #expect(error.description == "rules/data/parity-ids.yaml:3:1: unknown key 'flint' in the parity list; expected one of: checkov, stackreview, tflint")
        }
    }
}
