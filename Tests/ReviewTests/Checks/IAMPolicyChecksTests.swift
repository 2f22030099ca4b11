import Testing
@testable import Review

@Suite struct IAMPolicyChecksTests {
    static let dataDocument = """
        data "aws_iam_policy_document" "lambda" {
          statement {
            sid       = "Write"
            actions   = ["dynamodb:PutItem", "dynamodb:GetItem"]
            resources = ["*"]
          }
        }
        resource "aws_iam_role_policy" "lambda" {
          name   = "lambda"
          role   = "r"
          policy = data.aws_iam_policy_document.lambda.json
        }

        """

    @Test func aStatementIsReportedOnlyWhereItIsWritten() {
        let findings = BuiltinRuleHarness.findings("iam-wildcard-resource-write", ["main.tf": Self.dataDocument])
        #expect(BuiltinRuleHarness.summary(findings) == [
            "main.tf:2:3 `data.aws_iam_policy_document.lambda` allows 1 write or permission-management action(s) on every resource (`\"*\"`): `dynamodb:PutItem`",
        ])
        #expect(findings.map(\.attributePath) == ["statement.Write"])
    }

    @Test func statementsWithoutSidAreNamedByIndex() {
        let text = """
            resource "aws_iam_policy" "p" {
              name = "p"
              policy = jsonencode({
                Statement = [
                  { Effect = "Allow", Action = "s3:GetObject", Resource = "*" },
                  { Effect = "Allow", Action = ["s3:*", "sqs:*"], Resource = "arn:aws:s3:::b/*" },
                ]
              })
            }

            """
        let findings = BuiltinRuleHarness.findings("iam-wildcard-actions", ["main.tf": text])
        #expect(BuiltinRuleHarness.summary(findings) == [
            "main.tf:6:7 `aws_iam_policy.p` allows every action of a service with `s3:*`, `sqs:*` in statement `policy.Statement.1`",
        ])
    }

    @Test func administratorAccessIsOneFindingNotThree() {
        let text = """
            resource "aws_iam_policy" "p" {
              name   = "p"
              policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "*:*", Resource = "*" }] })
            }

            """
        let files = ["main.tf": text]
        #expect(BuiltinRuleHarness.summary(BuiltinRuleHarness.findings("iam-administrator-access", files)) == [
            "main.tf:3:38 `aws_iam_policy.p` allows every action (`\"*\"`) on every resource (`\"*\"`) in statement `policy.Statement.0`",
        ])
        #expect(BuiltinRuleHarness.findings("iam-wildcard-actions", files).isEmpty)
        #expect(BuiltinRuleHarness.findings("iam-wildcard-resource-write", files).isEmpty)
    }

    @Test func trustPoliciesAndUnknownDocumentsAreNotJudged() {
        let text = """
            variable "policy" {
              type = string
            }
            resource "aws_iam_role" "r" {
              name               = "r"
              assume_role_policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "*", Principal = { Service = "lambda.amazonaws.com" } }] })
            }
            resource "aws_iam_policy" "p" {
              name   = "p"
              policy = var.policy
            }

            """
        for id in ["iam-administrator-access", "iam-wildcard-actions", "iam-wildcard-resource-write"] {
            #expect(BuiltinRuleHarness.findings(id, ["main.tf": text]).isEmpty, "\(id)")
        }
    }
}

extension IAMPolicyChecksTests {
    @Test func keyPolicyDocumentsAreNotJudgedAsIdentityPolicies() {
        let text = """
            data "aws_iam_policy_document" "key" {
              statement {
                actions   = ["kms:*"]
                resources = ["*"]
                principals {
                  type        = "AWS"
                  identifiers = ["arn:aws:iam::123456789012:root"]
                }
              }
              statement {
                actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
                resources = ["*"]
                principals {
                  type        = "Service"
                  identifiers = ["logs.amazonaws.com"]
                }
              }
            }

            """
        for id in ["iam-wildcard-actions", "iam-wildcard-resource-write", "iam-data-exfiltration", "iam-permissions-management"] {
            #expect(BuiltinRuleHarness.findings(id, ["main.tf": text]).isEmpty, "\(id)")
        }
    }
}
