import Terraform
import TestSupport
import Testing
@testable import Review

/// What the rule runner prepares once and keeps: its rules' checks, the verdicts of
/// block-syntax checks, formatted files, and the small text helpers the checks use.
@Suite struct RuleRunnerPreparationTests {
    static let module = """
        locals {
          queueName = "orders"
        }

        """

    @Test func aRuleSetSetAfterCreationIsTheOneThatRuns() throws {
        let rule = try #require(BuiltinRuleHarness.rule("terraform-naming-convention"))
        let module = ModuleLoader(source: InMemoryFileSource(["main.tf": Self.module]), cache: ParsedFileCache()).loadModule(at: "")
        var runner = RuleRunner(ruleSet: RuleSet(rules: []), today: "2000-01-01")
        #expect(runner.findings(module: module, directory: "").isEmpty)
        runner.ruleSet = RuleSet(rules: [rule])
        #expect(runner.findings(module: module, directory: "").map(\.subject) == ["local.queueName"])
        runner.ruleSet = RuleSet(rules: [])
        #expect(runner.findings(module: module, directory: "").isEmpty)
    }

    @Test func findingsKeepOnlyTheArgumentsTheirRulesTextsName() throws {
        #expect(FindingMessage.placeholders(in: ["`{address}` at {attribute}", "Fixed {address}", ""]) == ["address", "attribute"])
        // Every `{` starts a name up to the next `}`, as the messages read them.
        #expect(FindingMessage.placeholders(in: ["{a{b} {c", "{}{b}"]) == ["a{b", "b", ""])
        let rule = try #require(BuiltinRuleHarness.rule("terraform-naming-convention"))
        let module = ModuleLoader(source: InMemoryFileSource(["main.tf": Self.module]), cache: ParsedFileCache()).loadModule(at: "")
        let finding = try #require(RuleRunner(ruleSet: RuleSet(rules: [rule]), today: "2000-01-01").findings(module: module, directory: "").first)
        let named = FindingMessage.placeholders(in: [rule.message, rule.improvement, rule.fix?.text ?? ""])
        #expect(Set(finding.message.arguments.keys) == Set(named).intersection(["address", "type", "name", "attribute", "value", "convention"]))
        #expect(finding.message.arguments["address"] == "local.queueName")
        #expect(finding.message.arguments == finding.improvement.arguments)
    }

    @Test func keptSyntaxVerdictsAddUpAndTheFirstKeptStays() {
        let key = BlockSyntaxVerdicts.Key(file: 1_000_000_007, start: 10, end: 42, isLocal: false, isFirstInstance: true)
        let first = CodedVerdict(.unknown(["var.a"]))
        let second = CodedVerdict(.unknown(["var.b"]))
        let kept = { (slots: [Int: [CodedVerdict]]) in
            var table = BlockSyntaxVerdicts.nothingKept
            for (slot, verdicts) in slots { table[slot] = verdicts }
            return table
        }
        #expect(CodedChecks.syntaxCheckCount == 7)
        #expect(BlockSyntaxVerdicts.verdicts(at: key) == nil)
        BlockSyntaxVerdicts.keep(kept([3: [first]]), at: key)
        BlockSyntaxVerdicts.keep(kept([3: [second], 5: []]), at: key)
        #expect(BlockSyntaxVerdicts.verdicts(at: key) == kept([3: [first], 5: []]))
        let otherInstance = BlockSyntaxVerdicts.Key(file: 1_000_000_007, start: 10, end: 42, isLocal: false, isFirstInstance: false)
        #expect(BlockSyntaxVerdicts.verdicts(at: otherInstance) == nil)
    }

    @Test func blockSyntaxChecksHaveSlotsInTheOrderOfTheListOfChecks() throws {
        let entry = try #require(CodedChecks.entry(named: "terraform-fmt"))
        #expect(entry.check.name == "terraform-fmt")
        #expect(entry.syntaxCheck != nil)
        #expect(CodedChecks.entry(named: "naming-convention")?.syntaxCheck == nil)
        #expect(CodedChecks.entry(named: "naming-convention")?.syntaxSlot == nil)
        // Slots number the block-syntax checks from 0, in the order of the list of checks.
        let slots = CodedChecks.all.compactMap { CodedChecks.entry(named: $0.name)?.syntaxSlot }
        #expect(slots == Array(0..<CodedChecks.syntaxCheckCount))
        #expect(CodedChecks.entry(named: "no-such-check") == nil)
    }

    @Test func aFileIsFormattedOncePerNumber() {
        let messy = Array("a=1\n".utf8), tidy = Array("a = 1\n".utf8)
        let canonical = { (source: [UInt8], number: Int?) in
            TerraformFmtCheck.formattedLines(of: source, number: number).map { $0.canonical.map { String(decoding: $0.bytes, as: UTF8.self) } }
        }
        #expect(canonical(messy, nil) == ["a = 1", ""])
        #expect(canonical(tidy, nil) == ["a = 1", ""])
        #expect(canonical(messy, 1_000_000_009) == ["a = 1", ""])
        // The number stands for the path and contents it was first given with.
        #expect(TerraformFmtCheck.formattedLines(of: tidy, number: 1_000_000_009)?.original.map(\.bytes.count) == [3, 0])
    }

    @Test func closestRangeIsTheLongestPrefixOfThePathThatExists() throws {
        let text = """
            resource "aws_lambda_function" "f" {
              tracing_config {
                mode = "PassThrough"
              }
              environment {
                variables = {
                  A = "1"
                }
              }
            }

            """
        let module = ModuleLoader(source: InMemoryFileSource(["main.tf": text]), cache: ParsedFileCache()).loadModule(at: "")
        let context = CheckContext(module: module, directory: "", configuration: Configuration())
        let subject = try #require(context.subjects["aws_lambda_function.f"])
        let evaluator = ConditionEvaluator(connections: context.connections)
        let start = { (path: String) in
            let range = evaluator.closestRange(path, in: subject)
            return "\(range.start.line):\(range.start.column)"
        }
        #expect(start("tracing_config.mode.deeper") == "3:12")
        #expect(start("tracing_config.missing") == "2:3")
        #expect(start("environment.variables.B") == "6:17")
        #expect(start("environment.variables.A.deeper") == "7:11")
        // Empty steps count for nothing, and a path is never its own shorter path.
        #expect(start("tracing_config..missing.") == "2:3")
        #expect(start(".tracing_config.mode.") == "2:3")
        #expect(start("tracing_config") == "1:1")
        #expect(start("") == "1:1")
        #expect(start("nothing.here") == "1:1")
        // `*` steps are left out of the shorter paths.
        #expect(start("environment.*.missing") == "5:3")
    }

    @Test func textHelpersAgreeWithSplitting() throws {
        #expect(RuleRunner.lastComponent(of: "module.api.var.region") == "region")
        #expect(RuleRunner.lastComponent(of: "aws_s3_bucket.logs.") == "logs")
        #expect(RuleRunner.lastComponent(of: "plain") == "plain")
        #expect(RuleRunner.lastComponent(of: "") == "")
        #expect(StandardModuleStructureCheck.fileName("modules/api/variables.tf") == "variables.tf")
        #expect(StandardModuleStructureCheck.fileName("main.tf") == "main.tf")
        #expect(StandardModuleStructureCheck.fileName("modules/api/") == "api")
        #expect(CriticalResourceOutputCheck.contains("module.api.output.url", ".output."))
        #expect(!CriticalResourceOutputCheck.contains("module.outputs.url", ".output."))
        #expect(!CriticalResourceOutputCheck.contains(".out", ".output."))
        #expect(CriticalResourceOutputCheck.contains("module.a.local.", ".local."))
        let text = """
            resource "aws_s3_bucket" "b" {}
            resource "random" "r" {}
            resource "google_storage_bucket" "g" {
              provider = google.west
            }
            resource "aws__odd" "o" {}

            """
        let module = ModuleLoader(source: InMemoryFileSource(["main.tf": text]), cache: ParsedFileCache()).loadModule(at: "")
        #expect(module.resources.map(\.providerLocalName) == ["aws", "random", "google", "aws"])
    }
}
