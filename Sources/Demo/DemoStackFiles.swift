// The file contents of the demo stack, one literal per file version.
import Foundation

// Raw string literals (#"""…"""#) keep Terraform's `${…}` and Python's escapes as written.

extension DemoStack {
    // MARK: - Commit 1: the flawed first version

    static let flawedProviders = #"""
    terraform {
      required_providers {
        aws = {
          source = "hashicorp/aws"
        }
      }
    }

    provider "aws" {
      region = "us-east-1"
    }

    """#

    static let flawedVariables = #"""
    variable "environment" {
      default = "dev"
    }

    variable "payment_api_key" {
      type    = string
      default = "pk_live_7Qx9RfT2mWc4Lp8ZsVb1"
    }

    """#

    static let flawedMain = #"""
    resource "aws_iam_role" "lambda" {
      name = "orders-lambda-role"

      assume_role_policy = jsonencode({
        Version = "2012-10-17"
        Statement = [{
          Effect    = "Allow"
          Principal = { Service = "lambda.amazonaws.com" }
          Action    = "sts:AssumeRole"
        }]
      })
    }

    resource "aws_iam_role_policy" "lambda" {
      name = "orders-lambda-policy"
      role = aws_iam_role.lambda.id

      policy = jsonencode({
        Version = "2012-10-17"
        Statement = [{
          Effect   = "Allow"
          Action   = "*"
          Resource = "*"
        }]
      })
    }

    data "archive_file" "handler" {
      type        = "zip"
      source_dir  = "${path.module}/../lambda"
      output_path = "${path.module}/build/handler.zip"
    }

    resource "aws_lambda_function" "orders" {
      function_name    = "orders-${var.environment}"
      role             = aws_iam_role.lambda.arn
      handler          = "handler.lambda_handler"
      runtime          = "python3.8"
      filename         = data.archive_file.handler.output_path
      source_code_hash = data.archive_file.handler.output_base64sha256

      environment {
        variables = {
          TABLE_NAME      = aws_dynamodb_table.orders.name
          PAYMENT_API_KEY = var.payment_api_key
        }
      }
    }

    resource "aws_dynamodb_table" "orders" {
      name         = "orders-${var.environment}"
      billing_mode = "PAY_PER_REQUEST"
      hash_key     = "order_id"

      attribute {
        name = "order_id"
        type = "S"
      }
    }

    resource "aws_api_gateway_rest_api" "orders" {
      name = "orders-api"
    }

    resource "aws_api_gateway_resource" "orders" {
      rest_api_id = aws_api_gateway_rest_api.orders.id
      parent_id   = aws_api_gateway_rest_api.orders.root_resource_id
      path_part   = "orders"
    }

    resource "aws_api_gateway_method" "post_order" {
      rest_api_id   = aws_api_gateway_rest_api.orders.id
      resource_id   = aws_api_gateway_resource.orders.id
      http_method   = "POST"
      authorization = "NONE"
    }

    resource "aws_api_gateway_integration" "post_order" {
      rest_api_id             = aws_api_gateway_rest_api.orders.id
      resource_id             = aws_api_gateway_resource.orders.id
      http_method             = aws_api_gateway_method.post_order.http_method
      integration_http_method = "POST"
      type                    = "AWS_PROXY"
      uri                     = aws_lambda_function.orders.invoke_arn
    }

    resource "aws_api_gateway_deployment" "orders" {
      rest_api_id = aws_api_gateway_rest_api.orders.id
      depends_on  = [aws_api_gateway_integration.post_order]
    }

    resource "aws_api_gateway_stage" "dev" {
      rest_api_id   = aws_api_gateway_rest_api.orders.id
      deployment_id = aws_api_gateway_deployment.orders.id
      stage_name    = "dev"
    }

    resource "aws_lambda_permission" "api" {
      statement_id  = "AllowApiGatewayInvoke"
      action        = "lambda:InvokeFunction"
      function_name = aws_lambda_function.orders.function_name
      principal     = "apigateway.amazonaws.com"
    }

    """#

    static let flawedHandler = #"""
    import json
    import os

    import boto3


    def lambda_handler(event, context):
        dynamodb = boto3.resource("dynamodb")
        table = dynamodb.Table(os.environ["TABLE_NAME"])
        print("received", event)
        try:
            order = json.loads(event["body"])
            table.put_item(Item=order)
        except:
            pass
        return {"statusCode": 200, "body": json.dumps({"ok": True})}

    """#

    static let flawedTests = #"""
    import json

    from lambda_handler_loader import load_handler


    def test_returns_200():
        handler = load_handler()
        response = handler({"body": json.dumps({"order_id": "1"})}, None)
        assert response["statusCode"] == 200


    def test_body_is_json():
        handler = load_handler()
        response = handler({"body": "{}"}, None)
        assert json.loads(response["body"]) == {"ok": True}


    def test_handler_exists():
        assert load_handler() is not None

    """#

    // MARK: - Commit 2: hardened

    static let hardenedProviders = #"""
    terraform {
      required_version = ">= 1.6.0"

      required_providers {
        aws = {
          source  = "hashicorp/aws"
          version = "~> 5.40"
        }
        archive = {
          source  = "hashicorp/archive"
          version = "~> 2.4"
        }
      }
    }

    provider "aws" {
      region = var.region

      default_tags {
        tags = local.common_tags
      }
    }

    """#

    static let hardenedVariables = #"""
    variable "region" {
      description = "AWS region the orders stack is deployed to."
      type        = string
      default     = "us-east-1"
    }

    variable "environment" {
      description = "Deployment environment, used in every resource name."
      type        = string
      default     = "dev"
    }

    variable "log_retention_days" {
      description = "How long CloudWatch keeps the function and API logs."
      type        = number
      default     = 365
    }

    locals {
      name_prefix = "orders-${var.environment}"

      common_tags = {
        Service     = "orders"
        Environment = var.environment
        ManagedBy   = "terraform"
      }
    }

    """#

    static let hardenedMain = #"""
    data "aws_caller_identity" "current" {}

    resource "aws_kms_key" "main" {
      description         = "Encrypts the orders function environment and logs"
      enable_key_rotation = true
      policy              = data.aws_iam_policy_document.kms.json
    }

    data "aws_iam_policy_document" "kms" {
      statement {
        sid       = "AccountAdministration"
        actions   = ["kms:*"]
        resources = ["*"]

        principals {
          type        = "AWS"
          identifiers = ["arn:aws:iam::${data.aws_caller_identity.current.account_id}:root"]
        }
      }

      statement {
        sid       = "CloudWatchLogs"
        actions   = ["kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey*"]
        resources = ["*"]

        principals {
          type        = "Service"
          identifiers = ["logs.${var.region}.amazonaws.com"]
        }
      }
    }

    resource "aws_secretsmanager_secret" "payment_api_key" {
      name       = "${local.name_prefix}/payment-api-key"
      kms_key_id = aws_kms_key.main.arn
    }

    resource "aws_iam_role" "lambda" {
      name = "${local.name_prefix}-lambda"

      assume_role_policy = jsonencode({
        Version = "2012-10-17"
        Statement = [{
          Effect    = "Allow"
          Principal = { Service = "lambda.amazonaws.com" }
          Action    = "sts:AssumeRole"
        }]
      })
    }

    resource "aws_iam_role_policy" "lambda" {
      name = "${local.name_prefix}-lambda"
      role = aws_iam_role.lambda.id

      policy = jsonencode({
        Version = "2012-10-17"
        Statement = [
          {
            Effect   = "Allow"
            Action   = ["dynamodb:PutItem", "dynamodb:GetItem"]
            Resource = aws_dynamodb_table.orders.arn
          },
          {
            Effect   = "Allow"
            Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
            Resource = "${aws_cloudwatch_log_group.lambda.arn}:*"
          },
          {
            Effect   = "Allow"
            Action   = ["secretsmanager:GetSecretValue"]
            Resource = aws_secretsmanager_secret.payment_api_key.arn
          },
          {
            Effect   = "Allow"
            Action   = ["kms:Decrypt"]
            Resource = aws_kms_key.main.arn
          },
          {
            Effect   = "Allow"
            Action   = ["xray:PutTraceSegments", "xray:PutTelemetryRecords"]
            Resource = "*"
          },
        ]
      })
    }

    data "archive_file" "handler" {
      type        = "zip"
      source_dir  = "${path.module}/../lambda"
      output_path = "${path.module}/build/handler.zip"
    }

    resource "aws_cloudwatch_log_group" "lambda" {
      name              = "/aws/lambda/${local.name_prefix}"
      retention_in_days = var.log_retention_days
      kms_key_id        = aws_kms_key.main.arn
    }

    resource "aws_lambda_function" "orders" {
      function_name    = local.name_prefix
      role             = aws_iam_role.lambda.arn
      handler          = "handler.lambda_handler"
      runtime          = "python3.12"
      filename         = data.archive_file.handler.output_path
      source_code_hash = data.archive_file.handler.output_base64sha256
      kms_key_arn      = aws_kms_key.main.arn

      reserved_concurrent_executions = 50

      tracing_config {
        mode = "Active"
      }

      environment {
        variables = {
          TABLE_NAME         = aws_dynamodb_table.orders.name
          PAYMENT_SECRET_ARN = aws_secretsmanager_secret.payment_api_key.arn
        }
      }

      depends_on = [aws_cloudwatch_log_group.lambda]
    }

    resource "aws_dynamodb_table" "orders" {
      name         = local.name_prefix
      billing_mode = "PAY_PER_REQUEST"
      hash_key     = "order_id"

      attribute {
        name = "order_id"
        type = "S"
      }

      point_in_time_recovery {
        enabled = true
      }

      server_side_encryption {
        enabled     = true
        kms_key_arn = aws_kms_key.main.arn
      }
    }

    resource "aws_api_gateway_rest_api" "orders" {
      name = "${local.name_prefix}-api"

      lifecycle {
        create_before_destroy = true
      }
    }

    resource "aws_api_gateway_resource" "orders" {
      rest_api_id = aws_api_gateway_rest_api.orders.id
      parent_id   = aws_api_gateway_rest_api.orders.root_resource_id
      path_part   = "orders"
    }

    resource "aws_api_gateway_method" "post_order" {
      rest_api_id   = aws_api_gateway_rest_api.orders.id
      resource_id   = aws_api_gateway_resource.orders.id
      http_method   = "POST"
      authorization = "AWS_IAM"
    }

    resource "aws_api_gateway_integration" "post_order" {
      rest_api_id             = aws_api_gateway_rest_api.orders.id
      resource_id             = aws_api_gateway_resource.orders.id
      http_method             = aws_api_gateway_method.post_order.http_method
      integration_http_method = "POST"
      type                    = "AWS_PROXY"
      uri                     = aws_lambda_function.orders.invoke_arn
    }

    resource "aws_api_gateway_deployment" "orders" {
      rest_api_id = aws_api_gateway_rest_api.orders.id

      triggers = {
        redeployment = sha1(jsonencode([
          aws_api_gateway_resource.orders.id,
          aws_api_gateway_method.post_order.id,
          aws_api_gateway_integration.post_order.id,
        ]))
      }

      lifecycle {
        create_before_destroy = true
      }
    }

    resource "aws_cloudwatch_log_group" "api" {
      name              = "/aws/apigateway/${local.name_prefix}"
      retention_in_days = var.log_retention_days
      kms_key_id        = aws_kms_key.main.arn
    }

    resource "aws_api_gateway_stage" "dev" {
      rest_api_id          = aws_api_gateway_rest_api.orders.id
      deployment_id        = aws_api_gateway_deployment.orders.id
      stage_name           = "dev"
      xray_tracing_enabled = true

      access_log_settings {
        destination_arn = aws_cloudwatch_log_group.api.arn
        format = jsonencode({
          requestId = "$context.requestId"
          status    = "$context.status"
          latency   = "$context.responseLatency"
        })
      }
    }

    resource "aws_api_gateway_stage" "staging" {
      rest_api_id          = aws_api_gateway_rest_api.orders.id
      deployment_id        = aws_api_gateway_deployment.orders.id
      stage_name           = "staging"
      xray_tracing_enabled = true

      access_log_settings {
        destination_arn = aws_cloudwatch_log_group.api.arn
        format = jsonencode({
          requestId = "$context.requestId"
          status    = "$context.status"
          latency   = "$context.responseLatency"
        })
      }
    }

    resource "aws_lambda_permission" "api" {
      statement_id  = "AllowApiGatewayInvoke"
      action        = "lambda:InvokeFunction"
      function_name = aws_lambda_function.orders.function_name
      principal     = "apigateway.amazonaws.com"
      source_arn    = "${aws_api_gateway_rest_api.orders.execution_arn}/*/POST/orders"
    }

    """#

    static let hardenedOutputs = #"""
    output "api_invoke_url" {
      description = "Base URL of the dev stage."
      value       = aws_api_gateway_stage.dev.invoke_url
    }

    output "function_name" {
      description = "Name of the orders Lambda function."
      value       = aws_lambda_function.orders.function_name
    }

    output "table_name" {
      description = "Name of the orders DynamoDB table."
      value       = aws_dynamodb_table.orders.name
    }

    """#

    static let hardenedHandler = #"""
    import json
    import logging
    import os

    import boto3
    from botocore.exceptions import ClientError

    logger = logging.getLogger()
    logger.setLevel(os.environ.get("LOG_LEVEL", "INFO"))

    TABLE = boto3.resource("dynamodb").Table(os.environ["TABLE_NAME"])
    SECRETS = boto3.client("secretsmanager")


    def _response(status, body):
        return {
            "statusCode": status,
            "headers": {"Content-Type": "application/json"},
            "body": json.dumps(body),
        }


    def lambda_handler(event, context):
        request_id = getattr(context, "aws_request_id", "unknown")
        try:
            order = json.loads(event.get("body") or "{}")
        except json.JSONDecodeError:
            logger.warning("rejected malformed body", extra={"request_id": request_id})
            return _response(400, {"error": "body must be JSON"})

        if "order_id" not in order:
            return _response(400, {"error": "order_id is required"})

        try:
            TABLE.put_item(Item=order)
        except ClientError:
            logger.exception("could not store order %s", order["order_id"])
            return _response(502, {"error": "could not store the order"})

        logger.info("stored order %s", order["order_id"])
        return _response(201, {"order_id": order["order_id"]})

    """#

    static let hardenedTests = #"""
    import json
    from unittest import mock

    import pytest

    from lambda_handler_loader import load_handler


    @pytest.fixture
    def handler():
        return load_handler()


    def test_stores_order(handler):
        with mock.patch.object(handler.__globals__["TABLE"], "put_item") as put_item:
            response = handler({"body": json.dumps({"order_id": "1"})}, None)
        assert response["statusCode"] == 201
        put_item.assert_called_once_with(Item={"order_id": "1"})


    def test_rejects_malformed_body(handler):
        response = handler({"body": "{"}, None)
        assert response["statusCode"] == 400
        assert json.loads(response["body"]) == {"error": "body must be JSON"}


    def test_requires_order_id(handler):
        response = handler({"body": "{}"}, None)
        assert response["statusCode"] == 400


    def test_responses_are_json(handler):
        response = handler({"body": "{}"}, None)
        assert response["headers"]["Content-Type"] == "application/json"

    """#

    static let hardenedIntegrationTests = #"""
    import os

    import pytest
    import requests

    API_URL = os.environ.get("ORDERS_API_URL")


    @pytest.mark.skipif(API_URL is None, reason="needs a deployed stack")
    def test_post_order_round_trip():
        response = requests.post(f"{API_URL}/orders", json={"order_id": "it-1"}, timeout=10)
        assert response.status_code == 201
        assert response.json() == {"order_id": "it-1"}

    """#

    // MARK: - Commit 3: a feature that regresses part of the hardening

    static let regressedMain: String = hardenedMain
        .replacingFirst(
            of: #"""
      {
        Effect   = "Allow"
        Action   = ["kms:Decrypt"]
        Resource = aws_kms_key.main.arn
      },

"""#,
            with: #"""
      {
        Effect   = "Allow"
        Action   = ["kms:Decrypt"]
        Resource = aws_kms_key.main.arn
      },
      {
        Effect   = "Allow"
        Action   = ["s3:*"]
        Resource = "*"
      },

"""#
        )
        .replacingFirst(
            of: #"""
  tracing_config {
    mode = "Active"
  }


"""#,
            with: ""
        )
        .replacingFirst(
            of: #"""
      PAYMENT_SECRET_ARN = aws_secretsmanager_secret.payment_api_key.arn

"""#,
            with: #"""
      PAYMENT_SECRET_ARN = aws_secretsmanager_secret.payment_api_key.arn
      REPORTS_BUCKET     = aws_s3_bucket.reports.bucket

"""#
        )

    static let regressedReports = #"""
    resource "aws_s3_bucket" "reports" {
      bucket = "${local.name_prefix}-reports"
    }

    resource "aws_s3_bucket_acl" "reports" {
      bucket = aws_s3_bucket.reports.id
      acl    = "public-read"
    }

    """#

    static let regressedHandler: String = hardenedHandler
        .replacingFirst(
            of: #"""
SECRETS = boto3.client("secretsmanager")

"""#,
            with: #"""
SECRETS = boto3.client("secretsmanager")
REPORTS_BUCKET = os.environ["REPORTS_BUCKET"]

"""#
        )
        .replacingFirst(
            of: #"""
    logger.info("stored order %s", order["order_id"])

"""#,
            with: #"""
    print("stored order", event)
    s3 = boto3.client("s3")
    s3.put_object(Bucket=REPORTS_BUCKET, Key=f"orders/{order['order_id']}.json", Body=json.dumps(order))

"""#
        )
}

extension String {
    /// This string with the first occurrence of `target` replaced; traps if `target` is absent,
    /// so a fixture edit that no longer applies fails the demo tests loudly.
    func replacingFirst(of target: String, with replacement: String) -> String {
        guard let range = range(of: target) else {
            preconditionFailure("demo fixture edit does not apply: \(target.prefix(40))")
        }
        return replacingCharacters(in: range, with: replacement)
    }
}
