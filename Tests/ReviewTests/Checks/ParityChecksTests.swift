import LinearRegex
import Testing
@testable import Review

/// The coded checks added for checkov and tflint parity: the logic beyond their rule examples.
@Suite struct ParityChecksTests {
    @Test(arguments: [
        ("*", true), ("repo", true), ("repo:*", true), ("repo:octo-org", true), ("repo:octo-org/", true),
        ("repo:*/orders:ref:refs/heads/main", true), ("environment:production", true), ("ref:refs/heads/main", true),
        ("workflow:deploy", true), ("repo:octo-org/orders:*", false), ("repo:octo-org/orders:environment:prod", false),
    ])
    func githubSubjectClaims(value: String, unsafe: Bool) {
        #expect(GitHubOIDCTrustCheck.isUnsafe(value) == unsafe)
    }

    @Test func githubTrustIsFoundByItsConditionWhenTheProviderIsAReference() {
        let text = """
            resource "aws_iam_openid_connect_provider" "github" {
              url = "https://token.actions.githubusercontent.com"
            }
            data "aws_iam_policy_document" "deploy" {
              statement {
                actions = ["sts:AssumeRoleWithWebIdentity"]
                principals {
                  type        = "Federated"
                  identifiers = [aws_iam_openid_connect_provider.github.arn]
                }
                condition {
                  test     = "StringLike"
                  variable = "token.actions.githubusercontent.com:sub"
                  values   = ["repo:octo-org/*"]
                }
              }
            }

            """
        #expect(BuiltinRuleHarness.run("iam-github-oidc-trust", text) == [])
        let open = text.replacingOccurrences(of: "repo:octo-org/*", with: "repo:octo-org")
        #expect(BuiltinRuleHarness.run("iam-github-oidc-trust", open) == [
            "main.tf:5:3 `data.aws_iam_policy_document.deploy` trusts GitHub Actions' OIDC provider in statement `statement.0` with the unsafe `sub` condition `repo:octo-org`: workflows of other repositories can assume the role",
        ])
        let unknown = text.replacingOccurrences(of: "[\"repo:octo-org/*\"]", with: "[var.subject]")
            .replacingOccurrences(of: "resource \"aws_iam", with: "variable \"subject\" {\n  type = string\n}\nresource \"aws_iam")
        #expect(BuiltinRuleHarness.run("iam-github-oidc-trust", unknown) == [], "an unknown `sub` value is not judged")
    }

    @Test(arguments: [
        ("terraform-aws-modules/lambda/aws", true), ("app.terraform.io/octo-org/queue/aws", true),
        ("terraform-aws-modules/lambda/aws//modules/alias", true), ("./modules/queue", false), ("../queue", false),
        ("github.com/octo-org/queue", false), ("git::https://example.com/queue.git", false),
        ("s3::https://s3.amazonaws.com/bucket/queue.zip", false), ("https://example.com/queue.zip", false),
        ("octo-org/queue", false),
    ])
    func registryAddresses(address: String, registry: Bool) {
        #expect(ModuleSourceCheck.isRegistry(address) == registry)
    }

    @Test func pinnedSourcesReadTheirRevision() {
        #expect(ModuleSourceCheck.revisionKey(of: "hg::https://example.com/queue") == "rev")
        #expect(ModuleSourceCheck.revisionKey(of: "git@github.com:octo-org/queue.git") == "ref")
        #expect(ModuleSourceCheck.revisionKey(of: "terraform-aws-modules/lambda/aws") == nil)
        #expect(ModuleSourceCheck.queryValue("ref", in: "git::https://x/q.git?depth=1&ref=v1.2.0") == "v1.2.0")
        #expect(ModuleSourceCheck.queryValue("ref", in: "git::https://x/q.git?ref=") == "")
        #expect(ModuleSourceCheck.queryValue("ref", in: "git::https://x/q.git") == nil)
        let text = """
            module "a" {
              source = "git::https://github.com/octo-org/m.git?ref=master"
            }
            module "b" {
              source = "hg::https://example.com/m?rev=a1b2c3"
            }
            module "c" {
              source = "git@github.com:octo-org/m.git?ref="
            }

            """
        #expect(BuiltinRuleHarness.run("terraform-module-pinned-source", text) == [
            "main.tf:2:12 `module.a` takes its source from Git with the default branch `master`: every `terraform init` may fetch different code",
            "main.tf:8:12 `module.c` takes its source from Git with an empty `ref`: every `terraform init` may fetch different code",
        ])
    }

    @Test(arguments: [
        ("us-east-1", true), ("eu-central-2", true), ("us-gov-west-1", true), ("ap-southeast-4", true),
        ("us-east", false), ("east-us-1", false), ("us-east-1a", false), ("orders-east-1", false),
    ])
    func regions(text: String, region: Bool) {
        #expect(HardcodedRegionAccountCheck.isRegion(text) == region)
    }

    @Test func accountIDs() {
        #expect(HardcodedRegionAccountCheck.accountID(in: "123456789012") == "123456789012")
        #expect(HardcodedRegionAccountCheck.accountID(in: "arn:aws:sqs:us-east-1:123456789012:orders") == "123456789012")
        #expect(HardcodedRegionAccountCheck.accountID(in: "arn:aws:iam::aws:policy/ReadOnlyAccess") == nil)
        #expect(HardcodedRegionAccountCheck.accountID(in: "arn:aws:s3:::orders-123456789012") == nil)
        #expect(HardcodedRegionAccountCheck.accountID(in: "1234567890123") == nil)
    }

    @Test func namingConventions() throws {
        #expect(NamingConvention.snakeCase.matches("orders_table_2"))
        #expect(!NamingConvention.snakeCase.matches("Orders"))
        #expect(!NamingConvention.snakeCase.matches("orders__table"))
        #expect(!NamingConvention.snakeCase.matches("_orders"))
        #expect(NamingConvention.mixedSnakeCase.matches("Orders_Table"))
        #expect(!NamingConvention.mixedSnakeCase.matches("orders-table"))
        let custom = NamingConvention.custom(try SafeRegex("[a-z]+"))
        #expect(custom.matches("orders"))
        #expect(!custom.matches("orders1"), "a custom pattern must match the whole name")
        let configuration = try Configuration.load(yaml: "naming:\n  format: mixed_snake_case\n", file: "c.yml")
        #expect(configuration.naming == .mixedSnakeCase)
        #expect(BuiltinRuleHarness.run("terraform-naming-convention", "resource \"aws_sqs_queue\" \"Orders\" {\n  name = \"o\"\n}\n", configuration: configuration) == [])
        #expect(throws: RuleLoadError.self) { try Configuration.load(yaml: "naming:\n  format: camelCase\n", file: "c.yml") }
        #expect(throws: RuleLoadError.self) { try Configuration.load(yaml: "naming:\n  custom: \"(\"\n", file: "c.yml") }
    }

    @Test func providersAreUsedThroughMetaArgumentsAndModuleCalls() {
        let text = """
            terraform {
              required_providers {
                aws     = { source = "hashicorp/aws", version = "~> 5.0" }
                awsutil = { source = "octo-org/awsutil", version = "~> 1.0" }
                archive = { source = "hashicorp/archive", version = "~> 2.4" }
                tls     = { source = "hashicorp/tls", version = "~> 4.0" }
              }
            }
            resource "aws_sqs_queue" "q" {
              provider = awsutil.west
              name     = "q"
            }
            module "child" {
              source    = "./child"
              providers = { aws = aws }
            }
            data "archive_file" "code" {
              type        = "zip"
              source_dir  = "src"
              output_path = "code.zip"
            }

            """
        #expect(BuiltinRuleHarness.run("terraform-unused-required-provider", text) == [
            "main.tf:6:15 `required_providers` lists `tls`, but nothing in the module uses it",
        ])
    }

    @Test func commentsBelongToTheBlockTheyPrecede() {
        let text = """
            // top of the file
            resource "aws_sqs_queue" "a" {
              name = "a"
            }
            locals {
              // inside locals
              x = 1
            }
            resource "aws_sqs_queue" "b" {
              name = "b" // trailing
            }
            // end of the file

            """
        let findings = BuiltinRuleHarness.findings("terraform-comment-syntax", ["main.tf": text])
        #expect(findings.map { "\($0.subject) \($0.span.start.line):\($0.span.start.column)" } == [
            "aws_sqs_queue.a 1:1", "aws_sqs_queue.b 6:3", "aws_sqs_queue.b 10:14", "aws_sqs_queue.b 12:1",
        ])
        #expect(findings.map { $0.fix?.replacement } == ["# top of the file", "# inside locals", "# trailing", "# end of the file"])
        #expect(findings.map(\.attributePath) == ["comment:top of the file", "comment:inside locals", "comment:trailing", "comment:end of the file"])
    }

    @Test func unusedDeclarationsCountReferencesFromOtherBlocksOnly() {
        let text = """
            variable "used_in_local" {
              type = string
            }
            locals {
              name = var.used_in_local
            }
            data "aws_iam_policy_document" "self_only" {
              statement {
                actions   = ["sqs:SendMessage"]
                resources = ["*"]
              }
            }
            resource "aws_sqs_queue" "q" {
              name = local.name
            }

            """
        #expect(BuiltinRuleHarness.run("terraform-unused-declaration", text) == [
            "main.tf:7:1 Nothing in the module refers to `data.aws_iam_policy_document.self_only`",
        ])
    }

    @Test func optionsMethodReadsTheSeparatePolicyResource() {
        let text = """
            resource "aws_api_gateway_rest_api" "orders" {
              name = "orders"
            }
            data "aws_iam_policy_document" "open" {
              statement {
                actions   = ["execute-api:Invoke"]
                resources = ["*"]
                principals {
                  type        = "*"
                  identifiers = ["*"]
                }
              }
            }
            resource "aws_api_gateway_rest_api_policy" "orders" {
              rest_api_id = aws_api_gateway_rest_api.orders.id
              policy      = data.aws_iam_policy_document.open.json
            }
            resource "aws_api_gateway_method" "preflight" {
              rest_api_id   = aws_api_gateway_rest_api.orders.id
              resource_id   = "r1"
              http_method   = "OPTIONS"
              authorization = "NONE"
            }

            """
        #expect(BuiltinRuleHarness.run("aws-api-gateway-options-method-public", text) == [
            "main.tf:22:19 `aws_api_gateway_method.preflight` is an `OPTIONS` method without authorization or API key on `aws_api_gateway_rest_api.orders`, whose resource policy lets anyone invoke it",
        ])
    }

    @Test func moduleLevelFindingsLandOnTheFirstBlockOfEachModule() {
        let files = [
            "b.tf": "resource \"aws_sqs_queue\" \"b\" {\n  name = \"b\"\n}\n",
            "a.tf": "variable \"name\" {\n  type = string\n}\n",
        ]
        #expect(BuiltinRuleHarness.summary(BuiltinRuleHarness.findings("terraform-required-version", files)) == [
            "a.tf:1:1 The module in `.` sets no `required_version` in a `terraform` block: any Terraform release may run it",
        ])
        #expect(BuiltinRuleHarness.summary(BuiltinRuleHarness.findings("terraform-standard-module-structure", files)) == [
            "a.tf:1:1 `var.name` is declared in `a.tf`, not `variables.tf`",
            "a.tf:1:1 `var.name` is the first block of a module without `main.tf`, `variables.tf`, `outputs.tf` (the standard layout has `main.tf`, `variables.tf` and `outputs.tf`)",
        ])
    }
}
