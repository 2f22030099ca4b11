import Testing
@testable import Review

@Suite struct TerraformConventionChecksTests {
    @Test func deprecatedInterpolationCarriesTheReplacementAndIsReportedOncePerBlock() {
        let text = """
            variable "names" {
              type    = list(string)
              default = ["a", "b"]
            }
            resource "aws_sqs_queue" "q" {
              count = 2
              name  = "${var.names[count.index]}"
              tags  = merge({ Name = "${upper(var.names[0])}" }, {})
            }

            """
        let findings = BuiltinRuleHarness.findings("terraform-deprecated-interpolation", ["main.tf": text])
        #expect(BuiltinRuleHarness.summary(findings) == [
            "main.tf:7:11 `aws_sqs_queue.q[0]` wraps a single expression in `\"${...}\"` at `name`; write `var.names[count.index]`",
            "main.tf:8:26 `aws_sqs_queue.q[0]` wraps a single expression in `\"${...}\"` at `tags`; write `upper(var.names[0])`",
        ])
        #expect(findings.map { $0.message.arguments["replacement"] } == ["var.names[count.index]", "upper(var.names[0])"])
    }

    @Test func requiredProvidersAreCheckedPerEntryAndPerProvider() {
        let text = """
            terraform {
              required_providers {
                archive = { source = "hashicorp/archive" }
              }
            }
            provider "aws" {}
            provider "archive" {}

            """
        #expect(BuiltinRuleHarness.run("terraform-required-providers", text) == [
            "main.tf:3:15 The provider `archive` has no version constraint in `required_providers` (terraform)",
            "main.tf:6:1 The provider `aws` has no version constraint in `required_providers` (provider.aws)",
        ])
    }

    @Test func tagsComeFromTheProviderTheResourceUses() {
        let text = """
            provider "aws" {
              region = "us-east-1"
            }
            provider "aws" {
              alias  = "tagged"
              region = "eu-west-1"
              default_tags {
                tags = { Team = "payments" }
              }
            }
            resource "aws_sqs_queue" "plain" {
              name = "plain"
            }
            resource "aws_sqs_queue" "tagged" {
              provider = aws.tagged
              name     = "tagged"
            }
            variable "tags" {
              type = map(string)
            }
            resource "aws_sqs_queue" "unknown" {
              name = "unknown"
              tags = var.tags
            }
            resource "aws_lambda_permission" "not_taggable" {
              function_name = "f"
            }

            """
        #expect(BuiltinRuleHarness.run("terraform-resource-tags", text) == [
            "main.tf:11:1 `aws_sqs_queue.plain` has no tags, and its provider sets no `default_tags`",
        ])
    }

    @Test func namePrefixNeedsALocalThatNamesUse() {
        let unused = """
            locals {
              name_prefix = "orders"
              other       = "${local.name_prefix}-x"
            }
            resource "aws_sqs_queue" "a" {
              name = "a"
            }

            """
        #expect(BuiltinRuleHarness.run("terraform-resource-name-prefix", unused) == [])
        let used = """
            locals {
              resource_prefix = "orders"
            }
            resource "aws_s3_bucket" "b" {
              bucket = "${local.resource_prefix}-data"
            }
            resource "aws_dynamodb_table" "t" {
              name     = "orders"
              hash_key = "id"
            }
            resource "aws_sqs_queue" "computed" {
              name = lower("Q")
            }

            """
        #expect(BuiltinRuleHarness.run("terraform-resource-name-prefix", used) == [
            "main.tf:8:14 `aws_dynamodb_table.t` hard-codes its `name` as \"orders\" while other resources build theirs from `local.resource_prefix`",
        ])
    }

    @Test func variableDefaultSecretsNeverShowTheValue() {
        let text = """
            variable "api_key" {
              type    = string
              default = "AKIAABCDEFGHIJKLMNOP"
            }

            """
        let findings = BuiltinRuleHarness.findings("terraform-variable-default-secret", ["main.tf": text])
        #expect(BuiltinRuleHarness.summary(findings) == [
            "main.tf:3:13 `var.api_key` has an AWS access key id as its default: the secret is committed to the repository",
        ])
        #expect(findings.allSatisfy { !$0.message.plain.contains("AKIA") && !$0.message.arguments.values.contains { $0.contains("AKIA") } })
    }
}
