import Foundation
import Git
import TestSupport
import Testing
@testable import Review

/// Handler review on real repositories: handler findings and the cross-checks on the function
/// that deploys the handler, resolution, renames, and files that do not parse.
@Suite struct HandlerEngineTests {
    static let main = """
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
          policy = jsonencode({ Statement = [{ Effect = "Allow", Action = ["dynamodb:GetItem", "logs:PutLogEvents"], Resource = "*" }] })
        }

        resource "aws_lambda_function" "f" {
          function_name = "orders"
          role          = aws_iam_role.r.arn
          runtime       = "python3.12"
          handler       = "app.handler"
          filename      = data.archive_file.code.output_path
          environment {
            variables = {
              TABLE_NAME = "orders"
            }
          }
        }

        resource "aws_cloudwatch_log_group" "g" {
          name              = "/aws/lambda/orders"
          retention_in_days = 30
        }

        """
    static let cleanHandler = """
        import json
        import logging
        import os

        import boto3

        logger = logging.getLogger()
        TABLE = boto3.resource("dynamodb").Table(os.environ["TABLE_NAME"])


        def handler(event, context):
            try:
                item = TABLE.get_item(Key={"id": event["id"]})
            except KeyError:
                logger.warning("no id")
                return {"statusCode": 400, "headers": {}, "body": "{}"}
            return {"statusCode": 200, "headers": {}, "body": json.dumps(item)}

        """
    static let flawedHandler = """
        import json
        import logging
        import os

        import boto3

        logger = logging.getLogger()


        def handler(event, context):
            table = boto3.resource("dynamodb").Table(os.environ["TABLE_NAME"])
            print(event)
            try:
                table.put_item(Item=event)
            except:
                pass
            return {"statusCode": 200, "headers": {}, "body": json.dumps({"ok": True})}

        """

    static func fixture() throws -> (GitSandbox, String) {
        let sandbox = try GitSandbox()
        let repository = try sandbox.makeRepository()
        try sandbox.write(main, to: "repo/infra/main.tf")
        try sandbox.write(cleanHandler, to: "repo/lambda/app.py")
        try sandbox.commitAll("fixture", in: repository)
        return (sandbox, repository)
    }

    /// The built-in lambda-handler rules plus a Terraform rule on log retention.
    static func review(_ sandbox: GitSandbox, _ repository: String, _ range: String) throws -> ReviewResult {
        var rules = BuiltinRules.load().rules.filter { $0.category == .lambdaHandler }
        rules.append(try RuleLoader().load(yaml: ReviewEngineTests.retentionRule, file: "r1.yml"))
        let repo = try Repository.discover(from: sandbox.path(repository))
        let options = ReviewOptions(ruleSet: RuleSet(rules: rules), today: "2026-06-01")
        return try ReviewEngine(repository: repo, options: options).review(try repo.resolve(.expression(range)))
    }

    static func describe(_ findings: [Finding]) -> [String] {
        findings.map { "\($0.severity.rawValue) \($0.category.rawValue) \($0.identity) @\($0.span.file):\($0.span.start.line):\($0.span.start.column)" }
    }

    @Test func reviewingEverythingTheBaseTakesOverTheHeadsFilesWithTheSameBlob() throws {
        let (sandbox, repository) = try Self.fixture()
        try sandbox.write("def other(event, context):\n    return 1\n", to: "repo/lambda/other.py")
        try sandbox.commitAll("other", in: repository)
        try sandbox.write("def other(event, context):\n    return 2\n", to: "repo/lambda/other.py")
        try sandbox.commitAll("other changed", in: repository)
        let repo = try Repository.discover(from: sandbox.path(repository))
        let range = try repo.resolve(.expression("HEAD~1..HEAD"))
        let runner = RuleRunner(ruleSet: RuleSet(rules: []), today: "2026-06-01")
        let review = HandlerReview(changeSet: try repo.changeSet(range), configuration: Configuration(), runner: runner, reviewAll: true)
        let head = review.review(side: .head, source: RevisionFileSource(repository: repo, side: range.head), contexts: [], skip: [])
        let baseSource = RevisionFileSource(repository: repo, side: range.base)
        let base = review.review(side: .base, source: baseSource, contexts: [], skip: [], parsed: head.files)
        #expect(head.files.map(\.path) == ["lambda/other.py", "lambda/app.py"])
        #expect(base.files.map(\.path) == ["lambda/other.py", "lambda/app.py"])
        #expect(head.files.map { $0.contentID != nil } == [true, true])
        // The unchanged file is the head's (its bytes' storage, its blob id); the changed one is the base's own.
        let storage = { (file: HandlerFile) in file.source.bytes.withUnsafeBytes { $0.baseAddress } }
        #expect(storage(base.files[1]) == storage(head.files[1]))
        #expect(base.files[1].contentID == head.files[1].contentID)
        #expect(base.files[0].contentID != head.files[0].contentID)
        #expect(String(decoding: base.files[0].source.bytes, as: UTF8.self).hasSuffix("return 1\n"))
        #expect(base.files[0].contentID == baseSource.readFile(at: "lambda/other.py")?.contentID)
        #expect(baseSource.readFile(at: "lambda/app.py")?.contentID == head.files[1].contentID)
    }

    @Test func handlerChangeReportsHandlerAndCrossCheckFindings() throws {
        let (sandbox, repository) = try Self.fixture()
        try sandbox.write(Self.flawedHandler, to: "repo/lambda/app.py")
        try sandbox.commitAll("flawed handler", in: repository)
        let result = try Self.review(sandbox, repository, "HEAD~1..HEAD")
        #expect(result.modules == ["infra"])
        #expect(result.problems.isEmpty)
        #expect(Self.describe(result.comparison.introduced) == [
            "high lambda-handler lambda-handler-iam-missing@infra:aws_lambda_function.f#role.dynamodb:PutItem @infra/main.tf:19:19",
            "high lambda-handler lambda-handler-swallowed-exception@lambda/app.py::handler#except @lambda/app.py:15:5",
            "medium lambda-handler lambda-handler-client-in-handler@lambda/app.py::handler#client.dynamodb @lambda/app.py:11:13",
            "medium lambda-handler lambda-handler-event-logged@lambda/app.py::handler#log.event @lambda/app.py:12:5",
            "medium lambda-handler lambda-handler-bare-except@lambda/app.py::handler#except @lambda/app.py:15:5",
            "low lambda-handler lambda-handler-iam-unused@infra:aws_lambda_function.f#role @infra/main.tf:19:19",
            "low lambda-handler lambda-handler-print@lambda/app.py::handler#print @lambda/app.py:12:5",
        ])
        let missing = try #require(result.comparison.introduced.first)
        #expect(missing.message.plain == "`lambda/app.py` calls `dynamodb.put_item` (line 14), which needs `dynamodb:PutItem`, but the role `aws_iam_role.r` of `aws_lambda_function.f` does not allow it: the call fails with AccessDenied")
        #expect(Self.describe(result.comparison.resolved) == [])
        #expect(Self.touched(result) == [
            "lambda/app.py: lines removed at lambda/app.py:8 (base)",
            "lambda/app.py::handler: edited at lambda/app.py:11; lines removed at lambda/app.py:13 (base)",
            "aws_lambda_function.f: via lambda/app.py",
        ])
    }

    static func touched(_ result: ReviewResult) -> [String] {
        result.touched.map { "\($0.node): \($0.reasons.joined(separator: "; "))" }
    }

    @Test func handlerFixIsResolvedWithImprovementWording() throws {
        let (sandbox, repository) = try Self.fixture()
        try sandbox.write(Self.flawedHandler, to: "repo/lambda/app.py")
        try sandbox.commitAll("flawed handler", in: repository)
        try sandbox.write(Self.cleanHandler, to: "repo/lambda/app.py")
        try sandbox.commitAll("fix handler", in: repository)
        let result = try Self.review(sandbox, repository, "HEAD~1..HEAD")
        #expect(result.comparison.introduced.isEmpty)
        #expect(result.comparison.resolved.map(\.improvement.plain) == [
            "The role of `aws_lambda_function.f` now allows `dynamodb:PutItem`, which its handler needs",
            "`lambda/app.py::handler` no longer swallows errors",
            "`lambda/app.py::handler` now reuses a module-level dynamodb client",
            "`lambda/app.py::handler` no longer logs the whole event",
            "`lambda/app.py::handler` no longer uses a bare `except:`",
            "The role of `aws_lambda_function.f` no longer allows actions its handler does not use",
            "`lambda/app.py::handler` now logs through `logging` instead of `print`",
        ])
    }

    @Test func renamedHandlerFileKeepsFindingIdentity() throws {
        let (sandbox, repository) = try Self.fixture()
        try sandbox.write(Self.flawedHandler, to: "repo/lambda/app.py")
        try sandbox.commitAll("flawed handler", in: repository)
        _ = try sandbox.git(["mv", "lambda/app.py", "lambda/orders.py"], in: repository)
        try sandbox.write(Self.main.replacingOccurrences(of: "\"app.handler\"", with: "\"orders.handler\""), to: "repo/infra/main.tf")
        try sandbox.write(Self.flawedHandler + "\n# moved\n", to: "repo/lambda/orders.py")
        try sandbox.commitAll("rename handler", in: repository)
        let result = try Self.review(sandbox, repository, "HEAD~1..HEAD")
        #expect(Self.describe(result.comparison.introduced) == [])
        #expect(Self.describe(result.comparison.resolved) == [])
        #expect(Self.touched(result).filter { $0.contains("::") } == ["lambda/orders.py::handler: its file lambda/orders.py changed at line 18"])
        #expect(result.comparison.persisting.map(\.identity.description).filter { $0.contains("::") } == [
            "lambda-handler-swallowed-exception@lambda/orders.py::handler#except",
            "lambda-handler-client-in-handler@lambda/orders.py::handler#client.dynamodb",
            "lambda-handler-event-logged@lambda/orders.py::handler#log.event",
            "lambda-handler-bare-except@lambda/orders.py::handler#except",
            "lambda-handler-print@lambda/orders.py::handler#print",
        ])
    }

    @Test func syntaxErrorIsAProblemAndTheRestIsStillReviewed() throws {
        let (sandbox, repository) = try Self.fixture()
        try sandbox.write(Self.flawedHandler, to: "repo/lambda/app.py")
        try sandbox.commitAll("flawed handler", in: repository)
        try sandbox.write(Self.flawedHandler.replacingOccurrences(of: "def handler(event, context):", with: "def handler(event, context)"), to: "repo/lambda/app.py")
        try sandbox.write(Self.main.replacingOccurrences(of: "retention_in_days = 30", with: "retention_in_days = 1"), to: "repo/infra/main.tf")
        try sandbox.commitAll("broken handler, short retention", in: repository)
        let result = try Self.review(sandbox, repository, "HEAD~1..HEAD")
        #expect(result.problems.map { "\($0.file):\($0.line)" } == ["lambda/app.py:10"])
        #expect(result.problems.first?.message.hasSuffix("The file's handler rules were not run.") == true)
        #expect(Self.describe(result.comparison.introduced) == [
            "high operational-excellence test-retention@infra:aws_cloudwatch_log_group.g#retention_in_days @infra/main.tf:32:23",
        ])
        // Neither the handler's findings nor the cross-checks of its function turn into "fixed".
        #expect(Self.describe(result.comparison.resolved) == [])
    }
}
