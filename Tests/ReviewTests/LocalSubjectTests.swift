import Git
import Terraform
import TestSupport
import Testing
@testable import Review

/// Local values as review subjects: only rules naming `local` judge them, at the local's
/// attribute, and they are in scope exactly when their own lines (or what they read) changed.
@Suite struct LocalSubjectTests {
    static let locals = """
        locals {
          prefix    = "orders"
          queueName = "${local.prefix}-queue"
          unused    = 3
        }
        resource "aws_sqs_queue" "q" {
          // the queue
          name = local.queueName
        }

        """

    @Test func unusedAndBadlyNamedLocalsAreReportedAtTheirNames() {
        #expect(BuiltinRuleHarness.run("terraform-unused-declaration", Self.locals) == [
            "main.tf:4:3 Nothing in the module refers to `local.unused`",
        ])
        #expect(BuiltinRuleHarness.run("terraform-naming-convention", Self.locals) == [
            "main.tf:3:3 The name of `local.queueName` is not snake_case",
        ])
        let suppressed = Self.locals.replacingOccurrences(
            of: "  unused    = 3", with: "  # stackreview:ignore terraform-unused-declaration kept for the next release\n  unused    = 3")
        #expect(BuiltinRuleHarness.findings("terraform-unused-declaration", ["main.tf": suppressed]).map { $0.suppression?.reason } == [
            "kept for the next release",
        ])
        let finding = BuiltinRuleHarness.findings("terraform-unused-declaration", ["main.tf": Self.locals]).first
        #expect(finding?.span == SourceSpan(file: "main.tf", start: .init(line: 4, column: 3, offset: 72), end: .init(line: 4, column: 9, offset: 78)))
        #expect(finding?.subject == "local.unused")
    }

    @Test func localsReadWhereTheReferenceGraphDoesNotLookAreUsed() {
        let text = """
            locals {
              limit   = 10
              bucket  = "orders"
              minimum = 1
              spare   = 2
            }
            check "limit" {
              assert {
                condition     = local.limit > 0
                error_message = "no limit"
              }
            }
            import {
              to = aws_s3_bucket.b
              id = local.bucket
            }
            output "count" {
              value = 3
              precondition {
                condition     = 3 > local.minimum
                error_message = "too few"
              }
            }

            """
        #expect(BuiltinRuleHarness.run("terraform-unused-declaration", text) == [
            "main.tf:5:3 Nothing in the module refers to `local.spare`",
        ])
    }

    @Test func localsOfAChildModuleCarryItsAddress() {
        let files = [
            "main.tf": "module \"child\" {\n  source = \"./child\"\n}\n",
            "child/main.tf": "locals {\n  Unread = 1\n}\n",
        ]
        #expect(BuiltinRuleHarness.summary(BuiltinRuleHarness.findings("terraform-unused-declaration", files)) == [
            "child/main.tf:2:3 Nothing in the module refers to `module.child.local.Unread`",
        ])
        #expect(BuiltinRuleHarness.summary(BuiltinRuleHarness.findings("terraform-naming-convention", files)) == [
            "child/main.tf:2:3 The name of `module.child.local.Unread` is not snake_case",
        ])
    }

    @Test func onlyRulesNamingLocalJudgeLocals() {
        let text = Self.locals.replacingOccurrences(of: "unused    = 3", with: "unused    = \"${var.region}\" // old style")
            + "variable \"region\" {\n  type = string\n}\n"
        let module = ModuleLoader(source: InMemoryFileSource(["main.tf": text]), cache: ParsedFileCache()).loadModule(at: "")
        let findings = RuleRunner(ruleSet: RuleSet(rules: BuiltinRules.load().rules), today: "2000-01-01").findings(module: module, directory: "")
        let onLocals = findings.filter { $0.subject.hasPrefix("local.") }.map { "\($0.ruleID) \($0.subject)" }.sorted()
        // Only rules that name `local` judge locals: the old-style interpolation is one of them
        // (as tflint reports it in locals too); terraform-fmt, comment syntax and the rest are not.
        #expect(onLocals == [
            "terraform-deprecated-interpolation local.unused",
            "terraform-naming-convention local.queueName",
            "terraform-unused-declaration local.unused",
        ])
        // `*` alone does not reach a local; `["*", local]` does.
        let local = CheckContext(module: module, directory: "", configuration: Configuration()).subjectList.first { $0.address == "local.unused" }
        #expect(local?.kind == .local && local?.range.start.line == 4 && local?.headerRange.end.column == 9)
        if let local, let fmt = BuiltinRuleHarness.rule("terraform-fmt"), let naming = BuiltinRuleHarness.rule("terraform-naming-convention") {
            #expect(!RuleRunner.PreparedCheck(rule: fmt).applies(to: local))
            #expect(RuleRunner.PreparedCheck(rule: naming).applies(to: local))
        }
        // The comment inside the resource still belongs to the resource, not to a local before it.
        #expect(findings.filter { $0.ruleID == "terraform-comment-syntax" }.map(\.subject) == ["aws_sqs_queue.q", "aws_sqs_queue.q"])
    }

    @Test func onlyLocalsOnChangedLinesAreInScope() throws {
        let sandbox = try GitSandbox()
        let repository = try sandbox.makeRepository()
        let base = """
            locals {
              kept  = "a"
              stale = "b"
            }
            output "kept" {
              value = local.kept
            }

            """
        try sandbox.write(base, to: "repo/infra/main.tf")
        try sandbox.commitAll("base", in: repository)
        try sandbox.write(base.replacingOccurrences(of: "  stale = \"b\"\n", with: "  stale = \"b\"\n  freshName = \"c\"\n"), to: "repo/infra/main.tf")
        try sandbox.commitAll("head", in: repository)
        let rules = ["terraform-unused-declaration", "terraform-naming-convention"].compactMap(BuiltinRuleHarness.rule)
        let repo = try Repository.discover(from: sandbox.path(repository))
        func review(all: Bool) throws -> ReviewResult {
            let options = ReviewOptions(ruleSet: RuleSet(rules: rules), reviewAll: all, today: "2026-06-01")
            return try ReviewEngine(repository: repo, options: options).review(try repo.resolve(.expression("HEAD~1..HEAD")))
        }
        let change = try review(all: false)
        #expect(change.touched.map { "\($0.node): \($0.reasons.joined(separator: "; "))" } == ["local.freshName: edited at infra/main.tf:4"])
        #expect(change.comparison.introduced.map(\.identity.description) == [
            "terraform-naming-convention@infra:local.freshName#name",
            "terraform-unused-declaration@infra:local.freshName",
        ])
        #expect(change.comparison.introduced.map(\.message.plain) == [
            "The name of `local.freshName` is not snake_case",
            "Nothing in the module refers to `local.freshName`",
        ])
        #expect(change.comparison.persisting.isEmpty && change.comparison.resolved.isEmpty)
        let everything = try review(all: true)
        #expect(everything.comparison.persisting.map(\.identity.description) == ["terraform-unused-declaration@infra:local.stale"])
    }
}
