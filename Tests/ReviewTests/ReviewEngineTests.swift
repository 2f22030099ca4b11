import Foundation
import Git
import TestSupport
import Testing
@testable import Review

/// The engine on real repositories: scope, propagation, comparison, suppressions.
@Suite struct ReviewEngineTests {
    static let retentionRule = """
        id: test-retention
        title: Log group keeps logs at least 5 days
        severity: high
        category: operational-excellence
        applies_to: [aws_cloudwatch_log_group]
        message: "`{address}` keeps logs for {value} days"
        improvement: "Raised the retention of `{address}`"
        remediation: Keep logs longer.
        check: { attribute: retention_in_days, operator: greater_than_or_equal, value: 5 }
        examples:
          fail: |
            resource "aws_cloudwatch_log_group" "g" {
              retention_in_days = ⚑1
            }
          pass: |
            resource "aws_cloudwatch_log_group" "g" {
              retention_in_days = 30
            }
        """
    static let tracingRule = RuleLoaderTests.tracingRule

    static let variables = """
        variable "retention" {
          default = 7
        }

        variable "env" {
          default = "dev"
        }

        locals {
          prefix = "svc-${var.env}"
        }

        """
    static let main = """
        resource "aws_cloudwatch_log_group" "a" {
          name              = "/a"
          retention_in_days = var.retention
        }

        resource "aws_cloudwatch_log_group" "b" {
          name              = "/b"
          retention_in_days = 30
        }

        data "archive_file" "code" {
          type        = "zip"
          source_dir  = "${path.module}/../lambda"
          output_path = "${path.module}/build/code.zip"
        }

        resource "aws_iam_role" "r" {
          name               = "r"
          assume_role_policy = "{}"
        }

        resource "aws_iam_role_policy" "p" {
          role   = aws_iam_role.r.id
          policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "*" }] })
        }

        resource "aws_lambda_function" "f" {
          function_name = local.prefix
          role          = aws_iam_role.r.arn
          filename      = data.archive_file.code.output_path
          handler       = "app.handler"
          tracing_config {
            mode = "Active"
          }
        }

        """

    /// A sandbox repository with the fixture committed, and the id of that commit.
    static func fixture() throws -> (GitSandbox, String, ObjectID) {
        let sandbox = try GitSandbox()
        let repository = try sandbox.makeRepository()
        try sandbox.write(variables, to: "repo/infra/variables.tf")
        try sandbox.write(main, to: "repo/infra/main.tf")
        try sandbox.write("def handler(event, context):\n    return {}\n", to: "repo/lambda/app.py")
        let first = try sandbox.commitAll("fixture", in: repository)
        return (sandbox, repository, first)
    }

    static func review(_ sandbox: GitSandbox, _ repository: String, _ range: String, all: Bool = false, metrics: Bool = false) throws -> ReviewResult {
        let rules = [try RuleLoader().load(yaml: retentionRule, file: "r1.yml"), try RuleLoader().load(yaml: tracingRule, file: "r2.yml")]
        let repo = try Repository.discover(from: sandbox.path(repository))
        var options = ReviewOptions(ruleSet: RuleSet(rules: rules), reviewAll: all, today: "2026-06-01")
        options.collectMetrics = metrics
        return try ReviewEngine(repository: repo, options: options).review(try repo.resolve(.expression(range)))
    }

    static func touched(_ result: ReviewResult) -> [String] {
        result.touched.map { "\($0.node): \($0.reasons.joined(separator: "; "))" }
    }

    @Test func variableDefaultTouchesExactlyTheResourcesThatUseIt() throws {
        let (sandbox, repository, _) = try Self.fixture()
        try sandbox.write(Self.variables.replacingOccurrences(of: "default = 7", with: "default = 3"), to: "repo/infra/variables.tf")
        try sandbox.commitAll("shorter retention", in: repository)
        let result = try Self.review(sandbox, repository, "HEAD~1..HEAD")
        #expect(Self.touched(result) == [
            "aws_cloudwatch_log_group.a: via var.retention",
            "var.retention: edited at infra/variables.tf:2; lines removed at infra/variables.tf:2 (base)",
        ])
        #expect(result.comparison.introduced.map(\.identity.description) == ["test-retention@infra:aws_cloudwatch_log_group.a#retention_in_days"])
        #expect(result.comparison.introduced.first?.message.plain == "`aws_cloudwatch_log_group.a` keeps logs for 3 days")
        #expect(result.comparison.introduced.first?.span == SourceSpan(
            file: "infra/main.tf", start: .init(line: 3, column: 23, offset: 91), end: .init(line: 3, column: 36, offset: 104)))
        #expect(result.comparison.resolved.isEmpty && result.comparison.persisting.isEmpty)
        #expect(result.blocking(failOn: .high).count == 1)
    }

    @Test func localsChainCarriesTheReason() throws {
        let (sandbox, repository, _) = try Self.fixture()
        try sandbox.write(Self.variables.replacingOccurrences(of: "default = \"dev\"", with: "default = \"prod\""), to: "repo/infra/variables.tf")
        try sandbox.commitAll("prod", in: repository)
        let result = try Self.review(sandbox, repository, "HEAD~1..HEAD")
        #expect(Self.touched(result) == [
            "aws_lambda_function.f: via var.env → local.prefix",
            "local.prefix: via var.env",
            "var.env: edited at infra/variables.tf:6; lines removed at infra/variables.tf:6 (base)",
        ])
    }

    @Test func handlerFileTouchesTheFunctionThatPackagesIt() throws {
        let (sandbox, repository, _) = try Self.fixture()
        try sandbox.write("def handler(event, context):\n    return {\"statusCode\": 200}\n", to: "repo/lambda/app.py")
        try sandbox.commitAll("handler", in: repository)
        let result = try Self.review(sandbox, repository, "HEAD~1..HEAD")
        #expect(result.modules == ["infra"])
        #expect(Self.touched(result) == [
            "lambda/app.py::handler: edited at lambda/app.py:2; lines removed at lambda/app.py:2 (base)",
            "aws_lambda_function.f: via lambda/app.py",
        ])
    }

    @Test func policyEditTouchesRoleAndFunction() throws {
        let (sandbox, repository, _) = try Self.fixture()
        try sandbox.write(Self.main.replacingOccurrences(of: "Action = \"s3:GetObject\"", with: "Action = \"s3:PutObject\""), to: "repo/infra/main.tf")
        try sandbox.commitAll("policy", in: repository)
        let result = try Self.review(sandbox, repository, "HEAD~1..HEAD")
        #expect(Self.touched(result) == [
            "aws_iam_role.r: via aws_iam_role_policy.p",
            "aws_iam_role_policy.p: edited at infra/main.tf:24; lines removed at infra/main.tf:24 (base)",
            "aws_lambda_function.f: via aws_iam_role_policy.p → aws_iam_role.r",
        ])
    }

    @Test func fixResolvesAndRemovalIsNotAnImprovement() throws {
        let (sandbox, repository, _) = try Self.fixture()
        try sandbox.write(Self.main.replacingOccurrences(of: "retention_in_days = 30", with: "retention_in_days = 1"), to: "repo/infra/main.tf")
        try sandbox.commitAll("break b", in: repository)
        try sandbox.write(Self.main, to: "repo/infra/main.tf")
        try sandbox.commitAll("fix b", in: repository)
        let fixed = try Self.review(sandbox, repository, "HEAD~1..HEAD")
        #expect(fixed.comparison.resolved.map(\.improvement.plain) == ["Raised the retention of `aws_cloudwatch_log_group.b`"])
        #expect(fixed.comparison.introduced.isEmpty)

        let withoutB = Self.main.replacingOccurrences(of: "resource \"aws_cloudwatch_log_group\" \"b\" {\n  name              = \"/b\"\n  retention_in_days = 30\n}\n\n", with: "")
        try sandbox.write(Self.main.replacingOccurrences(of: "retention_in_days = 30", with: "retention_in_days = 1"), to: "repo/infra/main.tf")
        try sandbox.commitAll("break b again", in: repository)
        try sandbox.write(withoutB, to: "repo/infra/main.tf")
        try sandbox.commitAll("remove b", in: repository)
        let removed = try Self.review(sandbox, repository, "HEAD~1..HEAD")
        #expect(removed.comparison.removed.map(\.identity.description) == ["test-retention@infra:aws_cloudwatch_log_group.b#retention_in_days"])
        #expect(removed.comparison.resolved.isEmpty)
    }

    @Test func movedBlockKeepsIdentity() throws {
        let (sandbox, repository, _) = try Self.fixture()
        try sandbox.write(Self.main.replacingOccurrences(of: "retention_in_days = 30", with: "retention_in_days = 1"), to: "repo/infra/main.tf")
        try sandbox.commitAll("break b", in: repository)
        let renamed = Self.main.replacingOccurrences(of: "retention_in_days = 30", with: "retention_in_days = 1")
            .replacingOccurrences(of: "\"aws_cloudwatch_log_group\" \"b\"", with: "\"aws_cloudwatch_log_group\" \"bee\"")
            + "moved {\n  from = aws_cloudwatch_log_group.b\n  to   = aws_cloudwatch_log_group.bee\n}\n"
        try sandbox.write(renamed, to: "repo/infra/main.tf")
        try sandbox.commitAll("rename b", in: repository)
        let result = try Self.review(sandbox, repository, "HEAD~1..HEAD")
        #expect(result.comparison.introduced.isEmpty)
        #expect(result.comparison.persisting.map(\.subject) == ["aws_cloudwatch_log_group.bee"])
    }

    @Test func suppressionCommentSilencesAndDoesNotBlock() throws {
        let (sandbox, repository, _) = try Self.fixture()
        let suppressed = Self.main.replacingOccurrences(
            of: "resource \"aws_cloudwatch_log_group\" \"b\" {\n  name              = \"/b\"\n  retention_in_days = 30",
            with: "# stackreview:ignore test-retention short-lived debug logs exp:2026-12-31\nresource \"aws_cloudwatch_log_group\" \"b\" {\n  name              = \"/b\"\n  retention_in_days = 1")
        try sandbox.write(suppressed, to: "repo/infra/main.tf")
        try sandbox.commitAll("debug logs", in: repository)
        let result = try Self.review(sandbox, repository, "HEAD~1..HEAD")
        #expect(result.comparison.introduced.map(\.suppression?.reason) == ["short-lived debug logs"])
        #expect(result.blocking(failOn: .info).isEmpty)
    }

    @Test func reviewAllCoversUntouchedSubjects() throws {
        let (sandbox, repository, _) = try Self.fixture()
        try sandbox.write(Self.main.replacingOccurrences(of: "retention_in_days = 30", with: "retention_in_days = 2"), to: "repo/infra/main.tf")
        try sandbox.commitAll("b", in: repository)
        try sandbox.write("# notes\n", to: "repo/NOTES.md")
        try sandbox.commitAll("notes only", in: repository)
        #expect(try Self.review(sandbox, repository, "HEAD~1..HEAD").headFindings.isEmpty)
        let all = try Self.review(sandbox, repository, "HEAD~1..HEAD", all: true)
        #expect(all.modules == ["infra"])
        #expect(all.headFindings.map(\.identity.description) == ["test-retention@infra:aws_cloudwatch_log_group.b#retention_in_days"])
        #expect(all.comparison.persisting.count == 1)
    }

    @Test func configurationComesFromTheBaseSide() throws {
        let (sandbox, repository, _) = try Self.fixture()
        try sandbox.write("rules:\n  aws-lambda-tracing: off\n", to: "repo/.stackreview.yml")
        try sandbox.commitAll("config", in: repository)
        let repo = try Repository.discover(from: sandbox.path(repository))
        let range = try repo.resolve(.expression("HEAD~1..HEAD"))
        let options = try ReviewSetup.options(repository: repo, range: range, reviewAll: false, today: "2026-06-01")
        #expect(options.configuration.rules.isEmpty, "the change that adds the configuration is reviewed without it")
        try sandbox.write("# notes\n", to: "repo/NOTES.md")
        try sandbox.commitAll("later", in: repository)
        let later = try ReviewSetup.options(repository: repo, range: try repo.resolve(.expression("HEAD~1..HEAD")), reviewAll: false, today: "2026-06-01")
        #expect(later.configuration.rules == ["aws-lambda-tracing": .off])
        #expect(later.ruleSet.rule("aws-lambda-tracing") == nil)
    }

    @Test func invalidConfigurationIsAUsageErrorNamingTheLine() throws {
        let (sandbox, repository, _) = try Self.fixture()
        try sandbox.write("fail_on: loud\n", to: "repo/.stackreview.yml")
        try sandbox.commitAll("config", in: repository)
        try sandbox.write("# notes\n", to: "repo/NOTES.md")
        try sandbox.commitAll("later", in: repository)
        do {
            _ = try Reviewer.review(Reviewer.Request(path: sandbox.path(repository), revisions: .expression("HEAD~1..HEAD"), today: "2026-06-01"))
            Issue.record("expected a configuration error")
        } catch {
            #expect(error.exitStatus == 2)
            #expect(error.description == ".stackreview.yml:1:10: fail_on must be one of critical, high, medium, low, info or never, not 'loud'\nFix the file(s) above, or pass --config with a valid configuration.")
        }
    }

    @Test func keyMetricsCompareTestsAtBaseAndHead() throws {
        let (sandbox, repository, _) = try Self.fixture()
        try sandbox.write("def test_one():\n    assert 1\n", to: "repo/tests/test_app.py")
        try sandbox.commitAll("first test", in: repository)
        try sandbox.write("def test_one():\n    assert 1\n\n\ndef test_two():\n    assert 2\n    assert 3\n", to: "repo/tests/test_app.py")
        try sandbox.write("{\"total\": {\"lines\": {\"pct\": 85.91}}}", to: "repo/coverage/coverage-summary.json")
        try sandbox.commitAll("more tests", in: repository)
        let grown = try #require(try Self.review(sandbox, repository, "HEAD~1..HEAD", metrics: true).metrics)
        #expect(grown.base?.unitTests == 1)
        #expect(grown.head.unitTests == 2)
        #expect(grown.head.assertions == 3)
        #expect(grown.head.coverage == 85.91)
        #expect(grown.coverageTarget == 70)
        try sandbox.write(Self.main.replacingOccurrences(of: "retention_in_days = 30", with: "retention_in_days = 31"), to: "repo/infra/main.tf")
        try sandbox.commitAll("no test change", in: repository)
        let unchanged = try #require(try Self.review(sandbox, repository, "HEAD~1..HEAD", metrics: true).metrics)
        #expect(unchanged.base == unchanged.head)
        #expect(unchanged.addedTestFiles.isEmpty)
        #expect(try Self.review(sandbox, repository, "HEAD~1..HEAD").metrics == nil)
    }

    @Test func testingSectionRulesJudgeTheSuiteAtBothSides() throws {
        let (sandbox, repository, _) = try Self.fixture()
        try sandbox.write("def test_one():\n    assert 1\n", to: "repo/tests/test_app.py")
        try sandbox.write("{\"total\": {\"lines\": {\"pct\": 52}}}", to: "repo/coverage/coverage-summary.json")
        try sandbox.commitAll("tests at 52%", in: repository)
        try sandbox.write("def test_one():\n    assert 1\n\n\ndef test_two():\n    assert 2\n", to: "repo/tests/test_app.py")
        try sandbox.write("{\"total\": {\"lines\": {\"pct\": 85.91}}}", to: "repo/coverage/coverage-summary.json")
        try sandbox.commitAll("tests at 85.91%", in: repository)
        let rules = BuiltinRules.load().rules.filter { $0.id.hasPrefix("testing-") }
        #expect(rules.count == 6)
        let repo = try Repository.discover(from: sandbox.path(repository))
        var options = ReviewOptions(ruleSet: RuleSet(rules: rules), today: "2026-06-01")
        options.collectMetrics = true
        let raised = try ReviewEngine(repository: repo, options: options).review(try repo.resolve(.expression("HEAD~1..HEAD")))
        #expect(raised.comparison.resolved.map(\.improvement.plain) == ["Raised line coverage to the target of 70%"])
        #expect(raised.comparison.persisting.map(\.ruleID) == ["testing-no-integration-tests"])
        #expect(raised.comparison.introduced.isEmpty)

        try sandbox.write(Self.main.replacingOccurrences(of: "retention_in_days = 30", with: "retention_in_days = 31"), to: "repo/infra/main.tf")
        try sandbox.commitAll("code without tests", in: repository)
        let untested = try ReviewEngine(repository: repo, options: options).review(try repo.resolve(.expression("HEAD~1..HEAD")))
        #expect(untested.comparison.introduced.map(\.message.plain) == ["The change edits 1 Terraform or handler file(s) but no test"])
        #expect(untested.comparison.introduced.first?.span.file == "infra/main.tf")
        #expect(untested.comparison.introduced.first?.category == .testingQualityAssurance)
    }
}
