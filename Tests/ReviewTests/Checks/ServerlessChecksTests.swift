import Testing
@testable import Review

@Suite struct ServerlessChecksTests {
    @Test func retentionMinimumFollowsTheConfiguration() {
        let text = """
            resource "aws_cloudwatch_log_group" "short" {
              name              = "a"
              retention_in_days = 14
            }
            resource "aws_cloudwatch_log_group" "month" {
              name              = "b"
              retention_in_days = "30"
            }
            resource "aws_cloudwatch_log_group" "forever" {
              name              = "c"
              retention_in_days = 0
            }

            """
        #expect(BuiltinRuleHarness.run("aws-cloudwatch-log-group-retention-minimum", text) == [
            "main.tf:3:23 `aws_cloudwatch_log_group.short` keeps logs for 14 days, less than the 365 days required",
            "main.tf:7:23 `aws_cloudwatch_log_group.month` keeps logs for \"30\" days, less than the 365 days required",
        ])
        var configuration = Configuration()
        configuration.minimumLogRetentionDays = 30
        #expect(BuiltinRuleHarness.run("aws-cloudwatch-log-group-retention-minimum", text, configuration: configuration) == [
            "main.tf:3:23 `aws_cloudwatch_log_group.short` keeps logs for 14 days, less than the 30 days required",
        ])
    }

    @Test func environmentSecretsReportNameAndShapeOnly() {
        let text = """
            resource "aws_lambda_function" "f" {
              function_name = "f"
              environment {
                variables = {
                  "STRIPE_KEY" = "sk_live_abcdefghijklmnopqrst"
                  db_password  = "pa55word"
                  EMPTY_SECRET = ""
                }
              }
            }

            """
        let findings = BuiltinRuleHarness.findings("aws-lambda-environment-secrets", ["main.tf": text])
        #expect(BuiltinRuleHarness.summary(findings) == [
            "main.tf:5:22 `aws_lambda_function.f` hard-codes a Stripe secret key in the environment variable `STRIPE_KEY`",
            "main.tf:6:22 `aws_lambda_function.f` hard-codes a 8-character literal in the environment variable `db_password`",
        ])
        #expect(findings.map(\.attributePath) == ["environment.variables.STRIPE_KEY", "environment.variables.db_password"])
    }

    @Test func environmentSecretsAreFoundInsideMerge() {
        let text = """
            locals {
              common = { STAGE = "prod" }
            }
            resource "aws_lambda_function" "f" {
              function_name = "f"
              environment {
                variables = merge(local.common, { API_SECRET = "0123456789abcdef" })
              }
            }

            """
        #expect(BuiltinRuleHarness.run("aws-lambda-environment-secrets", text) == [
            "main.tf:7:52 `aws_lambda_function.f` hard-codes a 16-character literal in the environment variable `API_SECRET`",
        ])
    }

    @Test func singleStageCountsStageInstances() {
        let text = """
            resource "aws_api_gateway_rest_api" "one" {
              name = "one"
            }
            resource "aws_api_gateway_stage" "one" {
              rest_api_id   = aws_api_gateway_rest_api.one.id
              stage_name    = "prod"
              deployment_id = "d"
            }
            resource "aws_api_gateway_rest_api" "counted" {
              name = "counted"
            }
            resource "aws_api_gateway_stage" "counted" {
              count         = 2
              rest_api_id   = aws_api_gateway_rest_api.counted.id
              stage_name    = "s${count.index}"
              deployment_id = "d"
            }
            resource "aws_api_gateway_rest_api" "none" {
              name = "none"
            }

            """
        #expect(BuiltinRuleHarness.run("aws-api-gateway-single-stage", text) == [
            "main.tf:1:1 `aws_api_gateway_rest_api.one` is deployed to a single stage (`prod`): every change reaches callers directly",
        ])
    }

    /// A function and a permission that refers to it.
    static let functionAndPermission = """
        resource "aws_lambda_function" "f" {
          function_name = "f"
        }
        resource "aws_lambda_permission" "p" {
          function_name = aws_lambda_function.f.function_name
          principal     = "apigateway.amazonaws.com"
        }

        """

    @Test func anOutputThroughAnotherResourceDoesNotExposeAFunction() {
        let text = Self.functionAndPermission + """
            output "permission" {
              value = aws_lambda_permission.p.id
            }

            """
        #expect(BuiltinRuleHarness.run("terraform-critical-resource-output", text) == [
            "main.tf:1:1 No output exposes `aws_lambda_function.f`: tests and other stacks must hard-code its name",
        ])
    }

    @Test func anOutputThroughLocalsExposesAFunctionThoughAShorterPathRunsThroughAResource() {
        // The output reaches the function in two steps through the permission and in three
        // through the locals: the longer path is the one that exposes it.
        let text = Self.functionAndPermission + """
            locals {
              name  = aws_lambda_function.f.function_name
              label = local.name
            }
            output "both" {
              value = [aws_lambda_permission.p.id, local.label]
            }

            """
        #expect(BuiltinRuleHarness.run("terraform-critical-resource-output", text) == [])
    }

    @Test func logGroupCheckIsSilentWhenNamesAreUnknown() {
        let unknownFunction = """
            variable "name" {
              type = string
            }
            resource "aws_lambda_function" "f" {
              function_name = var.name
            }

            """
        #expect(BuiltinRuleHarness.run("aws-lambda-log-group", unknownFunction) == [])
        let customGroup = """
            resource "aws_lambda_function" "f" {
              function_name = "f"
              logging_config {
                log_format = "JSON"
                log_group  = "/shared/functions"
              }
            }

            """
        #expect(BuiltinRuleHarness.run("aws-lambda-log-group", customGroup) == [])
        let missing = """
            resource "aws_lambda_function" "f" {
              function_name = "orders"
            }

            """
        #expect(BuiltinRuleHarness.run("aws-lambda-log-group", missing) == [
            "main.tf:1:1 `aws_lambda_function.f` has no `aws_cloudwatch_log_group` named `/aws/lambda/orders`: Lambda creates one with no retention or encryption",
        ])
    }

    @Test func dynamoDBAutoScalingNeedsATargetWithAPolicy() {
        let text = """
            variable "billing" {
              type = string
            }
            resource "aws_dynamodb_table" "on_demand" {
              name         = "a"
              billing_mode = "PAY_PER_REQUEST"
            }
            resource "aws_dynamodb_table" "unknown" {
              name         = "b"
              billing_mode = var.billing
            }
            resource "aws_dynamodb_table" "scaled" {
              name         = "c"
              billing_mode = "PROVISIONED"
            }
            resource "aws_dynamodb_table" "target_only" {
              name = "d"
            }
            resource "aws_appautoscaling_target" "scaled" {
              service_namespace = "dynamodb"
              resource_id       = "table/${aws_dynamodb_table.scaled.name}"
            }
            resource "aws_appautoscaling_policy" "scaled" {
              name        = "scaled"
              resource_id = aws_appautoscaling_target.scaled.resource_id
            }
            resource "aws_appautoscaling_target" "target_only" {
              service_namespace = "dynamodb"
              resource_id       = "table/${aws_dynamodb_table.target_only.name}"
            }

            """
        #expect(BuiltinRuleHarness.run("aws-dynamodb-autoscaling", text) == [
            "main.tf:16:1 `aws_dynamodb_table.target_only` uses provisioned capacity without auto scaling",
        ])
    }
}
