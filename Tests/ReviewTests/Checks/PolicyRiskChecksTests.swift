import Testing
@testable import Review

@Suite struct PolicyRiskChecksTests {
    @Test func riskyActionsMatchPatternsButLeaveServiceWildcardsToTheWildcardRule() {
        let text = """
            resource "aws_iam_policy" "p" {
              name = "p"
              policy = jsonencode({
                Statement = [
                  { Effect = "Allow", Action = ["iam:Put*Policy", "iam:PassRole"], Resource = "*" },
                  { Effect = "Allow", Action = "iam:*", Resource = "*" },
                  { Effect = "Deny", Action = "iam:PutRolePolicy", Resource = "*" },
                ]
              })
            }

            """
        #expect(BuiltinRuleHarness.run("iam-privilege-escalation", text) == [
            "main.tf:5:7 `aws_iam_policy.p` allows actions that let it escalate its own privileges on every resource (`\"*\"`): `iam:PutGroupPolicy`, `iam:PutRolePolicy`, `iam:PutUserPolicy`",
        ])
        #expect(BuiltinRuleHarness.run("iam-pass-role-wildcard", text) == [
            "main.tf:5:7 `aws_iam_policy.p` allows `iam:PassRole` on every role (`\"*\"`)",
        ])
        #expect(BuiltinRuleHarness.run("iam-credentials-exposure", text) == [])
    }

    @Test func publicPrincipalsOfEveryTypeAreNamedInTheMessage() {
        let text = """
            resource "aws_sns_topic" "t" {
              name = "t"
              policy = jsonencode({
                Statement = [{
                  Effect    = "Allow"
                  Principal = { AWS = ["arn:aws:iam::123456789012:root", "*"], Service = "*" }
                  Action    = "sns:Publish"
                  Resource  = "*"
                }]
              })
            }

            """
        let findings = BuiltinRuleHarness.findings("aws-sns-topic-policy-public", ["main.tf": text])
        #expect(BuiltinRuleHarness.summary(findings) == [
            "main.tf:4:18 `aws_sns_topic.t` lets any principal (`AWS: \"*\"`, `Service: \"*\"`) use the topic in statement `policy.Statement.0`",
        ])
    }

    @Test func aSharedTrustDocumentIsReportedOnEveryRoleThatUsesIt() {
        let text = """
            data "aws_iam_policy_document" "assume" {
              statement {
                actions = ["sts:AssumeRole"]
                principals {
                  type        = "AWS"
                  identifiers = ["123456789012"]
                }
              }
            }
            resource "aws_iam_role" "a" {
              name               = "a"
              assume_role_policy = data.aws_iam_policy_document.assume.json
            }
            resource "aws_iam_role" "b" {
              name               = "b"
              assume_role_policy = data.aws_iam_policy_document.assume.json
            }

            """
        #expect(BuiltinRuleHarness.run("iam-role-trust-whole-account", text) == [
            "main.tf:2:3 `aws_iam_role.a` can be assumed by every identity of the account `123456789012` in statement `assume_role_policy.Statement.0`",
            "main.tf:2:3 `aws_iam_role.b` can be assumed by every identity of the account `123456789012` in statement `assume_role_policy.Statement.0`",
        ])
        #expect(BuiltinRuleHarness.run("iam-role-trust-public", text) == [])
    }

    @Test func wholeAccountPrincipals() {
        #expect(TrustPolicyWholeAccountCheck.isWholeAccount("123456789012"))
        #expect(TrustPolicyWholeAccountCheck.isWholeAccount("arn:aws:iam::123456789012:root"))
        #expect(TrustPolicyWholeAccountCheck.isWholeAccount("arn:aws-us-gov:iam::123456789012:root"))
        #expect(!TrustPolicyWholeAccountCheck.isWholeAccount("arn:aws:iam::123456789012:role/ci"))
        #expect(!TrustPolicyWholeAccountCheck.isWholeAccount("12345678901"))
        #expect(!TrustPolicyWholeAccountCheck.isWholeAccount("arn:aws:iam::*:root"))
    }
}
