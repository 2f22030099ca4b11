// Generated from rules/ by BuiltinRulesTests; do not edit.
// Regenerate: STACKREVIEW_UPDATE_GOLDEN=1 swift test --filter BuiltinRulesTests

extension BuiltinRules {
    /// The rule files under `rules/`, by repository path.
    public static let files: [(path: String, text: String)] = [
        ("rules/apigateway/aws-api-gateway-method-authorization.yml", #"""
        id: aws-api-gateway-method-authorization
        title: API Gateway method requires authorization or an API key
        severity: high
        category: security-hardening
        applies_to: [aws_api_gateway_method]
        message: "`{address}` lets anyone call the method: `authorization = \"NONE\"` and no API key"
        improvement: "Required authorization on the API method `{address}`"
        remediation: >-
          Set `authorization` to `AWS_IAM`, `COGNITO_USER_POOLS` or `CUSTOM` with an `authorizer_id`,
          or at least `api_key_required = true` with a usage plan. `OPTIONS` methods used for CORS
          preflight are exempt.
        references:
          checkov: CKV_AWS_59
          trivy: AVD-AWS-0004
          links: https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-control-access-to-api.html
        check:
          or:
            - attribute: authorization
              operator: not_equals_ignore_case
              value: NONE
            - attribute: api_key_required
              operator: is_true
            - attribute: http_method
              operator: equals
              value: OPTIONS
        examples:
          fail: |
            ⚑resource "aws_api_gateway_method" "get" {
              rest_api_id   = "abc123"
              resource_id   = "r1"
              http_method   = "GET"
              authorization = "NONE"
            }
          pass:
            - |
              resource "aws_api_gateway_method" "get" {
                rest_api_id   = "abc123"
                resource_id   = "r1"
                http_method   = "GET"
                authorization = "AWS_IAM"
              }
            - |
              resource "aws_api_gateway_method" "get" {
                rest_api_id      = "abc123"
                resource_id      = "r1"
                http_method      = "GET"
                authorization    = "NONE"
                api_key_required = true
              }
            - |
              resource "aws_api_gateway_method" "preflight" {
                rest_api_id   = "abc123"
                resource_id   = "r1"
                http_method   = "OPTIONS"
                authorization = "NONE"
              }

        """#),
        ("rules/apigateway/aws-api-gateway-single-stage.yml", #"""
        id: aws-api-gateway-single-stage
        title: REST API has more than one stage
        severity: info
        category: infrastructure-architecture
        applies_to: [aws_api_gateway_rest_api]
        message: "`{address}` is deployed to a single stage ({stage}): every change reaches callers directly"
        improvement: "Gave `{address}` a separate stage to test changes on"
        remediation: >-
          Deploy a separate stage (or a separate stack per environment) to try changes on before the
          stage callers use, or use canary settings on the production stage.
        references:
          links: https://docs.aws.amazon.com/apigateway/latest/developerguide/stages.html
        check:
          coded: rest-api-single-stage
        examples:
          fail: |
            ⚑resource "aws_api_gateway_rest_api" "api" {
              name = "orders"
            }
            resource "aws_api_gateway_stage" "prod" {
              rest_api_id   = aws_api_gateway_rest_api.api.id
              stage_name    = "prod"
              deployment_id = "d1"
            }
          pass: |
            resource "aws_api_gateway_rest_api" "api" {
              name = "orders"
            }
            resource "aws_api_gateway_stage" "env" {
              for_each      = toset(["staging", "prod"])
              rest_api_id   = aws_api_gateway_rest_api.api.id
              stage_name    = each.key
              deployment_id = "d1"
            }

        """#),
        ("rules/apigateway/aws-api-gateway-stage-access-logging.yml", #"""
        id: aws-api-gateway-stage-access-logging
        title: API Gateway stage writes access logs
        severity: medium
        category: operational-excellence
        applies_to: [aws_api_gateway_stage, aws_apigatewayv2_stage]
        message: "`{address}` does not write access logs (`access_log_settings`)"
        improvement: "Enabled access logging on the API stage `{address}`"
        remediation: >-
          Add an `access_log_settings` block with `destination_arn` set to a CloudWatch log group ARN
          and a `format` that records the request id, caller, status and latency.
        references:
          checkov: CKV_AWS_76
          trivy: AVD-AWS-0001
          links: https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html
        check:
          attribute: access_log_settings.destination_arn
          operator: exists
        examples:
          fail:
            - |
              ⚑resource "aws_api_gateway_stage" "prod" {
                stage_name    = "prod"
                rest_api_id   = "abc123"
                deployment_id = "d1"
              }
            - |
              ⚑resource "aws_apigatewayv2_stage" "prod" {
                api_id = "abc123"
                name   = "prod"
              }
          pass: |
            resource "aws_cloudwatch_log_group" "api" {
              name = "api-access"
            }
            resource "aws_api_gateway_stage" "prod" {
              stage_name    = "prod"
              rest_api_id   = "abc123"
              deployment_id = "d1"
              access_log_settings {
                destination_arn = aws_cloudwatch_log_group.api.arn
                format          = "$context.requestId $context.status"
              }
            }

        """#),
        ("rules/apigateway/aws-api-gateway-stage-tracing.yml", #"""
        id: aws-api-gateway-stage-tracing
        title: API Gateway REST stage has X-Ray tracing enabled
        severity: low
        category: operational-excellence
        applies_to: [aws_api_gateway_stage]
        message: "`{address}` does not enable X-Ray tracing"
        improvement: "Enabled X-Ray tracing on the API stage `{address}`"
        remediation: Set `xray_tracing_enabled = true` so requests are traced from the API into the functions.
        references:
          checkov: CKV_AWS_73
          trivy: AVD-AWS-0003
          links: https://docs.aws.amazon.com/xray/latest/devguide/xray-services-apigateway.html
        fix:
          add-to-block: |
            xray_tracing_enabled = true
        check:
          attribute: xray_tracing_enabled
          operator: is_true
        examples:
          fail:
            - |
              ⚑resource "aws_api_gateway_stage" "prod" {
                stage_name    = "prod"
                rest_api_id   = "abc123"
                deployment_id = "d1"
              }
            - |
              resource "aws_api_gateway_stage" "prod" {
                stage_name           = "prod"
                rest_api_id          = "abc123"
                deployment_id        = "d1"
                xray_tracing_enabled = ⚑false
              }
          pass:
            - |
              resource "aws_api_gateway_stage" "prod" {
                stage_name           = "prod"
                rest_api_id          = "abc123"
                deployment_id        = "d1"
                xray_tracing_enabled = true
              }
            - |
              variable "tracing" {
                type = bool
              }
              resource "aws_api_gateway_stage" "prod" {
                stage_name           = "prod"
                rest_api_id          = "abc123"
                deployment_id        = "d1"
                xray_tracing_enabled = var.tracing
              }

        """#),
        ("rules/dynamodb/aws-dynamodb-cmk.yml", #"""
        id: aws-dynamodb-cmk
        title: DynamoDB table is encrypted with a customer-managed KMS key
        severity: low
        category: security-hardening
        applies_to: [aws_dynamodb_table]
        message: "`{address}` is encrypted with an AWS-owned key, not a customer-managed KMS key"
        improvement: "Encrypted `{address}` with a customer-managed KMS key"
        remediation: >-
          Add `server_side_encryption { enabled = true, kms_key_arn = aws_kms_key.x.arn }` so access
          to the data also needs access to a key you control and audit.
        references:
          checkov: CKV_AWS_119
          trivy: AVD-AWS-0025
          links: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/EncryptionAtRest.html
        check:
          and:
            - attribute: server_side_encryption.enabled
              operator: is_true
            - attribute: server_side_encryption.kms_key_arn
              operator: exists
        examples:
          fail:
            - |
              ⚑resource "aws_dynamodb_table" "orders" {
                name     = "orders"
                hash_key = "id"
              }
            - |
              resource "aws_dynamodb_table" "orders" {
                name     = "orders"
                hash_key = "id"
                ⚑server_side_encryption {
                  enabled = true
                }
              }
          pass: |
            resource "aws_kms_key" "data" {}
            resource "aws_dynamodb_table" "orders" {
              name     = "orders"
              hash_key = "id"
              server_side_encryption {
                enabled     = true
                kms_key_arn = aws_kms_key.data.arn
              }
            }

        """#),
        ("rules/dynamodb/aws-dynamodb-point-in-time-recovery.yml", #"""
        id: aws-dynamodb-point-in-time-recovery
        title: DynamoDB table has point-in-time recovery enabled
        severity: medium
        category: infrastructure-architecture
        applies_to: [aws_dynamodb_table]
        message: "`{address}` cannot be restored to a point in time: point-in-time recovery is off"
        improvement: "Enabled point-in-time recovery on `{address}`"
        remediation: Add `point_in_time_recovery { enabled = true }` so the table can be restored to any second of the last 35 days.
        references:
          checkov: CKV_AWS_28
          trivy: AVD-AWS-0024
          links: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/PointInTimeRecovery.html
        fix:
          add-to-block: |
            point_in_time_recovery {
              enabled = true
            }
        check:
          attribute: point_in_time_recovery.enabled
          operator: is_true
        examples:
          fail:
            - |
              ⚑resource "aws_dynamodb_table" "orders" {
                name         = "orders"
                billing_mode = "PAY_PER_REQUEST"
                hash_key     = "id"
                attribute {
                  name = "id"
                  type = "S"
                }
              }
            - |
              resource "aws_dynamodb_table" "orders" {
                name         = "orders"
                billing_mode = "PAY_PER_REQUEST"
                hash_key     = "id"
                point_in_time_recovery {
                  enabled = ⚑false
                }
              }
          pass: |
            resource "aws_dynamodb_table" "orders" {
              name         = "orders"
              billing_mode = "PAY_PER_REQUEST"
              hash_key     = "id"
              point_in_time_recovery {
                enabled = true
              }
            }

        """#),
        ("rules/iam/iam-administrator-access.yml", #"""
        id: iam-administrator-access
        title: IAM policy does not grant every action on every resource
        severity: critical
        category: security-hardening
        applies_to: [aws_iam_policy, aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy, aws_iam_role, data.aws_iam_policy_document]
        message: "`{address}` allows every action (`\"*\"`) on every resource (`\"*\"`) in statement `{attribute}`"
        improvement: "Removed full administrator access from `{address}`"
        remediation: >-
          List the actions the code calls (for example `dynamodb:GetItem`, `dynamodb:PutItem`) and the
          ARNs of the resources it calls them on; IAM Access Analyzer can generate a policy from
          CloudTrail activity.
        references:
          checkov: [CKV_AWS_62, CKV_AWS_1]
          trivy: AVD-AWS-0057
          links: https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege
        check:
          coded: iam-administrator-access
        examples:
          fail:
            - |
              resource "aws_iam_role_policy" "lambda" {
                name = "lambda"
                role = "lambda-role"
                policy = jsonencode({
                  Version = "2012-10-17"
                  Statement = [⚑{
                    Effect   = "Allow"
                    Action   = "*"
                    Resource = "*"
                  }]
                })
              }
            - |
              data "aws_iam_policy_document" "admin" {
                ⚑statement {
                  actions   = ["*"]
                  resources = ["*"]
                }
              }
              resource "aws_iam_policy" "admin" {
                name   = "admin"
                policy = data.aws_iam_policy_document.admin.json
              }
          pass:
            - |
              resource "aws_iam_role_policy" "lambda" {
                name = "lambda"
                role = "lambda-role"
                policy = jsonencode({
                  Version = "2012-10-17"
                  Statement = [{
                    Effect   = "Allow"
                    Action   = ["dynamodb:GetItem", "dynamodb:PutItem"]
                    Resource = "arn:aws:dynamodb:us-east-1:123456789012:table/orders"
                  }]
                })
              }
            - |
              data "aws_iam_policy_document" "deny_all" {
                statement {
                  effect    = "Deny"
                  actions   = ["*"]
                  resources = ["*"]
                }
              }

        """#),
        ("rules/iam/iam-wildcard-actions.yml", #"""
        id: iam-wildcard-actions
        title: IAM policy names actions instead of service-wide wildcards
        severity: high
        category: security-hardening
        applies_to: [aws_iam_policy, aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy, aws_iam_role, data.aws_iam_policy_document]
        message: "`{address}` allows every action of a service with {actions} in statement `{attribute}`"
        improvement: "Replaced wildcard actions in `{address}` with the actions it needs"
        remediation: >-
          Replace `service:*` (or `*`) with the specific actions the code calls; a wildcard also grants
          every action the service adds later, including permission management.
        references:
          checkov: [CKV_AWS_63, CKV_AWS_49]
          trivy: AVD-AWS-0057
          links: https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege
        check:
          coded: iam-wildcard-actions
        examples:
          fail:
            - |
              resource "aws_iam_policy" "data" {
                name   = "data"
                policy = <<JSON
              {
                "Version": "2012-10-17",
                "Statement": [
                  ⚑{
                    "Effect": "Allow",
                    "Action": ["s3:*", "dynamodb:GetItem"],
                    "Resource": "arn:aws:s3:::uploads/*"
                  }
                ]
              }
              JSON
              }
            - |
              data "aws_iam_policy_document" "queue" {
                statement {
                  actions   = ["sqs:SendMessage"]
                  resources = ["arn:aws:sqs:us-east-1:123456789012:jobs"]
                }
                ⚑statement {
                  sid       = "Everything"
                  actions   = ["*"]
                  resources = ["arn:aws:sqs:us-east-1:123456789012:jobs"]
                }
              }
          pass:
            - |
              resource "aws_iam_policy" "data" {
                name = "data"
                policy = jsonencode({
                  Version = "2012-10-17"
                  Statement = [{
                    Effect   = "Allow"
                    Action   = ["s3:GetObject", "s3:PutObject"]
                    Resource = "arn:aws:s3:::uploads/*"
                  }]
                })
              }
            - |
              variable "actions" {
                type = list(string)
              }
              data "aws_iam_policy_document" "queue" {
                statement {
                  actions   = var.actions
                  resources = ["arn:aws:sqs:us-east-1:123456789012:jobs"]
                }
              }

        """#),
        ("rules/iam/iam-wildcard-resource-write.yml", #"""
        id: iam-wildcard-resource-write
        title: IAM policy limits write and permission-management actions to named resources
        severity: high
        category: security-hardening
        applies_to: [aws_iam_policy, aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy, aws_iam_role, data.aws_iam_policy_document]
        message: "`{address}` allows {count} write or permission-management action(s) on every resource (`\"*\"`): {actions}"
        improvement: "Limited the write actions of `{address}` to named resources"
        remediation: >-
          Replace `"*"` with the ARNs of the tables, buckets, queues or keys the code writes to, or add
          a `Condition` that constrains the request. Actions AWS only grants on `"*"` (X-Ray segments,
          CloudWatch metrics, VPC network interfaces) are not flagged.
        references:
          checkov: [CKV_AWS_355, CKV_AWS_290, CKV_AWS_356, CKV_AWS_111]
          trivy: AVD-AWS-0057
          links: https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
        check:
          coded: iam-wildcard-resource-write
        examples:
          fail:
            - |
              resource "aws_iam_role_policy" "lambda" {
                name = "lambda"
                role = "lambda-role"
                policy = jsonencode({
                  Version = "2012-10-17"
                  Statement = [
                    {
                      Effect   = "Allow"
                      Action   = ["xray:PutTraceSegments", "cloudwatch:PutMetricData"]
                      Resource = "*"
                    },
                    ⚑{
                      Effect   = "Allow"
                      Action   = ["dynamodb:PutItem", "dynamodb:GetItem", "iam:Attach*"]
                      Resource = "*"
                    }
                  ]
                })
              }
          pass:
            - |
              resource "aws_iam_role_policy" "lambda" {
                name = "lambda"
                role = "lambda-role"
                policy = jsonencode({
                  Version = "2012-10-17"
                  Statement = [{
                    Effect   = "Allow"
                    Action   = ["dynamodb:PutItem"]
                    Resource = "arn:aws:dynamodb:us-east-1:123456789012:table/orders"
                  }, {
                    Effect   = "Allow"
                    Action   = ["dynamodb:List*", "s3:GetObject"]
                    Resource = "*"
                  }]
                })
              }
            - |
              data "aws_iam_policy_document" "tagged" {
                statement {
                  actions   = ["ec2:StopInstances"]
                  resources = ["*"]
                  condition {
                    test     = "StringEquals"
                    variable = "aws:ResourceTag/team"
                    values   = ["payments"]
                  }
                }
              }

        """#),
        ("rules/kms/aws-kms-key-rotation.yml", #"""
        id: aws-kms-key-rotation
        title: KMS key rotates automatically
        severity: medium
        category: security-hardening
        applies_to: [aws_kms_key]
        message: "`{address}` does not rotate its key material (`enable_key_rotation`)"
        improvement: "Enabled automatic rotation of the KMS key `{address}`"
        remediation: Set `enable_key_rotation = true`; asymmetric and HMAC keys cannot rotate and are not flagged.
        references:
          checkov: CKV_AWS_7
          trivy: AVD-AWS-0065
          links: https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html
        fix:
          add-to-block: |
            enable_key_rotation = true
        check:
          or:
            - attribute: enable_key_rotation
              operator: is_true
            - and:
                - attribute: customer_master_key_spec
                  operator: exists
                - attribute: customer_master_key_spec
                  operator: not_equals
                  value: SYMMETRIC_DEFAULT
        examples:
          fail:
            - |
              ⚑resource "aws_kms_key" "k" {
                description = "data"
              }
            - |
              ⚑resource "aws_kms_key" "k" {
                description         = "data"
                enable_key_rotation = false
              }
          pass:
            - |
              resource "aws_kms_key" "k" {
                description         = "data"
                enable_key_rotation = true
              }
            - |
              resource "aws_kms_key" "signing" {
                description              = "signing"
                customer_master_key_spec = "RSA_2048"
                key_usage                = "SIGN_VERIFY"
              }

        """#),
        ("rules/lambda/aws-lambda-dead-letter-queue.yml", #"""
        id: aws-lambda-dead-letter-queue
        title: Lambda function sends failed asynchronous events to a dead-letter queue
        severity: low
        category: infrastructure-architecture
        applies_to: [aws_lambda_function]
        message: "`{address}` has no dead-letter queue: failed asynchronous events are dropped"
        improvement: "Gave `{address}` a dead-letter queue"
        remediation: >-
          Add `dead_letter_config { target_arn = aws_sqs_queue.dlq.arn }` (or an SNS topic), or an
          `aws_lambda_function_event_invoke_config` with an on-failure destination.
        references:
          checkov: CKV_AWS_116
          links: https://docs.aws.amazon.com/lambda/latest/dg/invocation-async.html#invocation-dlq
        check:
          attribute: dead_letter_config.target_arn
          operator: exists
        examples:
          fail: |
            ⚑resource "aws_lambda_function" "f" {
              function_name = "f"
            }
          pass: |
            resource "aws_sqs_queue" "dlq" {
              name = "f-dlq"
            }
            resource "aws_lambda_function" "f" {
              function_name = "f"
              dead_letter_config {
                target_arn = aws_sqs_queue.dlq.arn
              }
            }

        """#),
        ("rules/lambda/aws-lambda-environment-cmk.yml", #"""
        id: aws-lambda-environment-cmk
        title: Lambda environment variables are encrypted with a customer-managed KMS key
        severity: medium
        category: security-hardening
        applies_to: [aws_lambda_function]
        message: "`{address}` sets environment variables without a customer-managed KMS key (`kms_key_arn`)"
        improvement: "Encrypted the environment of `{address}` with a customer-managed KMS key"
        remediation: >-
          Set `kms_key_arn` to a customer-managed `aws_kms_key` so the environment is encrypted with a
          key whose policy and rotation you control.
        references:
          checkov: CKV_AWS_173
          links: https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars-encryption.html
        check:
          or:
            - attribute: environment.variables
              operator: not_exists
            - attribute: kms_key_arn
              operator: exists
        examples:
          fail: |
            ⚑resource "aws_lambda_function" "f" {
              function_name = "f"
              environment {
                variables = { TABLE = "orders" }
              }
            }
          pass:
            - |
              resource "aws_kms_key" "k" {}
              resource "aws_lambda_function" "f" {
                function_name = "f"
                kms_key_arn   = aws_kms_key.k.arn
                environment {
                  variables = { TABLE = "orders" }
                }
              }
            - |
              resource "aws_lambda_function" "f" {
                function_name = "f"
              }

        """#),
        ("rules/lambda/aws-lambda-environment-secrets.yml", #"""
        id: aws-lambda-environment-secrets
        title: Lambda environment variables hold no hard-coded secrets
        severity: critical
        category: security-hardening
        applies_to: [aws_lambda_function]
        message: "`{address}` hard-codes {secret} in the environment variable `{variable}`"
        improvement: "Removed the hard-coded secret from the environment of `{address}`"
        remediation: >-
          Store the secret in Secrets Manager (or an SSM SecureString parameter), pass its ARN or name
          in the environment, and read it at run time; rotate the exposed value, which stays in the
          Git history.
        references:
          checkov: CKV_AWS_45
          links: https://docs.aws.amazon.com/secretsmanager/latest/userguide/retrieving-secrets_lambda.html
        check:
          coded: lambda-environment-secrets
        examples:
          fail:
            - |
              resource "aws_lambda_function" "f" {
                function_name = "f"
                environment {
                  variables = {
                    TABLE       = "orders"
                    DB_PASSWORD = ⚑"correct-horse-battery"
                    UPSTREAM    = ⚑"AKIAABCDEFGHIJKLMNOP"
                  }
                }
              }
          pass:
            - |
              resource "aws_secretsmanager_secret" "db" {
                name = "db"
              }
              resource "aws_lambda_function" "f" {
                function_name = "f"
                environment {
                  variables = {
                    TABLE           = "orders"
                    DB_SECRET_ARN   = aws_secretsmanager_secret.db.arn
                    API_TOKEN_PARAM = "/prod/api/token"
                    TOKEN_TTL       = "3600"
                  }
                }
              }
            - |
              variable "api_token" {
                type      = string
                sensitive = true
              }
              resource "aws_lambda_function" "f" {
                function_name = "f"
                environment {
                  variables = {
                    API_TOKEN = var.api_token
                  }
                }
              }

        """#),
        ("rules/lambda/aws-lambda-log-group.yml", #"""
        id: aws-lambda-log-group
        title: Lambda function has an explicit CloudWatch log group
        severity: medium
        category: operational-excellence
        applies_to: [aws_lambda_function]
        message: "`{address}` has no `aws_cloudwatch_log_group` named `{log_group}`: Lambda creates one with no retention or encryption"
        improvement: "Declared the log group of `{address}` in Terraform"
        remediation: >-
          Add `resource "aws_cloudwatch_log_group"` with `name = "/aws/lambda/${aws_lambda_function.x.function_name}"`
          (or the same literal name), a retention period and a KMS key, and make the function depend on it.
        references:
          links: https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs.html
        check:
          coded: lambda-log-group
        examples:
          fail: |
            ⚑resource "aws_lambda_function" "f" {
              function_name = "orders-api"
            }
            resource "aws_cloudwatch_log_group" "other" {
              name = "/aws/lambda/orders-worker"
            }
          pass:
            - |
              resource "aws_lambda_function" "f" {
                function_name = "orders-api"
              }
              resource "aws_cloudwatch_log_group" "f" {
                name              = "/aws/lambda/orders-api"
                retention_in_days = 365
              }
            - |
              resource "aws_lambda_function" "f" {
                function_name = "orders-api"
              }
              resource "aws_cloudwatch_log_group" "f" {
                name = "/aws/lambda/${aws_lambda_function.f.function_name}"
              }

        """#),
        ("rules/lambda/aws-lambda-permission-source.yml", #"""
        id: aws-lambda-permission-source
        title: Lambda permission for an AWS service is limited to a source ARN or account
        severity: high
        category: security-hardening
        applies_to: [aws_lambda_permission]
        message: "`{address}` lets any resource of {value} invoke the function: no `source_arn` or `source_account`"
        improvement: "Limited the Lambda permission `{address}` to one source"
        remediation: >-
          Set `source_arn` to the ARN of the bucket, rule, topic or API (for API Gateway,
          `"${aws_api_gateway_rest_api.x.execution_arn}/*/*"`), or at least `source_account`, so
          another account's resource of the same service cannot invoke the function.
        references:
          checkov: CKV_AWS_364
          trivy: AVD-AWS-0067
          links: https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html
        check:
          or:
            - attribute: principal
              operator: not_ending_with
              value: .amazonaws.com
            - attribute: source_arn
              operator: exists
            - attribute: source_account
              operator: exists
        examples:
          fail: |
            ⚑resource "aws_lambda_permission" "s3" {
              statement_id  = "AllowS3"
              action        = "lambda:InvokeFunction"
              function_name = "f"
              principal     = "s3.amazonaws.com"
            }
          pass:
            - |
              resource "aws_s3_bucket" "uploads" {
                bucket = "uploads"
              }
              resource "aws_lambda_permission" "s3" {
                statement_id  = "AllowS3"
                action        = "lambda:InvokeFunction"
                function_name = "f"
                principal     = "s3.amazonaws.com"
                source_arn    = aws_s3_bucket.uploads.arn
              }
            - |
              resource "aws_lambda_permission" "account" {
                statement_id  = "AllowAccount"
                action        = "lambda:InvokeFunction"
                function_name = "f"
                principal     = "123456789012"
              }

        """#),
        ("rules/lambda/aws-lambda-reserved-concurrency.yml", #"""
        id: aws-lambda-reserved-concurrency
        title: Lambda function sets its reserved concurrency
        severity: low
        category: infrastructure-architecture
        applies_to: [aws_lambda_function]
        message: "`{address}` sets no `reserved_concurrent_executions`: it can exhaust the account's concurrency"
        improvement: "Set a concurrency limit on `{address}`"
        remediation: >-
          Set `reserved_concurrent_executions` to the most concurrent executions the function (and what
          it calls) should take, so one function's burst cannot throttle every other function.
        references:
          checkov: CKV_AWS_115
          links: https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html
        check:
          attribute: reserved_concurrent_executions
          operator: exists
        examples:
          fail: |
            ⚑resource "aws_lambda_function" "f" {
              function_name = "f"
            }
          pass: |
            resource "aws_lambda_function" "f" {
              function_name                  = "f"
              reserved_concurrent_executions = 50
            }

        """#),
        ("rules/lambda/aws-lambda-runtime-deprecated.yml", #"""
        id: aws-lambda-runtime-deprecated
        title: Lambda function uses a supported runtime
        severity: high
        category: security-hardening
        applies_to: [aws_lambda_function]
        message: "`{address}` uses the deprecated runtime {value}"
        improvement: "Moved `{address}` to a supported runtime"
        remediation: >-
          Move to a runtime AWS still patches (for Python, `python3.12` or later) and run the tests
          against it; deprecated runtimes receive no security updates and eventually cannot be updated.
        references:
          checkov: CKV_AWS_363
          links: https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html#runtimes-deprecated
        check:
          attribute: runtime
          operator: not_within
          value:
            - python2.7
            - python3.6
            - python3.7
            - python3.8
            - nodejs
            - nodejs4.3
            - nodejs4.3-edge
            - nodejs6.10
            - nodejs8.10
            - nodejs10.x
            - nodejs12.x
            - nodejs14.x
            - nodejs16.x
            - java8
            - dotnetcore1.0
            - dotnetcore2.0
            - dotnetcore2.1
            - dotnetcore3.1
            - dotnet5.0
            - dotnet6
            - dotnet7
            - ruby2.5
            - ruby2.7
            - go1.x
            - provided
        examples:
          fail: |
            resource "aws_lambda_function" "f" {
              function_name = "f"
              runtime       = ⚑"python3.7"
              handler       = "app.handler"
            }
          pass:
            - |
              resource "aws_lambda_function" "f" {
                function_name = "f"
                runtime       = "python3.12"
                handler       = "app.handler"
              }
            - |
              resource "aws_lambda_function" "image" {
                function_name = "image"
                package_type  = "Image"
                image_uri     = "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1"
              }

        """#),
        ("rules/lambda/aws-lambda-tracing.yml", #"""
        id: aws-lambda-tracing
        title: Lambda function has X-Ray tracing enabled
        severity: medium
        category: operational-excellence
        applies_to: [aws_lambda_function]
        message: "`{address}` does not enable X-Ray tracing"
        improvement: "Enabled X-Ray tracing on `{address}`"
        remediation: Add `tracing_config { mode = "Active" }` so every invocation is traced.
        references:
          checkov: CKV_AWS_50
          trivy: AVD-AWS-0066
          links: https://docs.aws.amazon.com/lambda/latest/dg/services-xray.html
        fix:
          add-to-block: |
            tracing_config {
              mode = "Active"
            }
        check:
          attribute: tracing_config.mode
          operator: within
          value: [Active, PassThrough]
        examples:
          fail:
            - |
              ⚑resource "aws_lambda_function" "f" {
                function_name = "f"
              }
            - |
              resource "aws_lambda_function" "f" {
                function_name = "f"
                tracing_config {
                  mode = ⚑"Off"
                }
              }
          pass: |
            resource "aws_lambda_function" "f" {
              function_name = "f"
              tracing_config {
                mode = "Active"
              }
            }

        """#),
        ("rules/logs/aws-cloudwatch-log-group-kms.yml", #"""
        id: aws-cloudwatch-log-group-kms
        title: CloudWatch log group is encrypted with a KMS key
        severity: medium
        category: security-hardening
        applies_to: [aws_cloudwatch_log_group]
        message: "`{address}` stores its logs without a KMS key (`kms_key_id`)"
        improvement: "Encrypted the log group `{address}` with a KMS key"
        remediation: >-
          Set `kms_key_id` to the ARN of a customer-managed `aws_kms_key` whose policy lets the
          `logs.<region>.amazonaws.com` service use it.
        references:
          checkov: CKV_AWS_158
          trivy: AVD-AWS-0017
          links: https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html
        check:
          attribute: kms_key_id
          operator: exists
        examples:
          fail: |
            ⚑resource "aws_cloudwatch_log_group" "g" {
              name              = "/aws/lambda/f"
              retention_in_days = 365
            }
          pass: |
            resource "aws_kms_key" "logs" {}
            resource "aws_cloudwatch_log_group" "g" {
              name       = "/aws/lambda/f"
              kms_key_id = aws_kms_key.logs.arn
            }

        """#),
        ("rules/logs/aws-cloudwatch-log-group-retention-minimum.yml", #"""
        id: aws-cloudwatch-log-group-retention-minimum
        title: CloudWatch log group keeps logs for the minimum retention period
        severity: low
        category: operational-excellence
        applies_to: [aws_cloudwatch_log_group]
        message: "`{address}` keeps logs for {days} days, less than the {minimum} days required"
        improvement: "Raised the retention of `{address}` to the required minimum"
        remediation: >-
          Set `retention_in_days` to at least the minimum (365 unless `.stackreview.yml` sets
          `logs: minimum_retention_days`), or export older logs to S3 if cost is the concern.
        references:
          checkov: CKV_AWS_338
          links: https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html#cloudwatch-16
        check:
          coded: log-retention-minimum
        examples:
          fail: |
            resource "aws_cloudwatch_log_group" "g" {
              name              = "/aws/lambda/f"
              retention_in_days = ⚑14
            }
          pass:
            - |
              resource "aws_cloudwatch_log_group" "g" {
                name              = "/aws/lambda/f"
                retention_in_days = 365
              }
            - |
              variable "retention" {
                type = number
              }
              resource "aws_cloudwatch_log_group" "g" {
                name              = "/aws/lambda/f"
                retention_in_days = var.retention
              }

        """#),
        ("rules/logs/aws-cloudwatch-log-group-retention.yml", #"""
        id: aws-cloudwatch-log-group-retention
        title: CloudWatch log group sets a retention period
        severity: low
        category: operational-excellence
        applies_to: [aws_cloudwatch_log_group]
        message: "`{address}` keeps its logs forever: no `retention_in_days`"
        improvement: "Set a retention period on the log group `{address}`"
        remediation: >-
          Set `retention_in_days` (for example 365) so logs expire on a schedule you chose instead of
          accumulating cost forever.
        references:
          checkov: CKV_AWS_66
          links: https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/Working-with-log-groups-and-streams.html#SettingLogRetention
        fix:
          add-to-block: |
            retention_in_days = 365
        check:
          attribute: retention_in_days
          operator: exists
        examples:
          fail: |
            ⚑resource "aws_cloudwatch_log_group" "g" {
              name = "/aws/lambda/f"
            }
          pass: |
            resource "aws_cloudwatch_log_group" "g" {
              name              = "/aws/lambda/f"
              retention_in_days = 14
            }

        """#),
        ("rules/s3/aws-s3-bucket-encryption.yml", #"""
        id: aws-s3-bucket-encryption
        title: S3 bucket declares its server-side encryption
        severity: medium
        category: security-hardening
        applies_to: [aws_s3_bucket]
        message: "`{address}` does not declare server-side encryption"
        improvement: "Declared server-side encryption for `{address}`"
        remediation: >-
          Add an `aws_s3_bucket_server_side_encryption_configuration` for the bucket, preferably with
          `sse_algorithm = "aws:kms"` and a customer-managed key, and `bucket_key_enabled = true`.
        references:
          checkov: [CKV_AWS_19, CKV_AWS_145]
          trivy: [AVD-AWS-0088, AVD-AWS-0132]
          links: https://docs.aws.amazon.com/AmazonS3/latest/userguide/serv-side-encryption.html
        check:
          or:
            - attribute: server_side_encryption_configuration
              operator: exists
            - cond_type: connection
              resource_types: [aws_s3_bucket]
              connected_resource_types: [aws_s3_bucket_server_side_encryption_configuration]
              operator: exists
        examples:
          fail: |
            ⚑resource "aws_s3_bucket" "data" {
              bucket = "data"
            }
          pass:
            - |
              resource "aws_s3_bucket" "data" {
                bucket = "data"
              }
              resource "aws_s3_bucket_server_side_encryption_configuration" "data" {
                bucket = aws_s3_bucket.data.id
                rule {
                  apply_server_side_encryption_by_default {
                    sse_algorithm = "aws:kms"
                  }
                }
              }
            - |
              resource "aws_s3_bucket" "legacy" {
                bucket = "legacy"
                server_side_encryption_configuration {
                  rule {
                    apply_server_side_encryption_by_default {
                      sse_algorithm = "AES256"
                    }
                  }
                }
              }

        """#),
        ("rules/s3/aws-s3-bucket-public-access-block.yml", #"""
        id: aws-s3-bucket-public-access-block
        title: S3 bucket has a public access block
        severity: high
        category: security-hardening
        applies_to: [aws_s3_bucket]
        message: "`{address}` has no `aws_s3_bucket_public_access_block`"
        improvement: "Added a public access block to `{address}`"
        remediation: >-
          Add an `aws_s3_bucket_public_access_block` whose `bucket` refers to this bucket, with
          `block_public_acls`, `block_public_policy`, `ignore_public_acls` and
          `restrict_public_buckets` all `true`.
        references:
          checkov: CKV2_AWS_6
          trivy: [AVD-AWS-0094]
          links: https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html
        check:
          cond_type: connection
          resource_types: [aws_s3_bucket]
          connected_resource_types: [aws_s3_bucket_public_access_block]
          operator: exists
        examples:
          fail: |
            ⚑resource "aws_s3_bucket" "data" {
              bucket = "data"
            }
          pass: |
            resource "aws_s3_bucket" "data" {
              bucket = "data"
            }
            resource "aws_s3_bucket_public_access_block" "data" {
              bucket                  = aws_s3_bucket.data.id
              block_public_acls       = true
              block_public_policy     = true
              ignore_public_acls      = true
              restrict_public_buckets = true
            }

        """#),
        ("rules/s3/aws-s3-bucket-public-acl.yml", #"""
        id: aws-s3-bucket-public-acl
        title: S3 bucket ACL does not grant public access
        severity: critical
        category: security-hardening
        applies_to: [aws_s3_bucket, aws_s3_bucket_acl]
        message: "`{address}` grants public access with the canned ACL {value}"
        improvement: "Removed the public ACL from `{address}`"
        remediation: >-
          Use `private` (or no ACL with `object_ownership = "BucketOwnerEnforced"`), and serve public
          content through CloudFront with an origin access control instead.
        references:
          checkov: [CKV_AWS_20, CKV_AWS_57]
          trivy: AVD-AWS-0092
          links: https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html#canned-acl
        check:
          attribute: acl
          operator: not_within
          value: [public-read, public-read-write, authenticated-read]
        examples:
          fail:
            - |
              resource "aws_s3_bucket" "site" {
                bucket = "site"
                acl    = ⚑"public-read"
              }
            - |
              resource "aws_s3_bucket_acl" "site" {
                bucket = "site"
                acl    = ⚑"public-read-write"
              }
          pass:
            - |
              resource "aws_s3_bucket_acl" "site" {
                bucket = "site"
                acl    = "private"
              }
            - |
              variable "acl" {
                type = string
              }
              resource "aws_s3_bucket_acl" "site" {
                bucket = "site"
                acl    = var.acl
              }

        """#),
        ("rules/secretsmanager/aws-secretsmanager-secret-cmk.yml", #"""
        id: aws-secretsmanager-secret-cmk
        title: Secrets Manager secret is encrypted with a customer-managed KMS key
        severity: medium
        category: security-hardening
        applies_to: [aws_secretsmanager_secret]
        message: "`{address}` is encrypted with the AWS-managed key, not a customer-managed KMS key (`kms_key_id`)"
        improvement: "Encrypted the secret `{address}` with a customer-managed KMS key"
        remediation: >-
          Set `kms_key_id` to a customer-managed `aws_kms_key`, so reading the secret also needs
          `kms:Decrypt` on a key whose policy you control (and cross-account access becomes possible).
        references:
          checkov: CKV_AWS_149
          trivy: AVD-AWS-0098
          links: https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html
        check:
          attribute: kms_key_id
          operator: exists
        examples:
          fail: |
            ⚑resource "aws_secretsmanager_secret" "db" {
              name = "db-password"
            }
          pass: |
            resource "aws_kms_key" "secrets" {}
            resource "aws_secretsmanager_secret" "db" {
              name       = "db-password"
              kms_key_id = aws_kms_key.secrets.arn
            }

        """#),
        ("rules/terraform/terraform-critical-resource-output.yml", #"""
        id: terraform-critical-resource-output
        title: Critical resources are exposed as outputs
        severity: low
        category: infrastructure-architecture
        applies_to: [aws_lambda_function, aws_api_gateway_rest_api, aws_apigatewayv2_api, aws_dynamodb_table]
        message: "No output exposes `{address}`: tests and other stacks must hard-code its name"
        improvement: "Exposed `{address}` as an output"
        remediation: >-
          Add an `output` with the resource's name or ARN (for an API, its invoke URL) and a
          description, so integration tests and dependent stacks can find it.
        references:
          links: https://developer.hashicorp.com/terraform/language/values/outputs
        check:
          coded: critical-resource-output
        examples:
          fail: |
            ⚑resource "aws_dynamodb_table" "orders" {
              name     = "orders"
              hash_key = "id"
            }
            ⚑resource "aws_lambda_function" "api" {
              function_name = "api"
              environment {
                variables = { TABLE = aws_dynamodb_table.orders.name }
              }
            }
          pass: |
            resource "aws_api_gateway_rest_api" "api" {
              name = "orders"
            }
            resource "aws_api_gateway_stage" "prod" {
              rest_api_id   = aws_api_gateway_rest_api.api.id
              stage_name    = "prod"
              deployment_id = "d1"
            }
            resource "aws_lambda_function" "api" {
              function_name = "api"
            }
            locals {
              function = aws_lambda_function.api
            }
            output "api_url" {
              description = "Invoke URL"
              value       = aws_api_gateway_stage.prod.invoke_url
            }
            output "function_name" {
              description = "The API function"
              value       = local.function.function_name
            }

        """#),
        ("rules/terraform/terraform-deprecated-interpolation.yml", #"""
        id: terraform-deprecated-interpolation
        title: Expressions are written without interpolation-only strings
        severity: low
        category: code-quality
        applies_to: ["*"]
        message: "`{address}` wraps a single expression in `\"${...}\"` at `{attribute}`; write `{replacement}`"
        improvement: "Removed the deprecated interpolation syntax from `{address}`"
        remediation: Write the expression itself (`var.x`) instead of `"${var.x}"`, the Terraform 0.11 form.
        references:
          tflint: terraform_deprecated_interpolation
          links: https://developer.hashicorp.com/terraform/language/expressions/strings#interpolation
        fix:
          replace-value: "{replacement}"
        check:
          coded: deprecated-interpolation
        examples:
          fail: |
            variable "table" {
              type = string
            }
            resource "aws_lambda_function" "f" {
              function_name = ⚑"${var.table}"
              environment {
                variables = {
                  TABLE = ⚑"${var.table}"
                  LABEL = "table-${var.table}"
                }
              }
            }
          pass: |
            variable "table" {
              type = string
            }
            resource "aws_lambda_function" "f" {
              function_name = var.table
              description   = "reads ${var.table}"
            }

        """#),
        ("rules/terraform/terraform-output-description.yml", #"""
        id: terraform-output-description
        title: Output has a description
        severity: low
        category: code-quality
        applies_to: [output]
        message: "`{address}` has no description"
        improvement: "Documented `{address}`"
        remediation: Add a `description` that says what the value is and who consumes it.
        references:
          tflint: terraform_documented_outputs
          links: https://developer.hashicorp.com/terraform/language/values/outputs#description-output-documentation
        check:
          attribute: description
          operator: is_not_empty
        examples:
          fail: |
            ⚑output "api_url" {
              value = "https://example.com"
            }
          pass: |
            output "api_url" {
              value       = "https://example.com"
              description = "Base URL of the public API"
            }

        """#),
        ("rules/terraform/terraform-required-providers.yml", #"""
        id: terraform-required-providers
        title: Providers are pinned in required_providers
        severity: medium
        category: code-quality
        applies_to: [terraform, provider]
        message: "The provider `{provider}` has no version constraint in `required_providers` ({address})"
        improvement: "Pinned the version of the provider `{provider}`"
        remediation: >-
          Declare every provider in `terraform { required_providers { ... } }` with a `source` and a
          `version` constraint such as `"~> 5.0"`, and commit `.terraform.lock.hcl`.
        references:
          tflint: terraform_required_providers
          links: https://developer.hashicorp.com/terraform/language/providers/requirements
        check:
          coded: required-providers
        examples:
          fail:
            - |
              terraform {
                required_providers {
                  aws = ⚑{
                    source = "hashicorp/aws"
                  }
                  archive = {
                    source  = "hashicorp/archive"
                    version = "~> 2.4"
                  }
                }
              }
            - |
              ⚑provider "aws" {
                region = "us-east-1"
              }
          pass: |
            terraform {
              required_providers {
                aws = {
                  source  = "hashicorp/aws"
                  version = "~> 5.0"
                }
              }
            }
            provider "aws" {
              region = "us-east-1"
            }

        """#),
        ("rules/terraform/terraform-resource-name-prefix.yml", #"""
        id: terraform-resource-name-prefix
        title: Resource names are built from the module's shared name prefix
        severity: low
        category: code-quality
        applies_to: ["*"]
        message: "`{address}` hard-codes its `{argument}` as {value} while other resources build theirs from `{prefix}`"
        improvement: "Built the name of `{address}` from `{prefix}`"
        remediation: >-
          Build the name from the shared prefix (`"${local.name_prefix}-orders"`) so every environment
          and every copy of the stack gets distinct, recognisable names.
        references:
          links: https://developer.hashicorp.com/terraform/language/values/locals
        check:
          coded: resource-name-prefix
        examples:
          fail: |
            locals {
              name_prefix = "orders-prod"
            }
            resource "aws_lambda_function" "api" {
              function_name = "${local.name_prefix}-api"
            }
            resource "aws_sqs_queue" "jobs" {
              name = ⚑"jobs"
            }
          pass:
            - |
              locals {
                name_prefix = "orders-prod"
              }
              resource "aws_lambda_function" "api" {
                function_name = "${local.name_prefix}-api"
              }
              resource "aws_sqs_queue" "jobs" {
                name = "${local.name_prefix}-jobs"
              }
            - |
              resource "aws_sqs_queue" "jobs" {
                name = "jobs"
              }

        """#),
        ("rules/terraform/terraform-resource-tags.yml", #"""
        id: terraform-resource-tags
        title: Taggable resources are tagged
        severity: low
        category: code-quality
        applies_to:
          - aws_lambda_function
          - aws_iam_role
          - aws_iam_policy
          - aws_s3_bucket
          - aws_dynamodb_table
          - aws_sqs_queue
          - aws_sns_topic
          - aws_kms_key
          - aws_secretsmanager_secret
          - aws_cloudwatch_log_group
          - aws_cloudwatch_metric_alarm
          - aws_cloudwatch_event_rule
          - aws_api_gateway_rest_api
          - aws_api_gateway_stage
          - aws_apigatewayv2_api
          - aws_apigatewayv2_stage
          - aws_sfn_state_machine
          - aws_ecr_repository
          - aws_cognito_user_pool
          - aws_wafv2_web_acl
          - aws_kinesis_stream
          - aws_ssm_parameter
          - aws_vpc
          - aws_subnet
          - aws_security_group
          - aws_lambda_event_source_mapping
        message: "`{address}` has no tags, and its provider sets no `default_tags`"
        improvement: "Tagged `{address}`"
        remediation: >-
          Set `default_tags { tags = local.tags }` on the AWS provider (owner, environment, project,
          cost centre) so every resource is tagged, or add `tags = local.tags` to the resource.
        references:
          links: https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html
        check:
          coded: resource-tags
        examples:
          fail:
            - |
              ⚑resource "aws_sqs_queue" "jobs" {
                name = "jobs"
              }
            - |
              resource "aws_sns_topic" "alerts" {
                name = "alerts"
                tags = ⚑{}
              }
          pass:
            - |
              locals {
                tags = { Project = "orders", Environment = "prod" }
              }
              resource "aws_sqs_queue" "jobs" {
                name = "jobs"
                tags = local.tags
              }
            - |
              provider "aws" {
                region = "us-east-1"
                default_tags {
                  tags = { Project = "orders" }
                }
              }
              resource "aws_sqs_queue" "jobs" {
                name = "jobs"
              }

        """#),
        ("rules/terraform/terraform-variable-default-secret.yml", #"""
        id: terraform-variable-default-secret
        title: Variable defaults hold no secrets
        severity: critical
        category: security-hardening
        applies_to: [variable]
        message: "`{address}` has {secret} as its default: the secret is committed to the repository"
        improvement: "Removed the secret default from `{address}`"
        remediation: >-
          Remove the default and mark the variable `sensitive = true`; supply the value at apply time
          (a `TF_VAR_` environment variable from the CI secret store) or read it from Secrets Manager
          with a data source. Rotate the exposed value, which stays in the Git history.
        references:
          links: https://developer.hashicorp.com/terraform/tutorials/configuration-language/sensitive-variables
        check:
          coded: variable-default-secret
        examples:
          fail:
            - |
              variable "db_password" {
                type      = string
                sensitive = true
                default   = ⚑"s3cr3t-passw0rd"
              }
            - |
              variable "upstream" {
                type    = string
                default = ⚑"ghp_abcdefghijklmnopqrstuvwxyz0123456789"
              }
          pass:
            - |
              variable "db_password" {
                type      = string
                sensitive = true
              }
              variable "db_password_parameter" {
                type    = string
                default = "/prod/db/password"
              }
              variable "token_ttl" {
                type    = number
                default = 3600
              }

        """#),
        ("rules/terraform/terraform-variable-description.yml", #"""
        id: terraform-variable-description
        title: Variable has a description
        severity: low
        category: code-quality
        applies_to: [variable]
        message: "`{address}` has no description"
        improvement: "Documented `{address}`"
        remediation: Add a `description` that says what the value is for and what values are accepted.
        references:
          tflint: terraform_documented_variables
          links: https://developer.hashicorp.com/terraform/language/values/variables#input-variable-documentation
        check:
          attribute: description
          operator: is_not_empty
        examples:
          fail:
            - |
              ⚑variable "region" {
                type = string
              }
            - |
              variable "region" {
                type        = string
                description = ⚑""
              }
          pass: |
            variable "region" {
              type        = string
              description = "AWS region to deploy into"
            }

        """#),
        ("rules/terraform/terraform-variable-type.yml", #"""
        id: terraform-variable-type
        title: Variable declares its type
        severity: low
        category: code-quality
        applies_to: [variable]
        message: "`{address}` has no `type`: any value is accepted"
        improvement: "Declared the type of `{address}`"
        remediation: Add a `type` constraint (`string`, `number`, `list(string)`, `object({...})`) so wrong values fail at plan time.
        references:
          tflint: terraform_typed_variables
          links: https://developer.hashicorp.com/terraform/language/values/variables#type-constraints
        check:
          coded: variable-type
        examples:
          fail: |
            ⚑variable "memory" {
              description = "Memory of the function, in MB"
              default     = 256
            }
          pass: |
            variable "memory" {
              description = "Memory of the function, in MB"
              type        = number
              default     = 256
            }

        """#),
    ]
}
