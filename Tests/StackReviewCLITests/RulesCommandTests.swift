import Foundation
import TestSupport
import Testing

/// `stackreview rules`, `rules parity`, `rules test`, `explain`, and the exit statuses of real reviews.
@Suite struct RulesCommandTests {
    @Test func listsEveryRuleWithItsIds() throws {
        let result = try StackReviewBinary.run(["rules"], in: "/")
        #expect(result.status == 0)
        let lines = result.output.split(separator: "\n")
        #expect(lines.first?.hasPrefix("id ") == true)
        #expect(lines.contains { $0.hasPrefix("aws-lambda-tracing ") && $0.hasSuffix("CKV_AWS_50, AVD-AWS-0066") })
        #expect(lines.last?.hasSuffix(" rules. `stackreview explain <id>` shows one rule's documentation and examples.") == true)
    }

    @Test func parityPrintsTheCommittedParityDocument() throws {
        let result = try StackReviewBinary.run(["rules", "parity"], in: "/")
        #expect(result.status == 0)
        let committed = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("rules/PARITY.md")
        #expect(result.output == (try String(contentsOf: committed, encoding: .utf8)))
        #expect(result.output.contains("| CKV_AWS_358 | `iam-github-oidc-trust` | – |\n"))
    }

    @Test func explainsByIdOrCheckovId() throws {
        let byID = try StackReviewBinary.run(["explain", "aws-lambda-tracing"], in: "/")
        #expect(byID.status == 0)
        #expect(byID.output.hasPrefix("aws-lambda-tracing: Lambda function has X-Ray tracing enabled\n\nSeverity:   medium\nSection:    5. Operational Excellence\n"))
        #expect(try StackReviewBinary.run(["explain", "CKV_AWS_50"], in: "/").output == byID.output)
        let unknown = try StackReviewBinary.run(["explain", "lambda-tracing"], in: "/")
        #expect(unknown.status == 2)
        #expect(unknown.errors == "stackreview: error: no rule 'lambda-tracing'. Did you mean: aws-lambda-tracing? `stackreview rules` lists them all.\n")
    }

    @Test func rulesTestRunsTheExamplesOfAFolder() throws {
        let sandbox = try GitSandbox()
        let rule = """
            id: team-bucket-prefix
            title: Buckets are named with the team prefix
            severity: low
            category: code-quality
            applies_to: [aws_s3_bucket]
            message: "`{address}` is not named with the team prefix"
            improvement: "Named `{address}` with the team prefix"
            remediation: Start the bucket name with `team-`.
            check: { attribute: bucket, operator: starting_with, value: team- }
            examples:
              fail: |
                resource "aws_s3_bucket" "b" {
                  bucket = ⚑"data"
                }
              pass: |
                resource "aws_s3_bucket" "b" {
                  bucket = "team-data"
                }

            """
        try sandbox.write(rule, to: "rules/bucket.yml")
        let good = try StackReviewBinary.run(["rules", "test", sandbox.path("rules")], in: sandbox.root)
        #expect(good.status == 0)
        #expect(good.output == "ok    team-bucket-prefix\n1 passed, 0 failed\n")
        try sandbox.write(rule.replacingOccurrences(of: "bucket = ⚑\"data\"", with: "⚑bucket = \"data\""), to: "rules/bucket.yml")
        let wrongMarker = try StackReviewBinary.run(["rules", "test", sandbox.path("rules")], in: sandbox.root)
        #expect(wrongMarker.status == 1)
        #expect(wrongMarker.output == "FAIL  \(sandbox.path("rules/bucket.yml")): team-bucket-prefix example fail #1: expected findings at [main.tf:2:3], found [main.tf:2:12]\n0 passed, 1 failed\n")
        try sandbox.write("id: [", to: "rules/bucket.yml")
        let invalid = try StackReviewBinary.run(["rules", "test", sandbox.path("rules")], in: sandbox.root)
        #expect(invalid.status == 2)
        #expect(invalid.errors.hasPrefix("stackreview: error: \(sandbox.path("rules/bucket.yml")):2:1: invalid YAML"))
    }

    @Test func hardeningExitsZeroAndRegressionExitsOne() throws {
        let sandbox = try GitSandbox()
        let demo = sandbox.path("demo")
        #expect(try StackReviewBinary.run(["demo", "--keep", demo], in: sandbox.root).status == 0)
        let hardening = try StackReviewBinary.run(["review", "HEAD~1"], in: demo)
        #expect(hardening.status == 0)
        #expect(hardening.output.contains("\n  ✓ Enabled X-Ray tracing on `aws_lambda_function.orders`  (infra/main.tf:34:1 at base)\n"))
        #expect(hardening.output.hasSuffix("\nNothing blocking at or above high.\n"))
        let regression = try StackReviewBinary.run(["review", "HEAD"], in: demo)
        #expect(regression.status == 1)
        #expect(regression.output.contains("\n  CRITICAL infra/reports.tf:7:12  `aws_s3_bucket_acl.reports` grants public access with the canned ACL \"public-read\"  [aws-s3-bucket-public-acl]\n"))
        #expect(regression.output.contains("\n  MEDIUM   infra/main.tf:104:1  `aws_lambda_function.orders` does not enable X-Ray tracing  [aws-lambda-tracing]\n"))
        let lenient = try StackReviewBinary.run(["review", "HEAD", "--fail-on", "never"], in: demo)
        #expect(lenient.status == 0)
        let strictJSON = try StackReviewBinary.run(["review", "HEAD", "--fail-on", "critical", "--format", "json"], in: demo)
        #expect(strictJSON.status == 1)
        #expect(strictJSON.output.contains("\"blocked\" : true,\n"))
    }
}
