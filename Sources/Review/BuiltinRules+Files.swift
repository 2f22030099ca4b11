// Generated from rules/ by BuiltinRulesTests; do not edit.
// Regenerate: STACKREVIEW_UPDATE_GOLDEN=1 swift test --filter BuiltinRulesTests

extension BuiltinRules {
    /// The rule files under `rules/`, by repository path.
    public static let files: [(path: String, text: String)] = [
        ("rules/apigateway/aws-api-gateway-5xx-alarm.yml", #"""
        id: aws-api-gateway-5xx-alarm
        title: API has an alarm on server errors
        severity: medium
        category: operational-excellence
        applies_to: [aws_api_gateway_rest_api, aws_apigatewayv2_api]
        message: "No CloudWatch alarm watches the {metric} metric of `{address}`: server errors go unnoticed"
        improvement: "Added an alarm on the server errors of `{address}`"
        remediation: >-
          Add an `aws_cloudwatch_metric_alarm` with `namespace = "AWS/ApiGateway"`,
          `metric_name = "5XXError"` and `dimensions = { ApiName = aws_api_gateway_rest_api.x.name }`
          (for HTTP APIs, `metric_name = "5xx"` and `ApiId`).
        references:
          links: https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-metrics-and-dimensions.html
        check:
          coded: api-5xx-alarm
        examples:
          fail:
            - |
              ⚑resource "aws_api_gateway_rest_api" "api" {
                name = "orders"
              }
            - |
              ⚑resource "aws_apigatewayv2_api" "http" {
                name          = "orders"
                protocol_type = "HTTP"
              }
          pass:
            - |
              resource "aws_api_gateway_rest_api" "api" {
                name = "orders"
              }
              resource "aws_cloudwatch_metric_alarm" "api_5xx" {
                alarm_name          = "orders-5xx"
                namespace           = "AWS/ApiGateway"
                metric_name         = "5XXError"
                comparison_operator = "GreaterThanThreshold"
                evaluation_periods  = 1
                period              = 60
                statistic           = "Sum"
                threshold           = 0
                dimensions = {
                  ApiName = aws_api_gateway_rest_api.api.name
                }
              }
            - |
              resource "aws_apigatewayv2_api" "http" {
                name          = "orders"
                protocol_type = "HTTP"
              }
              resource "aws_cloudwatch_metric_alarm" "api_5xx" {
                alarm_name          = "orders-5xx"
                namespace           = "AWS/ApiGateway"
                metric_name         = "5xx"
                comparison_operator = "GreaterThanThreshold"
                evaluation_periods  = 1
                period              = 60
                statistic           = "Sum"
                threshold           = 0
                dimensions = {
                  ApiId = aws_apigatewayv2_api.http.id
                }
              }

        """#),
        ("rules/apigateway/aws-api-gateway-cache-encryption.yml", #"""
        id: aws-api-gateway-cache-encryption
        title: API Gateway cache data is encrypted
        severity: medium
        category: security-hardening
        applies_to: [aws_api_gateway_method_settings]
        message: "`{address}` caches responses without encrypting them (`settings.cache_data_encrypted`)"
        improvement: "Encrypted the cached responses of `{address}`"
        remediation: Set `cache_data_encrypted = true` in `settings` wherever `caching_enabled = true`.
        references:
          checkov: CKV_AWS_308
          trivy: AVD-AWS-0002
          links: https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-caching.html
        check:
          or:
            - attribute: settings.caching_enabled
              operator: not_equals
              value: true
            - attribute: settings.cache_data_encrypted
              operator: is_true
        examples:
          fail: |
            resource "aws_api_gateway_method_settings" "all" {
              rest_api_id = "abc123"
              stage_name  = "prod"
              method_path = "*/*"
              settings {
                caching_enabled = ⚑true
              }
            }
          pass:
            - |
              resource "aws_api_gateway_method_settings" "all" {
                rest_api_id = "abc123"
                stage_name  = "prod"
                method_path = "*/*"
                settings {
                  caching_enabled      = true
                  cache_data_encrypted = true
                }
              }
            - |
              resource "aws_api_gateway_method_settings" "all" {
                rest_api_id = "abc123"
                stage_name  = "prod"
                method_path = "*/*"
                settings {
                  metrics_enabled = true
                }
              }

        """#),
        ("rules/apigateway/aws-api-gateway-create-before-destroy.yml", #"""
        id: aws-api-gateway-create-before-destroy
        title: REST API is replaced without downtime
        severity: low
        category: infrastructure-architecture
        applies_to: [aws_api_gateway_rest_api]
        message: "`{address}` is destroyed before its replacement is created (no `create_before_destroy`)"
        improvement: "Made `{address}` create its replacement before destroying it"
        remediation: Add `lifecycle { create_before_destroy = true }` so a replacement API exists before the old one goes away.
        references:
          checkov: CKV_AWS_237
          links: https://developer.hashicorp.com/terraform/language/meta-arguments/lifecycle#create_before_destroy
        fix:
          add-to-block: |
            lifecycle {
              create_before_destroy = true
            }
        check:
          attribute: lifecycle.create_before_destroy
          operator: is_true
        examples:
          fail: |
            ⚑resource "aws_api_gateway_rest_api" "api" {
              name = "orders"
            }
          pass: |
            resource "aws_api_gateway_rest_api" "api" {
              name = "orders"
              lifecycle {
                create_before_destroy = true
              }
            }

        """#),
        ("rules/apigateway/aws-api-gateway-data-trace.yml", #"""
        id: aws-api-gateway-data-trace
        title: API Gateway does not log full request and response data
        severity: medium
        category: security-hardening
        applies_to: [aws_api_gateway_method_settings]
        message: "`{address}` logs full requests and responses (`data_trace_enabled = true`), which can write secrets and personal data to CloudWatch"
        improvement: "Turned off data tracing in `{address}`"
        remediation: Set `data_trace_enabled = false` in production and use access logs with a chosen `format` instead.
        references:
          checkov: CKV_AWS_276
          links: https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html
        fix:
          replace-value: "false"
        check:
          attribute: settings.data_trace_enabled
          operator: not_equals
          value: true
        examples:
          fail: |
            resource "aws_api_gateway_method_settings" "all" {
              rest_api_id = "abc123"
              stage_name  = "prod"
              method_path = "*/*"
              settings {
                logging_level      = "INFO"
                data_trace_enabled = ⚑true
              }
            }
          pass: |
            resource "aws_api_gateway_method_settings" "all" {
              rest_api_id = "abc123"
              stage_name  = "prod"
              method_path = "*/*"
              settings {
                logging_level = "ERROR"
              }
            }

        """#),
        ("rules/apigateway/aws-api-gateway-domain-tls.yml", #"""
        id: aws-api-gateway-domain-tls
        title: API Gateway custom domain requires TLS 1.2
        severity: high
        category: security-hardening
        applies_to: [aws_api_gateway_domain_name, aws_apigatewayv2_domain_name]
        message: "`{address}` accepts TLS versions older than 1.2"
        improvement: "Required TLS 1.2 on the custom domain `{address}`"
        remediation: >-
          Set `security_policy = "TLS_1_2"` (for v2 domains, inside `domain_name_configuration`).
        references:
          checkov: CKV_AWS_206
          trivy: AVD-AWS-0005
          links: https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-custom-domain-tls-version.html
        check:
          and:
            - resource_types: [aws_api_gateway_domain_name]
              attribute: security_policy
              operator: equals
              value: TLS_1_2
            - resource_types: [aws_apigatewayv2_domain_name]
              attribute: domain_name_configuration.security_policy
              operator: equals
              value: TLS_1_2
        examples:
          fail:
            - |
              resource "aws_api_gateway_domain_name" "api" {
                domain_name              = "api.example.com"
                regional_certificate_arn = "arn:aws:acm:us-east-1:123456789012:certificate/abc"
                security_policy          = ⚑"TLS_1_0"
              }
            - |
              ⚑resource "aws_api_gateway_domain_name" "api" {
                domain_name              = "api.example.com"
                regional_certificate_arn = "arn:aws:acm:us-east-1:123456789012:certificate/abc"
              }
          pass:
            - |
              resource "aws_api_gateway_domain_name" "api" {
                domain_name              = "api.example.com"
                regional_certificate_arn = "arn:aws:acm:us-east-1:123456789012:certificate/abc"
                security_policy          = "TLS_1_2"
              }
            - |
              resource "aws_apigatewayv2_domain_name" "api" {
                domain_name = "api.example.com"
                domain_name_configuration {
                  certificate_arn = "arn:aws:acm:us-east-1:123456789012:certificate/abc"
                  endpoint_type   = "REGIONAL"
                  security_policy = "TLS_1_2"
                }
              }

        """#),
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
            resource "aws_api_gateway_method" "get" {
              rest_api_id   = "abc123"
              resource_id   = "r1"
              http_method   = "GET"
              authorization = ⚑"NONE"
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
            - |
              variable "authorization" {
                type = string
              }
              resource "aws_api_gateway_method" "get" {
                rest_api_id   = "abc123"
                resource_id   = "r1"
                http_method   = "GET"
                authorization = var.authorization
              }

        """#),
        ("rules/apigateway/aws-api-gateway-method-request-validation.yml", #"""
        id: aws-api-gateway-method-request-validation
        title: API Gateway method validates requests
        severity: low
        category: security-hardening
        applies_to: [aws_api_gateway_method]
        message: "`{address}` passes requests to the backend without validating them (`request_validator_id`)"
        improvement: "Added request validation to `{address}`"
        remediation: >-
          Create an `aws_api_gateway_request_validator` (body and parameters) and set
          `request_validator_id`, with request models or required parameters, so malformed requests
          are rejected before they reach the function. `OPTIONS` methods are exempt, unlike in
          checkov's CKV2_AWS_53: a CORS preflight carries no body and no parameters to validate.
        references:
          checkov: CKV2_AWS_53
          links: https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-method-request-validation.html
        check:
          or:
            - attribute: request_validator_id
              operator: exists
            - attribute: http_method
              operator: equals
              value: OPTIONS
        examples:
          fail: |
            ⚑resource "aws_api_gateway_method" "post" {
              rest_api_id   = "abc123"
              resource_id   = "r1"
              http_method   = "POST"
              authorization = "AWS_IAM"
            }
          pass:
            - |
              resource "aws_api_gateway_request_validator" "all" {
                name                        = "all"
                rest_api_id                 = "abc123"
                validate_request_body       = true
                validate_request_parameters = true
              }
              resource "aws_api_gateway_method" "post" {
                rest_api_id          = "abc123"
                resource_id          = "r1"
                http_method          = "POST"
                authorization        = "AWS_IAM"
                request_validator_id = aws_api_gateway_request_validator.all.id
              }
            - |
              resource "aws_api_gateway_method" "preflight" {
                rest_api_id   = "abc123"
                resource_id   = "r1"
                http_method   = "OPTIONS"
                authorization = "NONE"
              }

        """#),
        ("rules/apigateway/aws-api-gateway-method-settings-cache.yml", #"""
        id: aws-api-gateway-method-settings-cache
        title: API Gateway method settings enable caching
        severity: low
        category: infrastructure-architecture
        applies_to: [aws_api_gateway_method_settings]
        message: "`{address}` does not enable caching (`settings.caching_enabled`)"
        improvement: "Enabled caching in the method settings `{address}`"
        remediation: Set `caching_enabled = true` (with `cache_ttl_in_seconds`) in `settings` for methods whose responses can be cached.
        references:
          checkov: CKV_AWS_225
          links: https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-caching.html
        check:
          attribute: settings.caching_enabled
          operator: is_true
        examples:
          fail: |
            resource "aws_api_gateway_method_settings" "all" {
              rest_api_id = "abc123"
              stage_name  = "prod"
              method_path = "*/*"
              ⚑settings {
                metrics_enabled = true
              }
            }
          pass: |
            resource "aws_api_gateway_method_settings" "all" {
              rest_api_id = "abc123"
              stage_name  = "prod"
              method_path = "*/*"
              settings {
                caching_enabled      = true
                cache_data_encrypted = true
              }
            }

        """#),
        ("rules/apigateway/aws-api-gateway-method-settings-logging.yml", #"""
        id: aws-api-gateway-method-settings-logging
        title: API Gateway method settings turn on execution logging and metrics
        severity: low
        category: operational-excellence
        applies_to: [aws_api_gateway_method_settings]
        message: "`{address}` does not log executions and publish detailed metrics (`logging_level` ERROR or INFO, `metrics_enabled`)"
        improvement: "Turned on execution logging and metrics in `{address}`"
        remediation: Set `logging_level = "ERROR"` (or `"INFO"`) and `metrics_enabled = true` in `settings`.
        references:
          checkov: CKV2_AWS_4
          links: https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-metrics-and-dimensions.html
        check:
          and:
            - attribute: settings.logging_level
              operator: within
              value: [ERROR, INFO]
            - attribute: settings.metrics_enabled
              operator: is_true
        examples:
          fail:
            - |
              resource "aws_api_gateway_stage" "prod" {
                stage_name    = "prod"
                rest_api_id   = "abc123"
                deployment_id = "d1"
              }
              resource "aws_api_gateway_method_settings" "all" {
                rest_api_id = "abc123"
                stage_name  = aws_api_gateway_stage.prod.stage_name
                method_path = "*/*"
                settings {
                  logging_level   = ⚑"OFF"
                  metrics_enabled = true
                }
              }
            - |
              resource "aws_api_gateway_stage" "prod" {
                stage_name    = "prod"
                rest_api_id   = "abc123"
                deployment_id = "d1"
              }
              resource "aws_api_gateway_method_settings" "all" {
                rest_api_id = "abc123"
                stage_name  = aws_api_gateway_stage.prod.stage_name
                method_path = "*/*"
                ⚑settings {
                  logging_level = "INFO"
                }
              }
          pass: |
            resource "aws_api_gateway_stage" "prod" {
              stage_name    = "prod"
              rest_api_id   = "abc123"
              deployment_id = "d1"
            }
            resource "aws_api_gateway_method_settings" "all" {
              rest_api_id = "abc123"
              stage_name  = aws_api_gateway_stage.prod.stage_name
              method_path = "*/*"
              settings {
                logging_level   = "ERROR"
                metrics_enabled = true
              }
            }

        """#),
        ("rules/apigateway/aws-api-gateway-options-method-public.yml", #"""
        id: aws-api-gateway-options-method-public
        title: OPTIONS method of a public REST API requires authorization or an API key
        severity: medium
        category: security-hardening
        applies_to: [aws_api_gateway_method]
        message: "`{address}` is an `OPTIONS` method without authorization or API key on `{api}`, whose resource policy lets anyone invoke it"
        improvement: "Protected the `OPTIONS` method `{address}`"
        remediation: >-
          Set `api_key_required = true` or an `authorization` on the method, make the API `PRIVATE`,
          or limit the API's resource policy with a condition (`aws:SourceVpce`, `aws:SourceIp`).
          Plain CORS preflight methods on APIs without a public resource policy are not flagged;
          stackreview does not judge a method whose API has no resource policy it can read (checkov
          reports those as unknown too).
        references:
          checkov: CKV2_AWS_70
          links: https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-resource-policies.html
        check:
          coded: api-options-method-public
        examples:
          fail:
            - |
              resource "aws_api_gateway_rest_api" "orders" {
                name = "orders"
                policy = jsonencode({
                  Version = "2012-10-17"
                  Statement = [{
                    Effect    = "Allow"
                    Principal = "*"
                    Action    = "execute-api:Invoke"
                    Resource  = "*"
                  }]
                })
              }
              resource "aws_api_gateway_method" "preflight" {
                rest_api_id   = aws_api_gateway_rest_api.orders.id
                resource_id   = aws_api_gateway_rest_api.orders.root_resource_id
                http_method   = "OPTIONS"
                authorization = ⚑"NONE"
              }
          pass:
            - |
              resource "aws_api_gateway_rest_api" "orders" {
                name = "orders"
                policy = jsonencode({
                  Version = "2012-10-17"
                  Statement = [{
                    Effect    = "Allow"
                    Principal = "*"
                    Action    = "execute-api:Invoke"
                    Resource  = "*"
                  }]
                })
              }
              resource "aws_api_gateway_method" "preflight" {
                rest_api_id      = aws_api_gateway_rest_api.orders.id
                resource_id      = aws_api_gateway_rest_api.orders.root_resource_id
                http_method      = "OPTIONS"
                authorization    = "NONE"
                api_key_required = true
              }
            - |
              resource "aws_api_gateway_rest_api" "orders" {
                name = "orders"
                endpoint_configuration {
                  types = ["PRIVATE"]
                }
                policy = jsonencode({
                  Version = "2012-10-17"
                  Statement = [{
                    Effect    = "Allow"
                    Principal = "*"
                    Action    = "execute-api:Invoke"
                    Resource  = "*"
                  }]
                })
              }
              resource "aws_api_gateway_method" "preflight" {
                rest_api_id   = aws_api_gateway_rest_api.orders.id
                resource_id   = aws_api_gateway_rest_api.orders.root_resource_id
                http_method   = "OPTIONS"
                authorization = "NONE"
              }
            - |
              resource "aws_api_gateway_rest_api" "orders" {
                name = "orders"
              }
              resource "aws_api_gateway_rest_api_policy" "orders" {
                rest_api_id = aws_api_gateway_rest_api.orders.id
                policy = jsonencode({
                  Version = "2012-10-17"
                  Statement = [
                    { Effect = "Allow", Principal = "*", Action = "execute-api:Invoke", Resource = "*" },
                    { Effect = "Deny", Principal = "*", Action = "execute-api:Invoke", Resource = "*",
                      Condition = { NotIpAddress = { "aws:SourceIp" = ["203.0.113.0/24"] } } },
                  ]
                })
              }
              resource "aws_api_gateway_method" "preflight" {
                rest_api_id   = aws_api_gateway_rest_api.orders.id
                resource_id   = aws_api_gateway_rest_api.orders.root_resource_id
                http_method   = "OPTIONS"
                authorization = "NONE"
              }
            - |
              resource "aws_api_gateway_rest_api" "orders" {
                name = "orders"
              }
              resource "aws_api_gateway_method" "preflight" {
                rest_api_id   = aws_api_gateway_rest_api.orders.id
                resource_id   = aws_api_gateway_rest_api.orders.root_resource_id
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
        ("rules/apigateway/aws-api-gateway-stage-cache.yml", #"""
        id: aws-api-gateway-stage-cache
        title: API Gateway REST stage has a cache cluster
        severity: low
        category: infrastructure-architecture
        applies_to: [aws_api_gateway_stage]
        message: "`{address}` has no cache cluster: every request reaches the backend"
        improvement: "Enabled caching on the API stage `{address}`"
        remediation: >-
          For read-heavy APIs set `cache_cluster_enabled = true` with a `cache_cluster_size`, and
          enable caching per method in `aws_api_gateway_method_settings`; APIs whose responses are
          never cacheable can suppress this finding with that reason.
        references:
          checkov: CKV_AWS_120
          links: https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-caching.html
        check:
          attribute: cache_cluster_enabled
          operator: is_true
        examples:
          fail: |
            ⚑resource "aws_api_gateway_stage" "prod" {
              stage_name    = "prod"
              rest_api_id   = "abc123"
              deployment_id = "d1"
            }
          pass: |
            resource "aws_api_gateway_stage" "prod" {
              stage_name            = "prod"
              rest_api_id           = "abc123"
              deployment_id         = "d1"
              cache_cluster_enabled = true
              cache_cluster_size    = "0.5"
            }

        """#),
        ("rules/apigateway/aws-api-gateway-stage-client-certificate.yml", #"""
        id: aws-api-gateway-stage-client-certificate
        title: API Gateway REST stage presents a client certificate to its backend
        severity: low
        category: security-hardening
        applies_to: [aws_api_gateway_stage]
        message: "`{address}` sends requests to its HTTP backend without a client certificate"
        improvement: "Gave the API stage `{address}` a client certificate"
        remediation: >-
          Create an `aws_api_gateway_client_certificate` and set `client_certificate_id`, so HTTP
          backends can verify that requests come from the API. Stages whose integrations are all Lambda
          functions can suppress this finding with that reason.
        references:
          checkov: CKV2_AWS_51
          links: https://docs.aws.amazon.com/apigateway/latest/developerguide/getting-started-client-side-ssl-authentication.html
        check:
          attribute: client_certificate_id
          operator: exists
        examples:
          fail: |
            ⚑resource "aws_api_gateway_stage" "prod" {
              stage_name    = "prod"
              rest_api_id   = "abc123"
              deployment_id = "d1"
            }
          pass: |
            resource "aws_api_gateway_client_certificate" "backend" {
              description = "backend"
            }
            resource "aws_api_gateway_stage" "prod" {
              stage_name            = "prod"
              rest_api_id           = "abc123"
              deployment_id         = "d1"
              client_certificate_id = aws_api_gateway_client_certificate.backend.id
            }

        """#),
        ("rules/apigateway/aws-api-gateway-stage-method-settings.yml", #"""
        id: aws-api-gateway-stage-method-settings
        title: API Gateway REST stage has method settings
        severity: low
        category: operational-excellence
        applies_to: [aws_api_gateway_stage]
        message: "`{address}` has no `aws_api_gateway_method_settings`: no execution logging or detailed metrics"
        improvement: "Added method settings with logging and metrics to `{address}`"
        remediation: >-
          Add an `aws_api_gateway_method_settings` for the stage with `method_path = "*/*"`,
          `logging_level = "ERROR"` (or `INFO`) and `metrics_enabled = true`.
        references:
          checkov: CKV2_AWS_4
          links: https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html
        check:
          cond_type: connection
          resource_types: [aws_api_gateway_stage]
          connected_resource_types: [aws_api_gateway_method_settings]
          operator: exists
        examples:
          fail: |
            ⚑resource "aws_api_gateway_stage" "prod" {
              stage_name    = "prod"
              rest_api_id   = "abc123"
              deployment_id = "d1"
            }
          pass: |
            resource "aws_api_gateway_stage" "prod" {
              stage_name    = "prod"
              rest_api_id   = "abc123"
              deployment_id = "d1"
            }
            resource "aws_api_gateway_method_settings" "all" {
              rest_api_id = "abc123"
              stage_name  = aws_api_gateway_stage.prod.stage_name
              method_path = "*/*"
              settings {
                logging_level   = "ERROR"
                metrics_enabled = true
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
        ("rules/apigateway/aws-api-gateway-stage-waf.yml", #"""
        id: aws-api-gateway-stage-waf
        title: API Gateway REST stage is protected by a WAF web ACL
        severity: medium
        category: security-hardening
        applies_to: [aws_api_gateway_stage]
        message: "`{address}` is not associated with a WAF web ACL"
        improvement: "Protected the API stage `{address}` with a WAF web ACL"
        remediation: >-
          Add an `aws_wafv2_web_acl_association` with `resource_arn = aws_api_gateway_stage.x.arn`
          and a web ACL using the AWS managed rule groups (common rule set, known bad inputs, rate
          limiting).
        references:
          checkov: CKV2_AWS_29
          links: https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-control-access-aws-waf.html
        check:
          cond_type: connection
          resource_types: [aws_api_gateway_stage]
          connected_resource_types: [aws_wafv2_web_acl_association, aws_waf_web_acl_association, aws_wafregional_web_acl_association]
          operator: exists
        examples:
          fail: |
            ⚑resource "aws_api_gateway_stage" "prod" {
              stage_name    = "prod"
              rest_api_id   = "abc123"
              deployment_id = "d1"
            }
          pass: |
            resource "aws_api_gateway_rest_api" "orders" {
              name = "orders"
              endpoint_configuration {
                types = ["REGIONAL"]
              }
            }
            resource "aws_api_gateway_stage" "prod" {
              stage_name    = "prod"
              rest_api_id   = aws_api_gateway_rest_api.orders.id
              deployment_id = "d1"
            }
            resource "aws_wafv2_web_acl_association" "prod" {
              resource_arn = aws_api_gateway_stage.prod.arn
              web_acl_arn  = "arn:aws:wafv2:us-east-1:123456789012:regional/webacl/api/abc"
            }

        """#),
        ("rules/apigateway/aws-apigatewayv2-route-authorization.yml", #"""
        id: aws-apigatewayv2-route-authorization
        title: API Gateway v2 route requires authorization
        severity: high
        category: security-hardening
        applies_to: [aws_apigatewayv2_route]
        message: "`{address}` lets anyone call the route: no `authorization_type`"
        improvement: "Required authorization on the route `{address}`"
        remediation: >-
          Set `authorization_type` to `JWT` (with an `authorizer_id`), `AWS_IAM` or `CUSTOM`. `OPTIONS`
          routes for CORS preflight are exempt, unlike in checkov's CKV_AWS_309: browsers send
          preflight requests without credentials, so an authorized `OPTIONS` route breaks CORS.
        references:
          checkov: CKV_AWS_309
          links: https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-access-control.html
        check:
          or:
            - attribute: authorization_type
              operator: within
              value: [AWS_IAM, CUSTOM, JWT]
            - attribute: route_key
              operator: starting_with
              value: "OPTIONS "
        examples:
          fail:
            - |
              ⚑resource "aws_apigatewayv2_route" "orders" {
                api_id    = "abc123"
                route_key = "GET /orders"
              }
            - |
              resource "aws_apigatewayv2_route" "orders" {
                api_id             = "abc123"
                route_key          = "POST /orders"
                authorization_type = ⚑"NONE"
              }
          pass:
            - |
              resource "aws_apigatewayv2_route" "orders" {
                api_id             = "abc123"
                route_key          = "GET /orders"
                authorization_type = "JWT"
                authorizer_id      = "auth1"
              }
            - |
              resource "aws_apigatewayv2_route" "preflight" {
                api_id    = "abc123"
                route_key = "OPTIONS /orders"
              }

        """#),
        ("rules/dynamodb/aws-dynamodb-autoscaling.yml", #"""
        id: aws-dynamodb-autoscaling
        title: Provisioned DynamoDB table scales automatically
        severity: low
        category: infrastructure-architecture
        applies_to: [aws_dynamodb_table]
        message: "`{address}` uses provisioned capacity without auto scaling"
        improvement: "Added auto scaling (or on-demand capacity) to `{address}`"
        remediation: >-
          Use `billing_mode = "PAY_PER_REQUEST"`, or add `aws_appautoscaling_target` and
          `aws_appautoscaling_policy` resources for the table's read and write capacity: a scalable
          target without a policy never changes the capacity.
        references:
          checkov: CKV2_AWS_16
          links: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/AutoScaling.html
        check:
          coded: dynamodb-autoscaling
        examples:
          fail:
            - |
              ⚑resource "aws_dynamodb_table" "orders" {
                name           = "orders"
                hash_key       = "id"
                read_capacity  = 5
                write_capacity = 5
              }
            - |
              ⚑resource "aws_dynamodb_table" "orders" {
                name           = "orders"
                hash_key       = "id"
                read_capacity  = 5
                write_capacity = 5
              }
              resource "aws_appautoscaling_target" "orders_read" {
                service_namespace  = "dynamodb"
                resource_id        = "table/${aws_dynamodb_table.orders.name}"
                scalable_dimension = "dynamodb:table:ReadCapacityUnits"
                min_capacity       = 5
                max_capacity       = 100
              }
          pass:
            - |
              resource "aws_dynamodb_table" "orders" {
                name         = "orders"
                hash_key     = "id"
                billing_mode = "PAY_PER_REQUEST"
              }
            - |
              resource "aws_dynamodb_table" "orders" {
                name           = "orders"
                hash_key       = "id"
                read_capacity  = 5
                write_capacity = 5
              }
              resource "aws_appautoscaling_target" "orders_read" {
                service_namespace  = "dynamodb"
                resource_id        = "table/${aws_dynamodb_table.orders.name}"
                scalable_dimension = "dynamodb:table:ReadCapacityUnits"
                min_capacity       = 5
                max_capacity       = 100
              }
              resource "aws_appautoscaling_policy" "orders_read" {
                name               = "orders-read"
                policy_type        = "TargetTrackingScaling"
                service_namespace  = aws_appautoscaling_target.orders_read.service_namespace
                resource_id        = aws_appautoscaling_target.orders_read.resource_id
                scalable_dimension = aws_appautoscaling_target.orders_read.scalable_dimension
                target_tracking_scaling_policy_configuration {
                  target_value = 70
                  predefined_metric_specification {
                    predefined_metric_type = "DynamoDBReadCapacityUtilization"
                  }
                }
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
          pass:
            - |
              resource "aws_dynamodb_table" "orders" {
                name         = "orders"
                billing_mode = "PAY_PER_REQUEST"
                hash_key     = "id"
                point_in_time_recovery {
                  enabled = true
                }
              }
            - |
              variable "pitr" {
                type = bool
              }
              resource "aws_dynamodb_table" "orders" {
                name     = "orders"
                hash_key = "id"
                point_in_time_recovery {
                  enabled = var.pitr
                }
              }

        """#),
        ("rules/handler/lambda-handler-assert.yml", #"""
        id: lambda-handler-assert
        title: Input is validated without assert
        severity: low
        category: lambda-handler
        applies_to: [python_handler]
        message: "`{address}` validates with `assert` at line {line}: the check disappears under `python -O`"
        improvement: "`{address}` no longer validates with `assert`"
        remediation: "Raise a specific error (`if \"orderId\" not in event: raise ValueError(...)`) or return a 400 response."
        references:
          bandit: [B101]
          links: https://bandit.readthedocs.io/en/latest/plugins/b101_assert_used.html
        check: { coded: handler-assert }
        examples:
          fail: |
            def lambda_handler(event, context):
                ⚑assert "orderId" in event, "missing orderId"
                return {"statusCode": 200, "body": event["orderId"]}
          pass: |
            def lambda_handler(event, context):
                if "orderId" not in event:
                    return {"statusCode": 400, "body": "missing orderId"}
                return {"statusCode": 200, "body": event["orderId"]}

        """#),
        ("rules/handler/lambda-handler-bare-except.yml", #"""
        id: lambda-handler-bare-except
        title: Handler names the exceptions it catches
        severity: medium
        category: lambda-handler
        applies_to: [python_handler]
        message: "`{address}` uses a bare `except:` at line {line}: it also catches SystemExit and KeyboardInterrupt and hides what failed"
        improvement: "`{address}` no longer uses a bare `except:`"
        remediation: Catch the exceptions you expect (`except ClientError as error:`), or at least `except Exception:`, and log them.
        references:
          links:
            - https://www.flake8rules.com/rules/E722.html
            - https://docs.python.org/3/tutorial/errors.html#handling-exceptions
        check: { coded: handler-bare-except }
        examples:
          fail: |
            import boto3

            table = boto3.resource("dynamodb").Table("orders")

            def lambda_handler(event, context):
                try:
                    table.put_item(Item=event)
                ⚑except:
                    return {"statusCode": 500, "body": "failed"}
                return {"statusCode": 201, "body": "created"}
          pass: |
            import boto3
            from botocore.exceptions import ClientError

            table = boto3.resource("dynamodb").Table("orders")

            def lambda_handler(event, context):
                try:
                    table.put_item(Item=event)
                except ClientError:
                    return {"statusCode": 500, "body": "failed"}
                return {"statusCode": 201, "body": "created"}

        """#),
        ("rules/handler/lambda-handler-client-in-handler.yml", #"""
        id: lambda-handler-client-in-handler
        title: AWS SDK clients are created at module level
        severity: medium
        category: lambda-handler
        applies_to: [python_handler]
        message: "`{address}` creates an AWS SDK {service} client on every invocation (line {line})"
        improvement: "`{address}` now reuses a module-level {service} client"
        remediation: Create the client once at module level (`s3 = boto3.client("s3")`) so warm invocations reuse it and its connections.
        references:
          links: https://docs.aws.amazon.com/lambda/latest/dg/best-practices.html#function-code
        check: { coded: handler-client-in-handler }
        examples:
          fail: |
            import boto3

            def lambda_handler(event, context):
                s3 = ⚑boto3.client("s3")
                table = ⚑boto3.resource("dynamodb").Table("orders")
                return s3.list_objects_v2(Bucket=table.name)
          pass: |
            import boto3

            s3 = boto3.client("s3")

            def lambda_handler(event, context):
                return s3.list_objects_v2(Bucket=event["bucket"])

        """#),
        ("rules/handler/lambda-handler-entry-point.yml", #"""
        id: lambda-handler-entry-point
        title: The handler attribute names a function the package has
        severity: high
        category: lambda-handler
        applies_to: [aws_lambda_function]
        message: "`{address}` names the handler `{handler}`, but {problem}: every invocation fails"
        improvement: "The handler `{handler}` of `{address}` now exists"
        remediation: Point `handler` at `<module path>.<function>` of a module-level function in the package (`app.handler` for `def handler` in `app.py` at the package root).
        references:
          links: https://docs.aws.amazon.com/lambda/latest/dg/python-handler.html
        check: { coded: handler-entry-point }
        examples:
          fail:
            - |
              data "archive_file" "orders" {
                type        = "zip"
                source_dir  = "src"
                output_path = "build/orders.zip"
              }

              resource "aws_lambda_function" "orders" {
                function_name = "orders"
                role          = "arn:aws:iam::123456789012:role/orders"
                runtime       = "python3.12"
                handler       = ⚑"app.lambda_handler"
                filename      = data.archive_file.orders.output_path
              }
              # file: src/app.py
              def handler(event, context):
                  return {"statusCode": 200, "body": "ok"}
            - |
              data "archive_file" "orders" {
                type        = "zip"
                source_dir  = "src"
                output_path = "build/orders.zip"
              }

              resource "aws_lambda_function" "orders" {
                function_name = "orders"
                role          = "arn:aws:iam::123456789012:role/orders"
                runtime       = "python3.12"
                handler       = ⚑"orders/api.handler"
                filename      = data.archive_file.orders.output_path
              }
              # file: src/app.py
              def handler(event, context):
                  return {"statusCode": 200, "body": "ok"}
          pass:
            - |
              data "archive_file" "orders" {
                type        = "zip"
                source_dir  = "src"
                output_path = "build/orders.zip"
              }

              resource "aws_lambda_function" "orders" {
                function_name = "orders"
                role          = "arn:aws:iam::123456789012:role/orders"
                runtime       = "python3.12"
                handler       = "orders.api.handler"
                filename      = data.archive_file.orders.output_path
              }
              # file: src/orders/api.py
              def handler(event, context):
                  return {"statusCode": 200, "body": "ok"}
            - |
              resource "aws_lambda_function" "orders" {
                function_name = "orders"
                role          = "arn:aws:iam::123456789012:role/orders"
                runtime       = "python3.12"
                handler       = "app.handler"
                filename      = "build/orders.zip"
              }

        """#),
        ("rules/handler/lambda-handler-environment-missing.yml", #"""
        id: lambda-handler-environment-missing
        title: Every environment variable the handler needs is set
        severity: high
        category: lambda-handler
        applies_to: [aws_lambda_function]
        message: "`{handler}` reads the environment variable `{variable}` (line {line}) without a default, but `{address}` does not set it"
        improvement: "`{address}` now sets `{variable}`, which its handler reads"
        remediation: Add the variable to `environment { variables = { ... } }`, or give the read a default (`os.environ.get("X", "default")`).
        references:
          links: https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html
        check: { coded: handler-environment-missing }
        examples:
          fail: |
            data "archive_file" "orders" {
              type        = "zip"
              source_dir  = "src"
              output_path = "build/orders.zip"
            }

            resource "aws_lambda_function" "orders" {
              function_name = "orders"
              role          = "arn:aws:iam::123456789012:role/orders"
              runtime       = "python3.12"
              handler       = "app.handler"
              filename      = data.archive_file.orders.output_path
              environment {
                variables = ⚑{
                  TABLE_NAME = "orders"
                }
              }
            }
            # file: src/app.py
            import os

            TABLE = os.environ["TABLE_NAME"]
            QUEUE = os.getenv("QUEUE_URL")
            STAGE = os.environ.get("STAGE", "dev")
            REGION = os.environ["AWS_REGION"]

            def handler(event, context):
                return {"statusCode": 200, "body": TABLE + QUEUE + STAGE + REGION}
          pass:
            - |
              data "archive_file" "orders" {
                type        = "zip"
                source_dir  = "src"
                output_path = "build/orders.zip"
              }

              resource "aws_lambda_function" "orders" {
                function_name = "orders"
                role          = "arn:aws:iam::123456789012:role/orders"
                runtime       = "python3.12"
                handler       = "app.handler"
                filename      = data.archive_file.orders.output_path
                environment {
                  variables = {
                    TABLE_NAME = "orders"
                    QUEUE_URL  = "https://sqs.eu-west-1.amazonaws.com/123456789012/orders"
                  }
                }
              }
              # file: src/app.py
              import os

              def handler(event, context):
                  return {"statusCode": 200, "body": os.environ["TABLE_NAME"] + os.getenv("QUEUE_URL")}
            - |
              variable "settings" {
                type = map(string)
              }

              data "archive_file" "orders" {
                type        = "zip"
                source_dir  = "src"
                output_path = "build/orders.zip"
              }

              resource "aws_lambda_function" "orders" {
                function_name = "orders"
                role          = "arn:aws:iam::123456789012:role/orders"
                runtime       = "python3.12"
                handler       = "app.handler"
                filename      = data.archive_file.orders.output_path
                environment {
                  variables = var.settings
                }
              }
              # file: src/app.py
              import os

              def handler(event, context):
                  return {"statusCode": 200, "body": os.environ["TABLE_NAME"]}

        """#),
        ("rules/handler/lambda-handler-environment-unused.yml", #"""
        id: lambda-handler-environment-unused
        title: Every environment variable set is read by the code
        severity: low
        category: lambda-handler
        applies_to: [aws_lambda_function]
        message: "`{address}` sets the environment variable `{variable}`, which no file of its package reads"
        improvement: "`{address}` no longer sets the unused variable `{variable}`"
        remediation: Remove the variable, or read it where it was meant to be used.
        references:
          links: https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html
        check: { coded: handler-environment-unused }
        examples:
          fail: |
            data "archive_file" "orders" {
              type        = "zip"
              source_dir  = "src"
              output_path = "build/orders.zip"
            }

            resource "aws_lambda_function" "orders" {
              function_name = "orders"
              role          = "arn:aws:iam::123456789012:role/orders"
              runtime       = "python3.12"
              handler       = "app.handler"
              filename      = data.archive_file.orders.output_path
              environment {
                variables = {
                  TABLE_NAME   = "orders"
                  LEGACY_TOPIC = ⚑"arn:aws:sns:eu-west-1:123456789012:orders"
                  LOG_LEVEL    = "INFO"
                }
              }
            }
            # file: src/app.py
            import os

            def handler(event, context):
                return {"statusCode": 200, "body": os.environ["TABLE_NAME"]}
          pass: |
            data "archive_file" "orders" {
              type        = "zip"
              source_dir  = "src"
              output_path = "build/orders.zip"
            }

            resource "aws_lambda_function" "orders" {
              function_name = "orders"
              role          = "arn:aws:iam::123456789012:role/orders"
              runtime       = "python3.12"
              handler       = "app.handler"
              filename      = data.archive_file.orders.output_path
              environment {
                variables = {
                  TABLE_NAME = "orders"
                  SETTING    = "x"
                }
              }
            }
            # file: src/app.py
            import os

            def handler(event, context):
                settings = {key: os.environ[key] for key in ("TABLE_NAME", "SETTING")}
                return {"statusCode": 200, "body": str(settings)}

        """#),
        ("rules/handler/lambda-handler-error-detail.yml", #"""
        id: lambda-handler-error-detail
        title: Handler does not return internal error detail
        severity: medium
        category: lambda-handler
        applies_to: [python_handler]
        message: "`{address}` returns the exception or a traceback to its caller at line {line}: internal detail (paths, queries, resource names) leaks"
        improvement: "`{address}` no longer returns internal error detail"
        remediation: Log the exception with `logger.exception(...)` and return a generic message with a request id.
        references:
          links: https://owasp.org/www-community/Improper_Error_Handling
        check: { coded: handler-error-detail }
        examples:
          fail:
            - |
              import json

              def lambda_handler(event, context):
                  try:
                      return {"statusCode": 200, "body": json.dumps(process(event))}
                  except Exception as error:
                      return ⚑{"statusCode": 500, "body": json.dumps({"error": str(error)})}
            - |
              import traceback

              def lambda_handler(event, context):
                  try:
                      return process(event)
                  except ValueError:
                      return ⚑{"statusCode": 400, "body": traceback.format_exc()}
          pass: |
            import logging

            logger = logging.getLogger()

            def lambda_handler(event, context):
                try:
                    return process(event)
                except Exception as error:
                    logger.exception("processing failed: %s", error)
                    return {"statusCode": 500, "body": "internal error"}

        """#),
        ("rules/handler/lambda-handler-error-handling.yml", #"""
        id: lambda-handler-error-handling
        title: Handler catches the errors of its work
        severity: medium
        category: lambda-handler
        applies_to: [python_handler]
        message: "`{address}` has no try/except around its body: an unexpected error escapes to the Lambda runtime as a raw traceback"
        improvement: "`{address}` now handles the errors of its body"
        remediation: >-
          Wrap the handler's work in `try:` with `except` clauses for the errors you expect; log the
          error with `logger.exception(...)` and return (or raise) a deliberate error response.
        references:
          links: https://docs.aws.amazon.com/lambda/latest/dg/python-exceptions.html
        check: { coded: handler-error-handling }
        examples:
          fail: |
            import json

            def ⚑lambda_handler(event, context):
                order = json.loads(event["body"])
                return {"statusCode": 200, "body": json.dumps(order)}
          pass:
            - |
              import json
              import logging

              logger = logging.getLogger(__name__)

              def lambda_handler(event, context):
                  try:
                      order = json.loads(event["body"])
                  except (KeyError, ValueError):
                      logger.exception("malformed order")
                      return {"statusCode": 400, "body": "{}"}
                  return {"statusCode": 200, "body": json.dumps(order)}
            - |
              def health(event, context):
                  return {"statusCode": 200, "body": "ok"}

        """#),
        ("rules/handler/lambda-handler-eval.yml", #"""
        id: lambda-handler-eval
        title: Handler does not evaluate code
        severity: high
        category: lambda-handler
        applies_to: [python_handler]
        message: "`{address}` calls `{call}` at line {line}: input that reaches it runs as code"
        improvement: "`{address}` no longer calls `{call}`"
        remediation: Parse data with `json.loads` or `ast.literal_eval`; dispatch on a table of allowed operations instead of building code.
        references:
          bandit: [B307, B102]
          links: https://bandit.readthedocs.io/en/latest/blacklists/blacklist_calls.html#b307-eval
        check: { coded: handler-eval }
        examples:
          fail: |
            def lambda_handler(event, context):
                total = ⚑eval(event["expression"])
                ⚑exec(event["script"])
                return {"statusCode": 200, "body": str(total)}
          pass: |
            import ast

            def lambda_handler(event, context):
                total = ast.literal_eval(event["expression"])
                return {"statusCode": 200, "body": str(total)}

        """#),
        ("rules/handler/lambda-handler-event-logged.yml", #"""
        id: lambda-handler-event-logged
        title: Handler does not log the whole event
        severity: medium
        category: lambda-handler
        applies_to: [python_handler]
        message: "`{address}` logs the whole `{event}` at line {line}: request bodies, headers and tokens end up in CloudWatch"
        improvement: "`{address}` no longer logs the whole event"
        remediation: Log the fields you need (`event["requestContext"]["requestId"]`, an order id), never the event itself.
        references:
          links: https://docs.aws.amazon.com/lambda/latest/dg/python-logging.html
        check: { coded: handler-event-logged }
        examples:
          fail:
            - |
              import json
              import logging

              logger = logging.getLogger()

              def lambda_handler(event, context):
                  ⚑logger.info("received %s", json.dumps(event))
                  return {"statusCode": 200, "body": "ok"}
            - |
              def lambda_handler(event, context):
                  ⚑print(f"event: {event}")
                  return {"statusCode": 200, "body": "ok"}
          pass: |
            import logging

            logger = logging.getLogger()

            def lambda_handler(event, context):
                logger.info("request %s", event["requestContext"]["requestId"])
                return {"statusCode": 200, "body": "ok"}

        """#),
        ("rules/handler/lambda-handler-hardcoded-credential.yml", #"""
        id: lambda-handler-hardcoded-credential
        title: Handler code holds no credentials
        severity: critical
        category: lambda-handler
        applies_to: [python_handler]
        message: "`{address}` holds a hard-coded credential in `{variable}` ({literal}) at line {line}"
        improvement: "Removed the hard-coded credential in `{variable}` from `{address}`"
        remediation: >-
          Rotate the credential now, remove it from the code (and Git history), and read it at run
          time from Secrets Manager or an encrypted SSM parameter; use the function's role instead of
          access keys.
        references:
          bandit: [B105, B106]
          links: https://bandit.readthedocs.io/en/latest/plugins/b105_hardcoded_password_string.html
        check: { coded: handler-hardcoded-credential }
        examples:
          fail:
            - |
              import pymysql

              DB_PASSWORD = ⚑"s3cr3t-orders-2024"

              def lambda_handler(event, context):
                  return pymysql.connect(host="db", user="app", password=DB_PASSWORD)
            - |
              import boto3

              def lambda_handler(event, context):
                  s3 = boto3.client("s3", aws_access_key_id=⚑"AKIAIOSFODNN7EXAMPLE", aws_secret_access_key=⚑"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
                  return s3.list_buckets()
          pass: |
            import os

            DB_PASSWORD_PARAMETER = "/orders/db-password"
            PASSWORD_ENV = "DB_PASSWORD"

            def lambda_handler(event, context):
                password = os.environ[PASSWORD_ENV]
                token = ""
                return connect(password=password, token=token)

        """#),
        ("rules/handler/lambda-handler-iam-missing.yml", #"""
        id: lambda-handler-iam-missing
        title: The role allows every AWS call the handler makes
        severity: high
        category: lambda-handler
        applies_to: [aws_lambda_function]
        message: "`{handler}` calls `{call}` (line {line}), which needs `{action}`, but the role `{role}` of `{address}` does not allow it: the call fails with AccessDenied"
        improvement: "The role of `{address}` now allows `{action}`, which its handler needs"
        remediation: Add the action to a statement of the role's policy, scoped to the resources the handler uses.
        references:
          links: https://docs.aws.amazon.com/lambda/latest/dg/lambda-intro-execution-role.html
        check: { coded: handler-iam-missing }
        examples:
          fail: |
            data "archive_file" "orders" {
              type        = "zip"
              source_dir  = "src"
              output_path = "build/orders.zip"
            }

            resource "aws_iam_role" "orders" {
              name               = "orders"
              assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "lambda.amazonaws.com" } }] })
            }

            resource "aws_iam_role_policy" "orders" {
              role = aws_iam_role.orders.id
              policy = jsonencode({
                Version   = "2012-10-17"
                Statement = [{ Effect = "Allow", Action = ["dynamodb:GetItem"], Resource = "*" }]
              })
            }

            resource "aws_lambda_function" "orders" {
              function_name = "orders"
              role          = ⚑aws_iam_role.orders.arn
              runtime       = "python3.12"
              handler       = "app.handler"
              filename      = data.archive_file.orders.output_path
            }
            # file: src/app.py
            import boto3

            table = boto3.resource("dynamodb").Table("orders")

            def handler(event, context):
                table.put_item(Item=event)
                return table.get_item(Key={"id": event["id"]})
          pass:
            - |
              data "archive_file" "orders" {
                type        = "zip"
                source_dir  = "src"
                output_path = "build/orders.zip"
              }

              resource "aws_iam_role" "orders" {
                name               = "orders"
                assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "lambda.amazonaws.com" } }] })
              }

              resource "aws_iam_role_policy" "orders" {
                role = aws_iam_role.orders.id
                policy = jsonencode({
                  Version   = "2012-10-17"
                  Statement = [{ Effect = "Allow", Action = ["dynamodb:GetItem", "dynamodb:PutItem"], Resource = "*" }]
                })
              }

              resource "aws_lambda_function" "orders" {
                function_name = "orders"
                role          = aws_iam_role.orders.arn
                runtime       = "python3.12"
                handler       = "app.handler"
                filename      = data.archive_file.orders.output_path
              }
              # file: src/app.py
              import boto3

              table = boto3.resource("dynamodb").Table("orders")

              def handler(event, context):
                  table.put_item(Item=event)
                  return table.get_item(Key={"id": event["id"]})
            - |
              data "archive_file" "orders" {
                type        = "zip"
                source_dir  = "src"
                output_path = "build/orders.zip"
              }

              resource "aws_iam_role" "orders" {
                name               = "orders"
                assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "lambda.amazonaws.com" } }] })
              }

              resource "aws_iam_role_policy_attachment" "orders" {
                role       = aws_iam_role.orders.name
                policy_arn = "arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess"
              }

              resource "aws_lambda_function" "orders" {
                function_name = "orders"
                role          = aws_iam_role.orders.arn
                runtime       = "python3.12"
                handler       = "app.handler"
                filename      = data.archive_file.orders.output_path
              }
              # file: src/app.py
              import boto3

              table = boto3.resource("dynamodb").Table("orders")

              def handler(event, context):
                  return table.put_item(Item=event)

        """#),
        ("rules/handler/lambda-handler-iam-unused.yml", #"""
        id: lambda-handler-iam-unused
        title: The role allows only what the handler uses
        severity: low
        category: lambda-handler
        applies_to: [aws_lambda_function]
        message: "The role `{role}` of `{address}` allows {actions}, which no AWS call of `{handler}` needs"
        improvement: "The role of `{address}` no longer allows actions its handler does not use"
        remediation: Remove the unused actions from the role's policies (least privilege).
        references:
          links: https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege
        check: { coded: handler-iam-unused }
        examples:
          fail: |
            data "archive_file" "orders" {
              type        = "zip"
              source_dir  = "src"
              output_path = "build/orders.zip"
            }

            resource "aws_iam_role" "orders" {
              name               = "orders"
              assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "lambda.amazonaws.com" } }] })
            }

            resource "aws_iam_role_policy" "orders" {
              role = aws_iam_role.orders.id
              policy = jsonencode({
                Version = "2012-10-17"
                Statement = [
                  { Effect = "Allow", Action = ["s3:GetObject", "s3:DeleteObject", "sqs:SendMessage"], Resource = "*" },
                  { Effect = "Allow", Action = ["logs:CreateLogStream", "logs:PutLogEvents"], Resource = "*" },
                ]
              })
            }

            resource "aws_lambda_function" "orders" {
              function_name = "orders"
              role          = ⚑aws_iam_role.orders.arn
              runtime       = "python3.12"
              handler       = "app.handler"
              filename      = data.archive_file.orders.output_path
            }
            # file: src/app.py
            import boto3

            s3 = boto3.client("s3")

            def handler(event, context):
                return s3.get_object(Bucket="orders", Key=event["key"])
          pass: |
            data "archive_file" "orders" {
              type        = "zip"
              source_dir  = "src"
              output_path = "build/orders.zip"
            }

            resource "aws_iam_role" "orders" {
              name               = "orders"
              assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "lambda.amazonaws.com" } }] })
            }

            resource "aws_iam_role_policy" "orders" {
              role = aws_iam_role.orders.id
              policy = jsonencode({
                Version = "2012-10-17"
                Statement = [
                  { Effect = "Allow", Action = ["s3:GetObject"], Resource = "*" },
                  { Effect = "Allow", Action = ["logs:CreateLogStream", "logs:PutLogEvents"], Resource = "*" },
                ]
              })
            }

            resource "aws_lambda_function" "orders" {
              function_name = "orders"
              role          = aws_iam_role.orders.arn
              runtime       = "python3.12"
              handler       = "app.handler"
              filename      = data.archive_file.orders.output_path
            }
            # file: src/app.py
            import boto3

            s3 = boto3.client("s3")

            def handler(event, context):
                return s3.get_object(Bucket="orders", Key=event["key"])

        """#),
        ("rules/handler/lambda-handler-logger.yml", #"""
        id: lambda-handler-logger
        title: Handler file configures a logger at module level
        severity: low
        category: lambda-handler
        applies_to: [python_handler]
        message: "`{file}` configures no logger at module level: the handler's logs have no level control"
        improvement: "`{file}` now configures a module-level logger"
        remediation: Add `logger = logging.getLogger()` and `logger.setLevel(os.environ.get("LOG_LEVEL", "INFO"))` at module level.
        references:
          links: https://docs.aws.amazon.com/lambda/latest/dg/python-logging.html
        check: { coded: handler-logger }
        examples:
          fail: |
            ⚑import json

            def lambda_handler(event, context):
                return {"statusCode": 200, "body": json.dumps({"ok": True})}
          pass:
            - |
              import json
              import logging

              logger = logging.getLogger(__name__)

              def lambda_handler(event, context):
                  return {"statusCode": 200, "body": json.dumps({"ok": True})}
            - |
              from aws_lambda_powertools import Logger

              logger = Logger(service="orders")

              def lambda_handler(event, context):
                  return {"statusCode": 200, "body": "{}"}

        """#),
        ("rules/handler/lambda-handler-mktemp.yml", #"""
        id: lambda-handler-mktemp
        title: Temporary files are created safely
        severity: medium
        category: lambda-handler
        applies_to: [python_handler]
        message: "`{address}` calls `tempfile.mktemp` at line {line}: another process can create the file first"
        improvement: "`{address}` no longer uses `tempfile.mktemp`"
        remediation: Use `tempfile.NamedTemporaryFile()` or `tempfile.mkstemp()`.
        references:
          bandit: [B306]
          links: https://bandit.readthedocs.io/en/latest/blacklists/blacklist_calls.html#b306-mktemp-q
        check: { coded: handler-mktemp }
        examples:
          fail: |
            import tempfile

            def lambda_handler(event, context):
                path = ⚑tempfile.mktemp(suffix=".csv")
                return path
          pass: |
            import tempfile

            def lambda_handler(event, context):
                with tempfile.NamedTemporaryFile(suffix=".csv") as handle:
                    return handle.name

        """#),
        ("rules/handler/lambda-handler-pickle.yml", #"""
        id: lambda-handler-pickle
        title: Handler does not unpickle data
        severity: high
        category: lambda-handler
        applies_to: [python_handler]
        message: "`{address}` deserialises with `{call}` at line {line}: a crafted payload runs code"
        improvement: "`{address}` no longer unpickles data"
        remediation: Exchange data as JSON (`json.loads`), or sign and verify payloads before loading them.
        references:
          bandit: [B301]
          links: https://bandit.readthedocs.io/en/latest/blacklists/blacklist_calls.html#b301-pickle
        check: { coded: handler-pickle }
        examples:
          fail: |
            import base64
            import pickle

            def lambda_handler(event, context):
                return ⚑pickle.loads(base64.b64decode(event["body"]))
          pass: |
            import json

            def lambda_handler(event, context):
                return json.loads(event["body"])

        """#),
        ("rules/handler/lambda-handler-print.yml", #"""
        id: lambda-handler-print
        title: Handler logs through logging, not print
        severity: low
        category: lambda-handler
        applies_to: [python_handler]
        message: "`{address}` writes with `print` ({count} call(s), first at line {line}): no level, no request id, cannot be turned down"
        improvement: "`{address}` now logs through `logging` instead of `print`"
        remediation: Use a module-level `logger = logging.getLogger()` (or Powertools `Logger`) and `logger.info(...)`.
        references:
          links: https://docs.aws.amazon.com/lambda/latest/dg/python-logging.html
        check: { coded: handler-print }
        examples:
          fail: |
            def lambda_handler(event, context):
                ⚑print("processing order", event.get("orderId"))
                print("done")
                return {"statusCode": 200, "body": "ok"}
          pass: |
            import logging

            logger = logging.getLogger()

            def lambda_handler(event, context):
                logger.info("processing order %s", event.get("orderId"))
                return {"statusCode": 200, "body": "ok"}

        """#),
        ("rules/handler/lambda-handler-request-timeout.yml", #"""
        id: lambda-handler-request-timeout
        title: HTTP requests have a timeout
        severity: medium
        category: lambda-handler
        applies_to: [python_handler]
        message: "`{address}` calls `{call}` without a timeout at line {line}: a slow server holds the function until Lambda kills it"
        improvement: "`{address}` now sets a timeout on `{call}`"
        remediation: Pass `timeout=` (seconds) well under the function's own timeout.
        references:
          bandit: [B113]
          links: https://bandit.readthedocs.io/en/latest/plugins/b113_request_without_timeout.html
        check: { coded: handler-request-timeout }
        examples:
          fail: |
            import requests

            def lambda_handler(event, context):
                ⚑requests.post("https://hooks.example.com/orders", json=event)
                return ⚑requests.get("https://partner.example.com/orders", timeout=None).json()
          pass: |
            import requests

            def lambda_handler(event, context):
                requests.post("https://hooks.example.com/orders", json=event, timeout=3)
                return {"statusCode": 202, "body": "queued"}

        """#),
        ("rules/handler/lambda-handler-response-body.yml", #"""
        id: lambda-handler-response-body
        title: API response bodies are strings
        severity: high
        category: lambda-handler
        applies_to: [python_handler]
        message: "`{address}` returns a dict or list as the response `body` at line {line}: API Gateway needs a string and answers 502"
        improvement: "`{address}` now serialises its response body"
        remediation: 'Serialise the body: `"body": json.dumps({...})`.'
        references:
          links: https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html#api-gateway-simple-proxy-for-lambda-output-format
        check: { coded: handler-response-body }
        examples:
          fail: |
            def lambda_handler(event, context):
                return {"statusCode": 200, "headers": {}, "body": ⚑{"orderId": event["orderId"]}}
          pass: |
            import json

            def lambda_handler(event, context):
                return {"statusCode": 200, "headers": {}, "body": json.dumps({"orderId": event["orderId"]})}

        """#),
        ("rules/handler/lambda-handler-response-headers.yml", #"""
        id: lambda-handler-response-headers
        title: API responses set headers
        severity: low
        category: lambda-handler
        applies_to: [python_handler]
        message: "`{address}` returns a proxy response without `headers` at line {line}: no Content-Type, CORS or security headers"
        improvement: "The responses of `{address}` now set headers"
        remediation: 'Add `"headers": {"Content-Type": "application/json"}` (and the CORS headers your clients need).'
        references:
          links: https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html#api-gateway-simple-proxy-for-lambda-output-format
        check: { coded: handler-response-headers }
        examples:
          fail: |
            import json

            def lambda_handler(event, context):
                return ⚑{"statusCode": 200, "body": json.dumps({"ok": True})}
          pass:
            - |
              import json

              HEADERS = {"Content-Type": "application/json"}

              def lambda_handler(event, context):
                  return {"statusCode": 200, "headers": HEADERS, "body": json.dumps({"ok": True})}
            - |
              def lambda_handler(event, context):
                  return {"statusCode": 200, **base_response()}

        """#),
        ("rules/handler/lambda-handler-response-status-code.yml", #"""
        id: lambda-handler-response-status-code
        title: API responses carry a statusCode
        severity: medium
        category: lambda-handler
        applies_to: [python_handler]
        message: "`{address}` returns a proxy response without `statusCode` at line {line}: API Gateway answers 502"
        improvement: "The responses of `{address}` now carry a `statusCode`"
        remediation: 'Return `{"statusCode": 200, "headers": {...}, "body": json.dumps(...)}`.'
        references:
          links: https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html#api-gateway-simple-proxy-for-lambda-output-format
        check: { coded: handler-response-status-code }
        examples:
          fail: |
            import json

            def lambda_handler(event, context):
                return ⚑{"headers": {"Content-Type": "application/json"}, "body": json.dumps({"ok": True})}
          pass: |
            import json

            def lambda_handler(event, context):
                return {"statusCode": 200, "headers": {"Content-Type": "application/json"}, "body": json.dumps({"ok": True})}

        """#),
        ("rules/handler/lambda-handler-secret-flow.yml", #"""
        id: lambda-handler-secret-flow
        title: Secrets never reach logs, exceptions or responses
        severity: high
        category: lambda-handler
        applies_to: [python_handler]
        message: "The secret in `{secret}` reaches {sink} in `{address}` at line {line}"
        improvement: "The secret in `{secret}` no longer reaches {sink} in `{address}`"
        remediation: >-
          Never log, raise or return a secret or text built from it; log that it was loaded (or its
          length), and keep it only in the call that needs it.
        references:
          links:
            - https://owasp.org/Top10/A09_2021-Security_Logging_and_Monitoring_Failures/
            - https://docs.aws.amazon.com/secretsmanager/latest/userguide/retrieving-secrets_lambda.html
        check: { coded: handler-secret-flow }
        examples:
          fail:
            - |
              import logging
              import os

              logger = logging.getLogger()

              def lambda_handler(event, context):
                  password = os.environ["DB_PASSWORD"]
                  dsn = f"postgres://app:{password}@db/orders"
                  ⚑logger.info("connecting to %s", dsn)
                  return {"statusCode": 200, "body": "ok"}
            - |
              import json
              import boto3

              secrets = boto3.client("secretsmanager")

              def load_key(name):
                  value = secrets.get_secret_value(SecretId=name)
                  key = json.loads(value["SecretString"])["api_key"]
                  if len(key) < 10:
                      ⚑raise ValueError("bad key " + key)
                  return key
            - |
              import boto3

              ssm = boto3.client("ssm")
              TOKEN = ssm.get_parameter(Name="/orders/token", WithDecryption=True)["Parameter"]["Value"]

              def lambda_handler(event, context):
                  headers = {"Authorization": "Bearer {}".format(TOKEN)}
                  ⚑return {"statusCode": 200, "body": str(headers)}
          pass: |
            import logging
            import os

            logger = logging.getLogger()

            def lambda_handler(event, context):
                password = os.environ["DB_PASSWORD"]
                connect(password=password)
                logger.info("connected with a %d-character password", len(password))
                region = os.environ["AWS_REGION"]
                logger.info("region %s", region)
                return {"statusCode": 200, "body": "ok"}

        """#),
        ("rules/handler/lambda-handler-subprocess-shell.yml", #"""
        id: lambda-handler-subprocess-shell
        title: Handler runs commands without a shell
        severity: high
        category: lambda-handler
        applies_to: [python_handler]
        message: "`{address}` runs a shell command with `{call}` at line {line}: input that reaches it can inject commands"
        improvement: "`{address}` no longer runs commands through a shell"
        remediation: Pass an argument list without `shell=True` (`subprocess.run(["convert", path], check=True)`).
        references:
          bandit: [B602, B604, B605]
          links: https://bandit.readthedocs.io/en/latest/plugins/b602_subprocess_popen_with_shell_equals_true.html
        check: { coded: handler-subprocess-shell }
        examples:
          fail: |
            import os
            import subprocess

            def lambda_handler(event, context):
                ⚑subprocess.run("convert " + event["file"], shell=True, check=True)
                ⚑os.system("rm -rf /tmp/work")
          pass: |
            import subprocess

            def lambda_handler(event, context):
                subprocess.run(["convert", event["file"]], check=True)

        """#),
        ("rules/handler/lambda-handler-swallowed-exception.yml", #"""
        id: lambda-handler-swallowed-exception
        title: Handler does not swallow errors
        severity: high
        category: lambda-handler
        applies_to: [python_handler]
        message: "A broad `except` in `{address}` at line {line} swallows the error: nothing is raised, logged or reported as a failure"
        improvement: "`{address}` no longer swallows errors"
        remediation: >-
          Log the error (`logger.exception(...)`) and re-raise it or return an error response; catch
          only the exceptions you can handle.
        references:
          bandit: [B110]
          links: https://bandit.readthedocs.io/en/latest/plugins/b110_try_except_pass.html
        check: { coded: handler-swallowed-exception }
        examples:
          fail:
            - |
              import boto3

              sqs = boto3.client("sqs")

              def lambda_handler(event, context):
                  try:
                      sqs.send_message(QueueUrl=event["queue"], MessageBody="ping")
                  ⚑except Exception:
                      pass
            - |
              def lambda_handler(event, context):
                  try:
                      charge(event["amount"])
                  ⚑except Exception:
                      return {"statusCode": 200, "body": "ok"}
                  return {"statusCode": 200, "body": "ok"}
          pass: |
            import logging

            logger = logging.getLogger()

            def lambda_handler(event, context):
                try:
                    charge(event["amount"])
                except Exception:
                    logger.exception("charge failed")
                    return {"statusCode": 502, "body": "payment failed"}
                return {"statusCode": 200, "body": "ok"}

        """#),
        ("rules/handler/lambda-handler-tls-verify.yml", #"""
        id: lambda-handler-tls-verify
        title: HTTPS requests verify certificates
        severity: high
        category: lambda-handler
        applies_to: [python_handler]
        message: "`{address}` turns off certificate verification in `{call}` at line {line}"
        improvement: "`{address}` now verifies certificates"
        remediation: Remove `verify=False`; pass a CA bundle path (`verify="/opt/ca.pem"`) for private CAs.
        references:
          bandit: [B501]
          links: https://bandit.readthedocs.io/en/latest/plugins/b501_request_with_no_cert_validation.html
        check: { coded: handler-tls-verify }
        examples:
          fail: |
            import requests

            def lambda_handler(event, context):
                return ⚑requests.get("https://partner.example.com/orders", verify=False, timeout=5).json()
          pass: |
            import requests

            def lambda_handler(event, context):
                return requests.get("https://partner.example.com/orders", timeout=5).json()

        """#),
        ("rules/handler/lambda-handler-weak-hash.yml", #"""
        id: lambda-handler-weak-hash
        title: Handler uses strong hashes
        severity: medium
        category: lambda-handler
        applies_to: [python_handler]
        message: "`{address}` uses the broken hash `{call}` at line {line}"
        improvement: "`{address}` no longer uses `{call}`"
        remediation: Use `hashlib.sha256` (or `hmac` with SHA-256 for signatures); pass `usedforsecurity=False` where MD5 only fingerprints data.
        references:
          bandit: [B303, B324]
          links: https://bandit.readthedocs.io/en/latest/plugins/b324_hashlib.html
        check: { coded: handler-weak-hash }
        examples:
          fail: |
            import hashlib

            def lambda_handler(event, context):
                digest = ⚑hashlib.md5(event["password"].encode()).hexdigest()
                legacy = ⚑hashlib.new("sha1", event["token"].encode())
                return digest, legacy
          pass: |
            import hashlib

            def lambda_handler(event, context):
                etag = hashlib.md5(event["body"].encode(), usedforsecurity=False).hexdigest()
                return hashlib.sha256(event["token"].encode()).hexdigest(), etag

        """#),
        ("rules/handler/lambda-handler-yaml-load.yml", #"""
        id: lambda-handler-yaml-load
        title: Handler loads YAML safely
        severity: high
        category: lambda-handler
        applies_to: [python_handler]
        message: "`{address}` calls `{call}` without a safe loader at line {line}: a YAML document can construct arbitrary objects"
        improvement: "`{address}` now loads YAML with a safe loader"
        remediation: Use `yaml.safe_load(text)` or `yaml.load(text, Loader=yaml.SafeLoader)`.
        references:
          bandit: [B506]
          links: https://bandit.readthedocs.io/en/latest/plugins/b506_yaml_load.html
        check: { coded: handler-yaml-load }
        examples:
          fail: |
            import yaml

            def lambda_handler(event, context):
                return ⚑yaml.load(event["body"])
          pass:
            - |
              import yaml

              def lambda_handler(event, context):
                  return yaml.safe_load(event["body"])
            - |
              import yaml

              def lambda_handler(event, context):
                  return yaml.load(event["body"], Loader=yaml.SafeLoader)

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
        ("rules/iam/iam-administrator-policy-attached.yml", #"""
        id: iam-administrator-policy-attached
        title: The AdministratorAccess managed policy is not attached
        severity: critical
        category: security-hardening
        applies_to: [aws_iam_role_policy_attachment, aws_iam_user_policy_attachment, aws_iam_group_policy_attachment, aws_iam_policy_attachment, aws_iam_role]
        message: "`{address}` attaches the AWS managed policy `AdministratorAccess`"
        improvement: "Detached `AdministratorAccess` from `{address}`"
        remediation: Attach a policy that lists the actions and resources the identity needs instead.
        references:
          checkov: CKV_AWS_274
          links: https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AdministratorAccess.html
        check:
          and:
            - resource_types: [aws_iam_role_policy_attachment, aws_iam_user_policy_attachment, aws_iam_group_policy_attachment, aws_iam_policy_attachment]
              attribute: policy_arn
              operator: not_ending_with
              value: ":policy/AdministratorAccess"
            - resource_types: [aws_iam_role]
              attribute: managed_policy_arns
              operator: not_contains
              value: "arn:aws:iam::aws:policy/AdministratorAccess"
        examples:
          fail:
            - |
              resource "aws_iam_role_policy_attachment" "admin" {
                role       = "deployer"
                policy_arn = ⚑"arn:aws:iam::aws:policy/AdministratorAccess"
              }
            - |
              resource "aws_iam_role" "r" {
                name                = "r"
                assume_role_policy  = "{}"
                managed_policy_arns = ⚑["arn:aws:iam::aws:policy/AdministratorAccess"]
              }
          pass: |
            resource "aws_iam_role_policy_attachment" "basic" {
              role       = "lambda"
              policy_arn = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
            }

        """#),
        ("rules/iam/iam-credentials-exposure.yml", #"""
        id: iam-credentials-exposure
        title: IAM policy does not expose credentials
        severity: high
        category: security-hardening
        applies_to: [aws_iam_policy, aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy, aws_iam_role, data.aws_iam_policy_document]
        message: "`{address}` allows actions that create or return credentials on every resource (`\"*\"`): {actions}"
        improvement: "Removed credential-exposing actions on every resource from `{address}`"
        remediation: >-
          Grant credential actions only on named users or resources, and prefer roles with temporary credentials over access keys.
        references:
          checkov: [CKV_AWS_287, CKV_AWS_107]
          links: https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege
        check:
          coded: iam-credentials-exposure
        examples:
          fail:
            - |
              data "aws_iam_policy_document" "p" {
                statement {
                  actions   = ["logs:PutLogEvents"]
                  resources = ["arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/f:*"]
                }
                ⚑statement {
                  sid       = "Risky"
                  actions   = ["iam:CreateAccessKey"]
                  resources = ["*"]
                }
              }
          pass:
            - |
              data "aws_iam_policy_document" "p" {
                statement {
                  actions   = ["iam:CreateAccessKey"]
                  resources = ["arn:aws:iam::123456789012:user/ci"]
                }
              }
            - |
              data "aws_iam_policy_document" "p" {
                statement {
                  actions   = ["iam:CreateAccessKey"]
                  resources = ["*"]
                  condition {
                    test     = "StringEquals"
                    variable = "aws:ResourceAccount"
                    values   = ["123456789012"]
                  }
                }
              }

        """#),
        ("rules/iam/iam-data-exfiltration.yml", #"""
        id: iam-data-exfiltration
        title: IAM policy does not allow data exfiltration
        severity: high
        category: security-hardening
        applies_to: [aws_iam_policy, aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy, aws_iam_role, data.aws_iam_policy_document]
        message: "`{address}` allows actions that read data out on every resource (`\"*\"`): {actions}"
        improvement: "Limited the data-reading actions of `{address}` to named resources"
        remediation: >-
          Grant read access only on the buckets, parameters, secrets and tables the code reads (their ARNs), never on `"*"`.
        references:
          checkov: [CKV_AWS_288, CKV_AWS_108]
          links: https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege
        check:
          coded: iam-data-exfiltration
        examples:
          fail:
            - |
              data "aws_iam_policy_document" "p" {
                statement {
                  actions   = ["logs:PutLogEvents"]
                  resources = ["arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/f:*"]
                }
                ⚑statement {
                  sid       = "Risky"
                  actions   = ["secretsmanager:GetSecretValue"]
                  resources = ["*"]
                }
              }
          pass:
            - |
              data "aws_iam_policy_document" "p" {
                statement {
                  actions   = ["secretsmanager:GetSecretValue"]
                  resources = ["arn:aws:secretsmanager:us-east-1:123456789012:secret:db-*"]
                }
              }
            - |
              data "aws_iam_policy_document" "p" {
                statement {
                  actions   = ["secretsmanager:GetSecretValue"]
                  resources = ["*"]
                  condition {
                    test     = "StringEquals"
                    variable = "aws:ResourceAccount"
                    values   = ["123456789012"]
                  }
                }
              }

        """#),
        ("rules/iam/iam-full-access-policy-attached.yml", #"""
        id: iam-full-access-policy-attached
        title: The IAMFullAccess managed policy is not attached
        severity: high
        category: security-hardening
        applies_to: [aws_iam_role_policy_attachment, aws_iam_user_policy_attachment, aws_iam_group_policy_attachment, aws_iam_policy_attachment, aws_iam_role]
        message: "`{address}` attaches the AWS managed policy `IAMFullAccess`: the identity can grant itself any permission"
        improvement: "Detached `IAMFullAccess` from `{address}`"
        remediation: >-
          Attach a policy that lists the IAM actions and role ARNs the identity needs instead, with
          a permissions boundary on any role it creates.
        references:
          checkov: CKV2_AWS_56
          links: https://docs.aws.amazon.com/aws-managed-policy/latest/reference/IAMFullAccess.html
        check:
          and:
            - resource_types: [aws_iam_role_policy_attachment, aws_iam_user_policy_attachment, aws_iam_group_policy_attachment, aws_iam_policy_attachment]
              attribute: policy_arn
              operator: not_ending_with
              value: ":policy/IAMFullAccess"
            - resource_types: [aws_iam_role]
              attribute: managed_policy_arns
              operator: not_contains
              value: "arn:aws:iam::aws:policy/IAMFullAccess"
        examples:
          fail:
            - |
              resource "aws_iam_role_policy_attachment" "iam_admin" {
                role       = "pipeline"
                policy_arn = ⚑"arn:aws:iam::aws:policy/IAMFullAccess"
              }
            - |
              resource "aws_iam_role" "pipeline" {
                name               = "pipeline"
                assume_role_policy = "{}"
                managed_policy_arns = ⚑["arn:aws:iam::aws:policy/IAMFullAccess"]
              }
          pass:
            - |
              resource "aws_iam_role_policy_attachment" "read_only" {
                role       = "pipeline"
                policy_arn = "arn:aws:iam::aws:policy/IAMReadOnlyAccess"
              }
            - |
              variable "policy_arn" {
                type = string
              }
              resource "aws_iam_role_policy_attachment" "chosen" {
                role       = "pipeline"
                policy_arn = var.policy_arn
              }

        """#),
        ("rules/iam/iam-full-iam-access.yml", #"""
        id: iam-full-iam-access
        title: IAM policy does not grant every IAM action on every resource
        severity: critical
        category: security-hardening
        applies_to: [aws_iam_policy, aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy, aws_iam_role, data.aws_iam_policy_document]
        message: "`{address}` allows {actions} on every resource (`\"*\"`) in statement `{attribute}`: whoever holds it can make themselves administrator"
        improvement: "Removed full IAM access from `{address}`"
        remediation: >-
          List the IAM actions the identity needs (for example `iam:GetRole`) and the ARNs of the
          roles or policies it needs them on. A deployment role that must create roles should get a
          permissions boundary condition (`iam:PermissionsBoundary`). checkov's CKV2_AWS_40 also
          fails `"*"` on `"*"`; stackreview reports that as `iam-administrator-access` instead of
          twice.
        references:
          checkov: CKV2_AWS_40
          links: https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html
        check:
          coded: iam-full-iam-access
        examples:
          fail:
            - |
              resource "aws_iam_policy" "deployer" {
                name = "deployer"
                policy = jsonencode({
                  Version = "2012-10-17"
                  Statement = [⚑{
                    Effect   = "Allow"
                    Action   = "iam:*"
                    Resource = "*"
                  }]
                })
              }
            - |
              data "aws_iam_policy_document" "ops" {
                ⚑statement {
                  effect    = "Allow"
                  actions   = ["iam:*", "logs:CreateLogGroup"]
                  resources = ["*"]
                }
              }
          pass:
            - |
              resource "aws_iam_policy" "deployer" {
                name = "deployer"
                policy = jsonencode({
                  Version = "2012-10-17"
                  Statement = [{
                    Effect   = "Allow"
                    Action   = ["iam:GetRole", "iam:PassRole"]
                    Resource = "arn:aws:iam::123456789012:role/orders-lambda"
                  }]
                })
              }
            - |
              data "aws_iam_policy_document" "ops" {
                statement {
                  actions   = ["iam:GetRole", "iam:ListRoles"]
                  resources = ["*"]
                }
              }
            - |
              data "aws_iam_policy_document" "guard" {
                statement {
                  effect    = "Deny"
                  actions   = ["iam:*"]
                  resources = ["*"]
                }
              }

        """#),
        ("rules/iam/iam-github-oidc-trust.yml", #"""
        id: iam-github-oidc-trust
        title: GitHub Actions OIDC trust names the repository allowed to assume the role
        severity: critical
        category: security-hardening
        applies_to: [data.aws_iam_policy_document, aws_iam_role]
        message: "`{address}` trusts GitHub Actions' OIDC provider in statement `{attribute}` with {problem}: workflows of other repositories can assume the role"
        improvement: "Limited the GitHub Actions trust of `{address}` to named repositories"
        remediation: >-
          Add a condition on `token.actions.githubusercontent.com:sub` with the owner and repository
          (and, better, the branch or environment): `repo:octo-org/orders:ref:refs/heads/main`, and one
          on `token.actions.githubusercontent.com:aud` equal to `sts.amazonaws.com`. Besides
          `aws_iam_policy_document` (checkov's CKV_AWS_358), role trust policies written inline are
          judged too (checkov's CKV_AWS_393), and a provider ARN Terraform only knows after apply
          does not hide the trust when a condition names the provider's claims.
        references:
          checkov: [CKV_AWS_358, CKV_AWS_393]
          links: https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/configuring-openid-connect-in-amazon-web-services
        check:
          coded: github-oidc-trust
        examples:
          fail:
            - |
              data "aws_iam_policy_document" "deploy_trust" {
                ⚑statement {
                  actions = ["sts:AssumeRoleWithWebIdentity"]
                  principals {
                    type        = "Federated"
                    identifiers = ["arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"]
                  }
                  condition {
                    test     = "StringEquals"
                    variable = "token.actions.githubusercontent.com:aud"
                    values   = ["sts.amazonaws.com"]
                  }
                }
              }
            - |
              data "aws_iam_policy_document" "deploy_trust" {
                ⚑statement {
                  actions = ["sts:AssumeRoleWithWebIdentity"]
                  principals {
                    type        = "Federated"
                    identifiers = ["arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"]
                  }
                  condition {
                    test     = "StringLike"
                    variable = "token.actions.githubusercontent.com:sub"
                    values   = ["repo:*"]
                  }
                }
              }
            - |
              resource "aws_iam_role" "deploy" {
                name = "deploy"
                assume_role_policy = jsonencode({
                  Version = "2012-10-17"
                  Statement = [⚑{
                    Effect    = "Allow"
                    Action    = "sts:AssumeRoleWithWebIdentity"
                    Principal = { Federated = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com" }
                    Condition = {
                      StringLike = { "token.actions.githubusercontent.com:sub" = "environment:production" }
                    }
                  }]
                })
              }
          pass:
            - |
              data "aws_iam_policy_document" "deploy_trust" {
                statement {
                  actions = ["sts:AssumeRoleWithWebIdentity"]
                  principals {
                    type        = "Federated"
                    identifiers = ["arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"]
                  }
                  condition {
                    test     = "StringLike"
                    variable = "token.actions.githubusercontent.com:sub"
                    values   = ["repo:octo-org/orders:ref:refs/heads/main"]
                  }
                }
              }
            - |
              data "aws_iam_policy_document" "lambda_trust" {
                statement {
                  actions = ["sts:AssumeRole"]
                  principals {
                    type        = "Service"
                    identifiers = ["lambda.amazonaws.com"]
                  }
                }
              }

        """#),
        ("rules/iam/iam-pass-role-wildcard.yml", #"""
        id: iam-pass-role-wildcard
        title: IAM policy passes only named roles
        severity: high
        category: security-hardening
        applies_to: [aws_iam_policy, aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy, aws_iam_role, data.aws_iam_policy_document]
        message: "`{address}` allows `iam:PassRole` on every role (`\"*\"`)"
        improvement: "Limited `iam:PassRole` in `{address}` to named roles"
        remediation: >-
          List the ARNs of the roles the caller hands to services, and add an `iam:PassedToService` condition.
        references:
          links: https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege
        check:
          coded: iam-pass-role-wildcard
        examples:
          fail:
            - |
              data "aws_iam_policy_document" "p" {
                statement {
                  actions   = ["logs:PutLogEvents"]
                  resources = ["arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/f:*"]
                }
                ⚑statement {
                  sid       = "Risky"
                  actions   = ["iam:PassRole"]
                  resources = ["*"]
                }
              }
          pass:
            - |
              data "aws_iam_policy_document" "p" {
                statement {
                  actions   = ["iam:PassRole"]
                  resources = ["arn:aws:iam::123456789012:role/app-lambda"]
                }
              }
            - |
              data "aws_iam_policy_document" "p" {
                statement {
                  actions   = ["iam:PassRole"]
                  resources = ["*"]
                  condition {
                    test     = "StringEquals"
                    variable = "aws:ResourceAccount"
                    values   = ["123456789012"]
                  }
                }
              }

        """#),
        ("rules/iam/iam-permissions-management.yml", #"""
        id: iam-permissions-management
        title: IAM policy does not allow permissions management without constraints
        severity: high
        category: security-hardening
        applies_to: [aws_iam_policy, aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy, aws_iam_role, data.aws_iam_policy_document]
        message: "`{address}` allows actions that change permissions on every resource (`\"*\"`): {actions}"
        improvement: "Limited the permission-management actions of `{address}` to named resources"
        remediation: >-
          Grant policy and grant management only on named resources (with a permissions boundary for IAM), never on `"*"`.
        references:
          checkov: [CKV_AWS_289, CKV_AWS_109]
          links: https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege
        check:
          coded: iam-permissions-management
        examples:
          fail:
            - |
              data "aws_iam_policy_document" "p" {
                statement {
                  actions   = ["logs:PutLogEvents"]
                  resources = ["arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/f:*"]
                }
                ⚑statement {
                  sid       = "Risky"
                  actions   = ["kms:CreateGrant"]
                  resources = ["*"]
                }
              }
          pass:
            - |
              data "aws_iam_policy_document" "p" {
                statement {
                  actions   = ["kms:CreateGrant"]
                  resources = ["arn:aws:kms:us-east-1:123456789012:key/abc"]
                }
              }
            - |
              data "aws_iam_policy_document" "p" {
                statement {
                  actions   = ["kms:CreateGrant"]
                  resources = ["*"]
                  condition {
                    test     = "StringEquals"
                    variable = "aws:ResourceAccount"
                    values   = ["123456789012"]
                  }
                }
              }

        """#),
        ("rules/iam/iam-policy-attached-to-user.yml", #"""
        id: iam-policy-attached-to-user
        title: IAM policies are attached to groups or roles, not users
        severity: low
        category: security-hardening
        applies_to: [aws_iam_user_policy, aws_iam_user_policy_attachment, aws_iam_policy_attachment]
        message: "`{address}` grants permissions directly to an IAM user"
        improvement: "Moved the permissions of `{address}` from a user to a group or role"
        remediation: Attach the policy to a group the user belongs to, or to a role the workload assumes.
        references:
          checkov: CKV_AWS_40
          trivy: AVD-AWS-0143
          links: https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#use-groups-for-permissions
        check:
          and:
            - resource_types: [aws_iam_user_policy, aws_iam_user_policy_attachment]
              attribute: user
              operator: not_exists
            - or:
                - resource_types: [aws_iam_policy_attachment]
                  attribute: users
                  operator: not_exists
                - resource_types: [aws_iam_policy_attachment]
                  attribute: users
                  operator: is_empty
        examples:
          fail:
            - |
              resource "aws_iam_user_policy_attachment" "ci" {
                user       = ⚑"ci"
                policy_arn = "arn:aws:iam::123456789012:policy/deploy"
              }
            - |
              resource "aws_iam_policy_attachment" "deploy" {
                name       = "deploy"
                users      = ⚑["ci"]
                policy_arn = "arn:aws:iam::123456789012:policy/deploy"
              }
          pass: |
            resource "aws_iam_policy_attachment" "deploy" {
              name       = "deploy"
              groups     = ["deployers"]
              policy_arn = "arn:aws:iam::123456789012:policy/deploy"
            }

        """#),
        ("rules/iam/iam-policy-document-public-principal.yml", #"""
        id: iam-policy-document-public-principal
        title: Policy document does not grant permissions to every AWS principal
        severity: high
        category: security-hardening
        applies_to: [data.aws_iam_policy_document]
        message: "`{address}` grants its actions to any AWS principal ({principal}) without a condition in statement `{attribute}`"
        improvement: "Limited the principals of `{address}`"
        remediation: >-
          Name the accounts, roles or services in `principals.identifiers`, or add a `condition`
          (`aws:PrincipalOrgID`, `aws:SourceArn`, `aws:SourceAccount`) that limits who gets in.
          Unlike checkov's CKV_AWS_283, which reads only the first identifier of `AWS` principals,
          stackreview reads every identifier, and also principals of type `"*"` (everyone).
        references:
          checkov: CKV_AWS_283
          links: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
        check:
          coded: policy-document-public-principal
        examples:
          fail:
            - |
              data "aws_iam_policy_document" "queue" {
                ⚑statement {
                  actions   = ["sqs:SendMessage"]
                  resources = ["arn:aws:sqs:us-east-1:123456789012:orders"]
                  principals {
                    type        = "AWS"
                    identifiers = ["*"]
                  }
                }
              }
          pass:
            - |
              data "aws_iam_policy_document" "queue" {
                statement {
                  actions   = ["sqs:SendMessage"]
                  resources = ["arn:aws:sqs:us-east-1:123456789012:orders"]
                  principals {
                    type        = "AWS"
                    identifiers = ["arn:aws:iam::123456789012:role/orders-producer"]
                  }
                }
              }
            - |
              data "aws_iam_policy_document" "queue" {
                statement {
                  actions   = ["sqs:SendMessage"]
                  resources = ["arn:aws:sqs:us-east-1:123456789012:orders"]
                  principals {
                    type        = "AWS"
                    identifiers = ["*"]
                  }
                  condition {
                    test     = "StringEquals"
                    variable = "aws:PrincipalOrgID"
                    values   = ["o-a1b2c3d4e5"]
                  }
                }
              }

        """#),
        ("rules/iam/iam-privilege-escalation.yml", #"""
        id: iam-privilege-escalation
        title: IAM policy does not allow privilege escalation
        severity: high
        category: security-hardening
        applies_to: [aws_iam_policy, aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy, aws_iam_role, data.aws_iam_policy_document]
        message: "`{address}` allows actions that let it escalate its own privileges on every resource (`\"*\"`): {actions}"
        improvement: "Removed privilege-escalation actions on every resource from `{address}`"
        remediation: >-
          Grant these actions only on the specific roles, users or functions that need them (and consider a permissions boundary), never on `"*"`.
          checkov's CKV_AWS_286 and CKV_AWS_110 (cloudsplaining) want `iam:PutRolePolicy`,
          `iam:AttachRolePolicy` and `iam:UpdateAssumeRolePolicy` together with `sts:AssumeRole`;
          stackreview reports them alone, because a role that may change every role's policies can
          change its own.
        references:
          checkov: [CKV_AWS_286, CKV_AWS_110]
          links: https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege
        check:
          coded: iam-privilege-escalation
        examples:
          fail:
            - |
              data "aws_iam_policy_document" "deployer" {
                ⚑statement {
                  actions   = ["iam:CreatePolicyVersion"]
                  resources = ["*"]
                }
              }
            - |
              data "aws_iam_policy_document" "p" {
                statement {
                  actions   = ["logs:PutLogEvents"]
                  resources = ["arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/f:*"]
                }
                ⚑statement {
                  sid       = "Risky"
                  actions   = ["iam:PutRolePolicy"]
                  resources = ["*"]
                }
              }
          pass:
            - |
              data "aws_iam_policy_document" "p" {
                statement {
                  actions   = ["iam:PutRolePolicy"]
                  resources = ["arn:aws:iam::123456789012:role/app-*"]
                }
              }
            - |
              data "aws_iam_policy_document" "p" {
                statement {
                  actions   = ["iam:PutRolePolicy"]
                  resources = ["*"]
                  condition {
                    test     = "StringEquals"
                    variable = "aws:ResourceAccount"
                    values   = ["123456789012"]
                  }
                }
              }

        """#),
        ("rules/iam/iam-role-trust-public.yml", #"""
        id: iam-role-trust-public
        title: IAM role trust policy names who may assume the role
        severity: critical
        category: security-hardening
        applies_to: [aws_iam_role]
        message: "`{address}` can be assumed by any principal ({principal}) in statement `{attribute}`"
        improvement: "Limited who may assume `{address}`"
        remediation: >-
          Name the service (`lambda.amazonaws.com`) or the account and role that assume the role in
          `Principal`; for cross-account access add an `sts:ExternalId` or `aws:PrincipalOrgID`
          condition. checkov's CKV_AWS_60 reads only a trust policy written in the role; stackreview
          also reads the `aws_iam_policy_document` it comes from.
        references:
          checkov: CKV_AWS_60
          links: https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html#term_trust-policy
        check:
          coded: trust-policy-public-principal
        examples:
          fail:
            - |
              resource "aws_iam_role" "r" {
                name = "r"
                assume_role_policy = jsonencode({
                  Version = "2012-10-17"
                  Statement = [⚑{
                    Effect    = "Allow"
                    Action    = "sts:AssumeRole"
                    Principal = { AWS = "*" }
                  }]
                })
              }
            - |
              data "aws_iam_policy_document" "assume" {
                ⚑statement {
                  actions = ["sts:AssumeRole"]
                  principals {
                    type        = "AWS"
                    identifiers = ["*"]
                  }
                }
              }
              resource "aws_iam_role" "r" {
                name               = "r"
                assume_role_policy = data.aws_iam_policy_document.assume.json
              }
          pass: |
            data "aws_iam_policy_document" "assume" {
              statement {
                actions = ["sts:AssumeRole"]
                principals {
                  type        = "Service"
                  identifiers = ["lambda.amazonaws.com"]
                }
              }
            }
            resource "aws_iam_role" "r" {
              name               = "r"
              assume_role_policy = data.aws_iam_policy_document.assume.json
            }

        """#),
        ("rules/iam/iam-role-trust-whole-account.yml", #"""
        id: iam-role-trust-whole-account
        title: IAM role trust policy names roles, not whole accounts
        severity: medium
        category: security-hardening
        applies_to: [aws_iam_role]
        message: "`{address}` can be assumed by every identity of the account {principal} in statement `{attribute}`"
        improvement: "Limited who in the trusted account may assume `{address}`"
        remediation: >-
          Name the role ARNs that assume the role, or add a condition: `sts:ExternalId` for third
          parties, `aws:PrincipalArn` for roles of the other account. checkov's CKV_AWS_61 ignores
          conditions and fails every account root principal; stackreview accepts one constrained by a
          condition, the pattern AWS documents for third parties (`sts:ExternalId`).
        references:
          checkov: CKV_AWS_61
          links: https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-user_externalid.html
        check:
          coded: trust-policy-whole-account
        examples:
          fail: |
            resource "aws_iam_role" "cross_account" {
              name = "cross-account"
              assume_role_policy = jsonencode({
                Version = "2012-10-17"
                Statement = [⚑{
                  Effect    = "Allow"
                  Action    = "sts:AssumeRole"
                  Principal = { AWS = "arn:aws:iam::210987654321:root" }
                }]
              })
            }
          pass:
            - |
              resource "aws_iam_role" "cross_account" {
                name = "cross-account"
                assume_role_policy = jsonencode({
                  Version = "2012-10-17"
                  Statement = [{
                    Effect    = "Allow"
                    Action    = "sts:AssumeRole"
                    Principal = { AWS = "arn:aws:iam::210987654321:root" }
                    Condition = { StringEquals = { "sts:ExternalId" = "partner-7f3a" } }
                  }]
                })
              }
            - |
              resource "aws_iam_role" "deployer" {
                name = "deployer"
                assume_role_policy = jsonencode({
                  Version = "2012-10-17"
                  Statement = [{
                    Effect    = "Allow"
                    Action    = "sts:AssumeRole"
                    Principal = { AWS = "arn:aws:iam::210987654321:role/ci" }
                  }]
                })
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
          every action the service adds later, including permission management. checkov's CKV_AWS_63
          and CKV_AWS_49 fail only `"*"` itself; stackreview (like trivy) also reports `service:*`.
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
          CloudWatch metrics, VPC network interfaces) are not flagged. checkov's CKV_AWS_355 reports
          every restrictable action on `"*"`, reads included; stackreview reports writes and permission
          changes here and the sensitive reads under `iam-data-exfiltration`.
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
        ("rules/kms/aws-kms-key-enabled.yml", #"""
        id: aws-kms-key-enabled
        title: KMS key is enabled
        severity: low
        category: operational-excellence
        applies_to: [aws_kms_key]
        message: "`{address}` is disabled: everything encrypted with it cannot be read"
        improvement: "Enabled the KMS key `{address}`"
        remediation: Remove `is_enabled = false`, or delete the key (with a waiting period) if nothing uses it any more.
        references:
          checkov: CKV_AWS_227
          links: https://docs.aws.amazon.com/kms/latest/developerguide/enabling-keys.html
        fix:
          replace-value: "true"
        check:
          attribute: is_enabled
          operator: not_equals
          value: false
        examples:
          fail: |
            resource "aws_kms_key" "k" {
              description = "data"
              is_enabled  = ⚑false
            }
          pass: |
            resource "aws_kms_key" "k" {
              description = "data"
            }

        """#),
        ("rules/kms/aws-kms-key-policy-public.yml", #"""
        id: aws-kms-key-policy-public
        title: KMS key policy does not allow every principal
        severity: critical
        category: security-hardening
        applies_to: [aws_kms_key]
        message: "`{address}` lets any principal ({principal}) use the key in statement `{attribute}`"
        improvement: "Limited the key policy of `{address}` to named principals"
        remediation: >-
          Name the account root, roles and services that use the key in `Principal`, or add a
          `Condition` (`kms:CallerAccount`, `kms:ViaService`) that limits who gets in.
        references:
          checkov: CKV_AWS_33
          links: https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-overview.html
        check:
          coded: resource-policy-public-principal
        examples:
          fail: |
            resource "aws_kms_key" "k" {
              description = "data"
              policy = jsonencode({
                Version = "2012-10-17"
                Statement = [⚑{
                  Effect    = "Allow"
                  Principal = { AWS = "*" }
                  Action    = "kms:*"
                  Resource  = "*"
                }]
              })
            }
          pass:
            - |
              resource "aws_kms_key" "k" {
                description = "data"
                policy = jsonencode({
                  Version = "2012-10-17"
                  Statement = [{
                    Effect    = "Allow"
                    Principal = { AWS = "arn:aws:iam::123456789012:root" }
                    Action    = "kms:*"
                    Resource  = "*"
                  }]
                })
              }
            - |
              resource "aws_kms_key" "k" {
                description = "data"
                policy = jsonencode({
                  Version = "2012-10-17"
                  Statement = [{
                    Effect    = "Allow"
                    Principal = { AWS = "*" }
                    Action    = ["kms:Decrypt"]
                    Resource  = "*"
                    Condition = { StringEquals = { "kms:CallerAccount" = "123456789012" } }
                  }]
                })
              }

        """#),
        ("rules/kms/aws-kms-key-policy.yml", #"""
        id: aws-kms-key-policy
        title: KMS key has an explicit key policy
        severity: low
        category: security-hardening
        applies_to: [aws_kms_key]
        message: "`{address}` uses the default key policy, which delegates all access to IAM in the account"
        improvement: "Gave the KMS key `{address}` an explicit key policy"
        remediation: >-
          Set `policy` to a key policy that names the key administrators and the roles and services
          that use the key.
        references:
          checkov: CKV2_AWS_64
          links: https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html
        check:
          attribute: policy
          operator: exists
        examples:
          fail: |
            ⚑resource "aws_kms_key" "k" {
              description = "data"
            }
          pass: |
            data "aws_iam_policy_document" "key" {
              statement {
                actions   = ["kms:*"]
                resources = ["*"]
                principals {
                  type        = "AWS"
                  identifiers = ["arn:aws:iam::123456789012:root"]
                }
              }
            }
            resource "aws_kms_key" "k" {
              description = "data"
              policy      = data.aws_iam_policy_document.key.json
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
              resource "aws_kms_key" "k" {
                description         = "data"
                enable_key_rotation = ⚑false
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
            - |
              variable "rotate" {
                type = bool
              }
              resource "aws_kms_key" "k" {
                description         = "data"
                enable_key_rotation = var.rotate
              }

        """#),
        ("rules/lambda/aws-lambda-code-signing.yml", #"""
        id: aws-lambda-code-signing
        title: Lambda function validates code signatures
        severity: low
        category: security-hardening
        applies_to: [aws_lambda_function]
        message: "`{address}` accepts unsigned code: no `code_signing_config_arn`"
        improvement: "Required signed code for `{address}`"
        remediation: >-
          Create an `aws_signer_signing_profile` and an `aws_lambda_code_signing_config` that enforces
          it, and set `code_signing_config_arn` so only code your pipeline signed can be deployed.
        references:
          checkov: CKV_AWS_272
          links: https://docs.aws.amazon.com/lambda/latest/dg/configuration-codesigning.html
        check:
          attribute: code_signing_config_arn
          operator: exists
        examples:
          fail: |
            ⚑resource "aws_lambda_function" "f" {
              function_name = "f"
            }
          pass: |
            resource "aws_lambda_code_signing_config" "signed" {
              allowed_publishers {
                signing_profile_version_arns = ["arn:aws:signer:us-east-1:123456789012:/signing-profiles/ci/abc"]
              }
            }
            resource "aws_lambda_function" "f" {
              function_name           = "f"
              code_signing_config_arn = aws_lambda_code_signing_config.signed.arn
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
            resource "aws_lambda_function" "f" {
              function_name = "f"
              environment {
                variables = ⚑{ TABLE = "orders" }
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
        ("rules/lambda/aws-lambda-errors-alarm.yml", #"""
        id: aws-lambda-errors-alarm
        title: Lambda function has an alarm on its errors
        severity: medium
        category: operational-excellence
        applies_to: [aws_lambda_function]
        message: "No CloudWatch alarm watches the {metric} metric of `{address}`: failures go unnoticed"
        improvement: "Added an alarm on the errors of `{address}`"
        remediation: >-
          Add an `aws_cloudwatch_metric_alarm` with `namespace = "AWS/Lambda"`,
          `metric_name = "Errors"`, `dimensions = { FunctionName = aws_lambda_function.x.function_name }`
          and an `alarm_actions` topic someone reads.
        references:
          links: https://docs.aws.amazon.com/lambda/latest/dg/monitoring-metrics-types.html
        check:
          coded: lambda-errors-alarm
        examples:
          fail: |
            ⚑resource "aws_lambda_function" "f" {
              function_name = "orders"
            }
            resource "aws_cloudwatch_metric_alarm" "throttles" {
              alarm_name          = "orders-throttles"
              namespace           = "AWS/Lambda"
              metric_name         = "Throttles"
              comparison_operator = "GreaterThanThreshold"
              evaluation_periods  = 1
              period              = 60
              statistic           = "Sum"
              threshold           = 0
              dimensions = {
                FunctionName = aws_lambda_function.f.function_name
              }
            }
          pass:
            - |
              resource "aws_lambda_function" "f" {
                function_name = "orders"
              }
              resource "aws_cloudwatch_metric_alarm" "errors" {
                alarm_name          = "orders-errors"
                namespace           = "AWS/Lambda"
                metric_name         = "Errors"
                comparison_operator = "GreaterThanThreshold"
                evaluation_periods  = 1
                period              = 60
                statistic           = "Sum"
                threshold           = 0
                dimensions = {
                  FunctionName = aws_lambda_function.f.function_name
                }
              }
            - |
              resource "aws_lambda_function" "f" {
                function_name = "orders"
              }
              resource "aws_cloudwatch_metric_alarm" "errors" {
                alarm_name          = "orders-errors"
                namespace           = "AWS/Lambda"
                metric_name         = "Errors"
                comparison_operator = "GreaterThanThreshold"
                evaluation_periods  = 1
                period              = 60
                statistic           = "Sum"
                threshold           = 0
                dimensions = {
                  FunctionName = "orders"
                }
              }

        """#),
        ("rules/lambda/aws-lambda-function-url-auth.yml", #"""
        id: aws-lambda-function-url-auth
        title: Lambda function URL requires IAM authentication
        severity: high
        category: security-hardening
        applies_to: [aws_lambda_function_url]
        message: "`{address}` lets anyone on the internet invoke the function: `authorization_type = \"NONE\"`"
        improvement: "Required IAM authentication on the function URL `{address}`"
        remediation: >-
          Set `authorization_type = "AWS_IAM"` and sign requests (SigV4), or put the function behind
          API Gateway with an authorizer; if the endpoint must be public, suppress with the reason and
          make the handler authenticate callers.
        references:
          checkov: CKV_AWS_258
          links: https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html
        fix:
          replace-value: "\"AWS_IAM\""
        check:
          attribute: authorization_type
          operator: not_equals
          value: NONE
        examples:
          fail: |
            resource "aws_lambda_function_url" "public" {
              function_name      = "f"
              authorization_type = ⚑"NONE"
            }
          pass:
            - |
              resource "aws_lambda_function_url" "private" {
                function_name      = "f"
                authorization_type = "AWS_IAM"
              }
            - |
              variable "auth" {
                type = string
              }
              resource "aws_lambda_function_url" "u" {
                function_name      = "f"
                authorization_type = var.auth
              }

        """#),
        ("rules/lambda/aws-lambda-function-url-cors.yml", #"""
        id: aws-lambda-function-url-cors
        title: Lambda function URL CORS does not allow every origin
        severity: medium
        category: security-hardening
        applies_to: [aws_lambda_function_url]
        message: "`{address}` accepts cross-origin requests from any origin (`allow_origins = [\"*\"]`)"
        improvement: "Limited the CORS origins of `{address}`"
        remediation: >-
          List the origins of your front ends in `cors { allow_origins = ["https://app.example.com"] }`.
          checkov's CKV2_AWS_75 fails only a function whose URL allows every origin and every method
          (`allow_methods = ["*"]`); stackreview reports every origin alone, because browsers send
          simple `GET` and `POST` requests without a preflight, whatever the methods list says.
        references:
          checkov: CKV2_AWS_75
          links: https://docs.aws.amazon.com/lambda/latest/dg/urls-configuration.html#urls-cors
        check:
          attribute: cors.allow_origins
          operator: not_contains
          value: "*"
        examples:
          fail:
            - |
              resource "aws_lambda_function" "f" {
                function_name = "f"
                role          = "arn:aws:iam::123456789012:role/f"
              }
              resource "aws_lambda_function_url" "u" {
                function_name      = aws_lambda_function.f.function_name
                authorization_type = "AWS_IAM"
                cors {
                  allow_origins = ⚑["*"]
                  allow_methods = ["*"]
                }
              }
            - |
              resource "aws_lambda_function" "f" {
                function_name = "f"
                role          = "arn:aws:iam::123456789012:role/f"
              }
              resource "aws_lambda_function_url" "u" {
                function_name      = aws_lambda_function.f.function_name
                authorization_type = "AWS_IAM"
                cors {
                  allow_origins = ⚑["*"]
                  allow_methods = ["GET"]
                }
              }
          pass:
            - |
              resource "aws_lambda_function_url" "u" {
                function_name      = "f"
                authorization_type = "AWS_IAM"
                cors {
                  allow_origins = ["https://app.example.com"]
                }
              }
            - |
              variable "origins" {
                type = list(string)
              }
              resource "aws_lambda_function_url" "u" {
                function_name      = "f"
                authorization_type = "AWS_IAM"
                cors {
                  allow_origins = var.origins
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
        ("rules/lambda/aws-lambda-permission-public.yml", #"""
        id: aws-lambda-permission-public
        title: Lambda permission is not granted to everyone
        severity: critical
        category: security-hardening
        applies_to: [aws_lambda_permission]
        message: "`{address}` lets any AWS account invoke the function (`principal = \"*\"`)"
        improvement: "Limited the Lambda permission `{address}` to a specific principal"
        remediation: >-
          Name the service (`apigateway.amazonaws.com`) or account that calls the function, together
          with `source_arn`.
        references:
          checkov: CKV_AWS_301
          trivy: AVD-AWS-0067
          links: https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html
        check:
          attribute: principal
          operator: not_equals
          value: "*"
        examples:
          fail: |
            resource "aws_lambda_permission" "anyone" {
              statement_id  = "Anyone"
              action        = "lambda:InvokeFunction"
              function_name = "f"
              principal     = ⚑"*"
            }
          pass:
            - |
              resource "aws_lambda_permission" "api" {
                statement_id  = "AllowAPIGateway"
                action        = "lambda:InvokeFunction"
                function_name = "f"
                principal     = "apigateway.amazonaws.com"
                source_arn    = "arn:aws:execute-api:us-east-1:123456789012:abc123/*/*"
              }
            - |
              variable "principal" {
                type = string
              }
              resource "aws_lambda_permission" "p" {
                statement_id  = "Caller"
                action        = "lambda:InvokeFunction"
                function_name = "f"
                principal     = var.principal
              }

        """#),
        ("rules/lambda/aws-lambda-permission-source.yml", #"""
        id: aws-lambda-permission-source
        title: Lambda permission for an AWS service is limited to a source ARN or account
        severity: high
        category: security-hardening
        applies_to: [aws_lambda_permission]
        message: "`{address}` lets any resource of the principal service, in any account, invoke the function: no `source_arn` or `source_account`"
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
            resource "aws_lambda_permission" "s3" {
              statement_id  = "AllowS3"
              action        = "lambda:InvokeFunction"
              function_name = "f"
              principal     = ⚑"s3.amazonaws.com"
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
            - |
              variable "principal" {
                type = string
              }
              resource "aws_lambda_permission" "p" {
                statement_id  = "Caller"
                action        = "lambda:InvokeFunction"
                function_name = "f"
                principal     = var.principal
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
            - |
              variable "runtime" {
                type = string
              }
              resource "aws_lambda_function" "f" {
                function_name = "f"
                runtime       = var.runtime
                handler       = "app.handler"
              }

        """#),
        ("rules/lambda/aws-lambda-throttles-alarm.yml", #"""
        id: aws-lambda-throttles-alarm
        title: Lambda function has an alarm on throttling
        severity: low
        category: operational-excellence
        applies_to: [aws_lambda_function]
        message: "No CloudWatch alarm watches the {metric} metric of `{address}`: rejected invocations go unnoticed"
        improvement: "Added an alarm on the throttles of `{address}`"
        remediation: >-
          Add an `aws_cloudwatch_metric_alarm` with `namespace = "AWS/Lambda"`,
          `metric_name = "Throttles"` and `dimensions = { FunctionName = aws_lambda_function.x.function_name }`.
        references:
          links: https://docs.aws.amazon.com/lambda/latest/dg/monitoring-metrics-types.html
        check:
          coded: lambda-throttles-alarm
        examples:
          fail: |
            ⚑resource "aws_lambda_function" "f" {
              function_name = "orders"
            }
          pass: |
            resource "aws_lambda_function" "f" {
              function_name = "orders"
            }
            resource "aws_cloudwatch_metric_alarm" "throttles" {
              alarm_name          = "orders-throttles"
              comparison_operator = "GreaterThanThreshold"
              evaluation_periods  = 1
              threshold           = 0
              metric_query {
                id          = "t"
                return_data = true
                metric {
                  namespace   = "AWS/Lambda"
                  metric_name = "Throttles"
                  period      = 60
                  stat        = "Sum"
                  dimensions = {
                    FunctionName = aws_lambda_function.f.function_name
                  }
                }
              }
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
        ("rules/lambda/aws-lambda-vpc.yml", #"""
        id: aws-lambda-vpc
        title: Lambda function runs inside a VPC
        severity: low
        category: security-hardening
        applies_to: [aws_lambda_function]
        message: "`{address}` runs outside any VPC (`vpc_config`)"
        improvement: "Placed `{address}` inside a VPC"
        remediation: >-
          When the function reaches private resources (databases, internal APIs), add
          `vpc_config { subnet_ids = [...], security_group_ids = [...] }` with private subnets, and
          VPC endpoints for the AWS services it calls. Functions that only call public AWS APIs can
          suppress this finding with a reason.
        references:
          checkov: CKV_AWS_117
          links: https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc.html
        check:
          attribute: vpc_config.subnet_ids
          operator: exists
        examples:
          fail: |
            ⚑resource "aws_lambda_function" "f" {
              function_name = "f"
            }
          pass: |
            resource "aws_lambda_function" "f" {
              function_name = "f"
              vpc_config {
                subnet_ids         = ["subnet-0a1b2c3d"]
                security_group_ids = ["sg-0a1b2c3d"]
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
        ("rules/meta/stackreview-suppression-comment.yml", #"""
        id: stackreview-suppression-comment
        title: Suppression comments give a reason and have not expired
        severity: low
        category: code-quality
        applies_to: ["*"]
        message: "The suppression of `{rule}` on line {line} above or inside `{address}` {problem}"
        improvement: "Fixed the suppression comment of `{rule}` on `{address}`"
        remediation: >-
          Write why the finding is accepted after the rule id (`# stackreview:ignore <rule-id> <reason>`,
          `#checkov:skip=<id>:<reason>`), and renew or remove suppressions whose `exp:` date has passed:
          an expired suppression no longer silences its finding.
        check:
          coded: suppression-comments
        examples:
          fail:
            - |
              ⚑# stackreview:ignore aws-lambda-tracing
              resource "aws_s3_bucket" "b" {
                bucket = "b"
              }
            - |
              resource "aws_s3_bucket" "b" {
              ⚑  #checkov:skip=CKV_AWS_18
                bucket = "b"
              }
            - |
              ⚑# stackreview:ignore aws-s3-bucket-versioning archived data exp:1999-12-31
              resource "aws_s3_bucket" "b" {
                bucket = "b"
              }
          pass:
            - |
              # stackreview:ignore aws-s3-bucket-versioning archived data, never rewritten exp:2099-12-31
              resource "aws_s3_bucket" "b" {
                bucket = "b"
              }
            - |
              # tfsec:ignore:aws-s3-enable-versioning
              resource "aws_s3_bucket" "b" {
                bucket = "b"
              }

        """#),
        ("rules/s3/aws-s3-bucket-access-logging.yml", #"""
        id: aws-s3-bucket-access-logging
        title: S3 bucket writes server access logs
        severity: low
        category: operational-excellence
        applies_to: [aws_s3_bucket]
        message: "`{address}` does not write server access logs"
        improvement: "Enabled access logging on `{address}`"
        remediation: Add an `aws_s3_bucket_logging` for the bucket with a `target_bucket` reserved for logs.
        references:
          checkov: CKV_AWS_18
          trivy: AVD-AWS-0089
          links: https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html
        check:
          or:
            - attribute: logging
              operator: exists
            - cond_type: connection
              resource_types: [aws_s3_bucket]
              connected_resource_types: [aws_s3_bucket_logging]
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
            resource "aws_s3_bucket_logging" "data" {
              bucket        = aws_s3_bucket.data.id
              target_bucket = "access-logs"
              target_prefix = "data/"
            }

        """#),
        ("rules/s3/aws-s3-bucket-encryption-kms.yml", #"""
        id: aws-s3-bucket-encryption-kms
        title: S3 default encryption uses KMS
        severity: low
        category: security-hardening
        applies_to: [aws_s3_bucket_server_side_encryption_configuration, aws_s3_bucket]
        message: "`{address}` encrypts with {value} instead of a KMS key"
        improvement: "Switched the default encryption of `{address}` to KMS"
        remediation: >-
          Set `sse_algorithm = "aws:kms"` with `kms_master_key_id` set to a customer-managed key, and
          `bucket_key_enabled = true` to keep KMS request costs down. A bucket that still declares its
          encryption in the legacy `server_side_encryption_configuration` block of `aws_s3_bucket` is
          judged by that block; a bucket that declares none is left to `aws-s3-bucket-encryption`.
        references:
          checkov: CKV_AWS_145
          trivy: AVD-AWS-0132
          links: https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html
        check:
          # The separate resource's `rule` block, and the legacy block of `aws_s3_bucket`: each is judged
          # where it is written; a bucket that declares neither passes here.
          and:
            - or:
                - attribute: rule.apply_server_side_encryption_by_default.sse_algorithm
                  operator: within
                  value: ["aws:kms", "aws:kms:dsse"]
                - attribute: rule
                  operator: not_exists
            - or:
                - attribute: server_side_encryption_configuration.rule.apply_server_side_encryption_by_default.sse_algorithm
                  operator: within
                  value: ["aws:kms", "aws:kms:dsse"]
                - attribute: server_side_encryption_configuration
                  operator: not_exists
        examples:
          fail:
            - |
              resource "aws_s3_bucket" "data" {
                bucket = "data"
              }
              resource "aws_s3_bucket_server_side_encryption_configuration" "data" {
                bucket = aws_s3_bucket.data.id
                rule {
                  apply_server_side_encryption_by_default {
                    sse_algorithm = ⚑"AES256"
                  }
                }
              }
            - |
              resource "aws_s3_bucket" "legacy" {
                bucket = "legacy"
                server_side_encryption_configuration {
                  rule {
                    apply_server_side_encryption_by_default {
                      sse_algorithm = ⚑"AES256"
                    }
                  }
                }
              }
          pass:
            - |
              resource "aws_s3_bucket" "legacy" {
                bucket = "legacy"
                server_side_encryption_configuration {
                  rule {
                    apply_server_side_encryption_by_default {
                      sse_algorithm     = "aws:kms"
                      kms_master_key_id = "arn:aws:kms:us-east-1:123456789012:key/abc"
                    }
                  }
                }
              }
            - |
              resource "aws_s3_bucket" "data" {
                bucket = "data"
              }
              resource "aws_s3_bucket_server_side_encryption_configuration" "data" {
                bucket = aws_s3_bucket.data.id
                rule {
                  apply_server_side_encryption_by_default {
                    sse_algorithm     = "aws:kms"
                    kms_master_key_id = "arn:aws:kms:us-east-1:123456789012:key/abc"
                  }
                  bucket_key_enabled = true
                }
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
          checkov's CKV_AWS_19 passes a bucket that declares nothing, since S3 encrypts new objects
          with SSE-S3 by default (January 2023); stackreview, like trivy, asks for the declaration so the
          key is a reviewed choice (`aws-s3-bucket-encryption-kms`, checkov's CKV_AWS_145, then judges it).
        references:
          checkov: CKV_AWS_19
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
        ("rules/s3/aws-s3-bucket-event-notifications.yml", #"""
        id: aws-s3-bucket-event-notifications
        title: S3 bucket publishes event notifications
        severity: info
        category: operational-excellence
        applies_to: [aws_s3_bucket]
        message: "`{address}` has no event notifications"
        improvement: "Added event notifications to `{address}`"
        remediation: >-
          Add an `aws_s3_bucket_notification` (to Lambda, SQS, SNS or EventBridge with
          `eventbridge = true`) when other parts of the system react to object changes.
        references:
          checkov: CKV2_AWS_62
          links: https://docs.aws.amazon.com/AmazonS3/latest/userguide/EventNotifications.html
        check:
          cond_type: connection
          resource_types: [aws_s3_bucket]
          connected_resource_types: [aws_s3_bucket_notification]
          operator: exists
        examples:
          fail: |
            ⚑resource "aws_s3_bucket" "uploads" {
              bucket = "uploads"
            }
          pass: |
            resource "aws_s3_bucket" "uploads" {
              bucket = "uploads"
            }
            resource "aws_s3_bucket_notification" "uploads" {
              bucket      = aws_s3_bucket.uploads.id
              eventbridge = true
            }

        """#),
        ("rules/s3/aws-s3-bucket-lifecycle.yml", #"""
        id: aws-s3-bucket-lifecycle
        title: S3 bucket has a lifecycle configuration
        severity: low
        category: operational-excellence
        applies_to: [aws_s3_bucket]
        message: "`{address}` has no lifecycle configuration: objects and old versions are kept forever"
        improvement: "Added a lifecycle configuration to `{address}`"
        remediation: >-
          Add an `aws_s3_bucket_lifecycle_configuration` that expires or transitions objects,
          expires noncurrent versions and aborts incomplete multipart uploads.
        references:
          checkov: CKV2_AWS_61
          links: https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lifecycle-mgmt.html
        check:
          or:
            - attribute: lifecycle_rule
              operator: exists
            - cond_type: connection
              resource_types: [aws_s3_bucket]
              connected_resource_types: [aws_s3_bucket_lifecycle_configuration]
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
            resource "aws_s3_bucket_lifecycle_configuration" "data" {
              bucket = aws_s3_bucket.data.id
              rule {
                id     = "expire"
                status = "Enabled"
                abort_incomplete_multipart_upload {
                  days_after_initiation = 7
                }
              }
            }

        """#),
        ("rules/s3/aws-s3-bucket-ownership-enforced.yml", #"""
        id: aws-s3-bucket-ownership-enforced
        title: S3 bucket ownership controls disable ACLs
        severity: medium
        category: security-hardening
        applies_to: [aws_s3_bucket_ownership_controls]
        message: "`{address}` keeps ACLs in use (`object_ownership = {value}`)"
        improvement: "Disabled ACLs with `BucketOwnerEnforced` in `{address}`"
        remediation: Set `rule { object_ownership = "BucketOwnerEnforced" }` and grant access with bucket policies only.
        references:
          checkov: CKV2_AWS_65
          links: https://docs.aws.amazon.com/AmazonS3/latest/userguide/about-object-ownership.html
        fix:
          replace-value: "\"BucketOwnerEnforced\""
        check:
          attribute: rule.object_ownership
          operator: equals
          value: BucketOwnerEnforced
        examples:
          fail: |
            resource "aws_s3_bucket_ownership_controls" "data" {
              bucket = "data"
              rule {
                object_ownership = ⚑"ObjectWriter"
              }
            }
          pass: |
            resource "aws_s3_bucket_ownership_controls" "data" {
              bucket = "data"
              rule {
                object_ownership = "BucketOwnerEnforced"
              }
            }

        """#),
        ("rules/s3/aws-s3-bucket-policy-lockout.yml", #"""
        id: aws-s3-bucket-policy-lockout
        title: S3 bucket policy does not lock out everyone but the root user
        severity: medium
        category: operational-excellence
        applies_to: [aws_s3_bucket_policy, aws_s3_bucket]
        message: "`{address}` denies {actions} to every principal without a condition: only the account root can change the policy again"
        improvement: "Removed the lockout from the bucket policy of `{address}`"
        remediation: >-
          Add a condition that exempts the administrators (`aws:PrincipalArn` with `ArnNotLike`), or
          deny only the data actions you mean to block.
        references:
          checkov: CKV_AWS_93
          links: https://repost.aws/knowledge-center/s3-accidentally-denied-access
        check:
          coded: bucket-policy-lockout
        examples:
          fail: |
            resource "aws_s3_bucket_policy" "data" {
              bucket = "data"
              policy = jsonencode({
                Version = "2012-10-17"
                Statement = [⚑{
                  Effect    = "Deny"
                  Principal = "*"
                  Action    = "s3:*"
                  Resource  = ["arn:aws:s3:::data", "arn:aws:s3:::data/*"]
                }]
              })
            }
          pass:
            - |
              resource "aws_s3_bucket_policy" "data" {
                bucket = "data"
                policy = jsonencode({
                  Version = "2012-10-17"
                  Statement = [{
                    Effect    = "Deny"
                    Principal = "*"
                    Action    = "s3:*"
                    Resource  = ["arn:aws:s3:::data", "arn:aws:s3:::data/*"]
                    Condition = { Bool = { "aws:SecureTransport" = "false" } }
                  }]
                })
              }
            - |
              resource "aws_s3_bucket_policy" "data" {
                bucket = "data"
                policy = jsonencode({
                  Version = "2012-10-17"
                  Statement = [{
                    Effect    = "Deny"
                    Principal = "*"
                    Action    = "s3:DeleteObject"
                    Resource  = "arn:aws:s3:::data/*"
                  }]
                })
              }

        """#),
        ("rules/s3/aws-s3-bucket-policy-public.yml", #"""
        id: aws-s3-bucket-policy-public
        title: S3 bucket policy does not allow every principal
        severity: critical
        category: security-hardening
        applies_to: [aws_s3_bucket_policy]
        message: "`{address}` lets any principal ({principal}) access the bucket in statement `{attribute}`"
        improvement: "Limited the bucket policy of `{address}` to named principals"
        remediation: >-
          Name the roles, accounts or services in `Principal` (for CloudFront, the service principal
          with an `aws:SourceArn` condition on the distribution).
        references:
          checkov: CKV_AWS_70
          links: https://docs.aws.amazon.com/AmazonS3/latest/userguide/example-bucket-policies.html
        check:
          coded: resource-policy-public-principal
        examples:
          fail: |
            resource "aws_s3_bucket_policy" "site" {
              bucket = "site"
              policy = jsonencode({
                Version = "2012-10-17"
                Statement = [⚑{
                  Effect    = "Allow"
                  Principal = { AWS = ["*"] }
                  Action    = "s3:GetObject"
                  Resource  = "arn:aws:s3:::site/*"
                }]
              })
            }
          pass: |
            resource "aws_s3_bucket_policy" "site" {
              bucket = "site"
              policy = jsonencode({
                Version = "2012-10-17"
                Statement = [{
                  Effect    = "Allow"
                  Principal = { Service = "cloudfront.amazonaws.com" }
                  Action    = "s3:GetObject"
                  Resource  = "arn:aws:s3:::site/*"
                  Condition = { StringEquals = { "AWS:SourceArn" = "arn:aws:cloudfront::123456789012:distribution/E1" } }
                }]
              })
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
        fix:
          replace-value: "\"private\""
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
              resource "aws_s3_bucket" "site" {
                bucket = "site"
              }
              resource "aws_s3_bucket_acl" "site" {
                bucket = aws_s3_bucket.site.id
                acl    = ⚑"public-read-write"
              }
          pass:
            - |
              resource "aws_s3_bucket" "site" {
                bucket = "site"
              }
              resource "aws_s3_bucket_acl" "site" {
                bucket = aws_s3_bucket.site.id
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
        ("rules/s3/aws-s3-bucket-versioning-enabled.yml", #"""
        id: aws-s3-bucket-versioning-enabled
        title: S3 bucket versioning resource enables versioning
        severity: medium
        category: infrastructure-architecture
        applies_to: [aws_s3_bucket_versioning]
        message: "`{address}` sets the versioning status to {value}"
        improvement: "Enabled versioning in `{address}`"
        remediation: Set `versioning_configuration { status = "Enabled" }`.
        references:
          checkov: CKV_AWS_21
          trivy: AVD-AWS-0090
          links: https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html
        fix:
          replace-value: "\"Enabled\""
        check:
          attribute: versioning_configuration.status
          operator: equals
          value: Enabled
        examples:
          fail: |
            resource "aws_s3_bucket" "data" {
              bucket = "data"
            }
            resource "aws_s3_bucket_versioning" "data" {
              bucket = aws_s3_bucket.data.id
              versioning_configuration {
                status = ⚑"Suspended"
              }
            }
          pass: |
            resource "aws_s3_bucket" "data" {
              bucket = "data"
            }
            resource "aws_s3_bucket_versioning" "data" {
              bucket = aws_s3_bucket.data.id
              versioning_configuration {
                status = "Enabled"
              }
            }

        """#),
        ("rules/s3/aws-s3-bucket-versioning.yml", #"""
        id: aws-s3-bucket-versioning
        title: S3 bucket has versioning
        severity: medium
        category: infrastructure-architecture
        applies_to: [aws_s3_bucket]
        message: "`{address}` has no versioning: overwritten or deleted objects cannot be recovered"
        improvement: "Enabled versioning on `{address}`"
        remediation: Add an `aws_s3_bucket_versioning` for the bucket with `versioning_configuration { status = "Enabled" }`.
        references:
          checkov: CKV_AWS_21
          trivy: AVD-AWS-0090
          links: https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html
        check:
          or:
            - attribute: versioning.enabled
              operator: is_true
            - cond_type: connection
              resource_types: [aws_s3_bucket]
              connected_resource_types: [aws_s3_bucket_versioning]
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
            resource "aws_s3_bucket_versioning" "data" {
              bucket = aws_s3_bucket.data.id
              versioning_configuration {
                status = "Enabled"
              }
            }

        """#),
        ("rules/s3/aws-s3-public-access-block-settings.yml", #"""
        id: aws-s3-public-access-block-settings
        title: S3 public access block turns on all four protections
        severity: high
        category: security-hardening
        applies_to: [aws_s3_bucket_public_access_block]
        message: "`{address}` does not turn on `{attribute}`"
        improvement: "Turned on every protection of the public access block `{address}`"
        remediation: >-
          Set `block_public_acls`, `block_public_policy`, `ignore_public_acls` and
          `restrict_public_buckets` to `true`.
        references:
          checkov: [CKV_AWS_53, CKV_AWS_54, CKV_AWS_55, CKV_AWS_56]
          trivy: [AVD-AWS-0086, AVD-AWS-0087, AVD-AWS-0091, AVD-AWS-0093]
          links: https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html
        check:
          and:
            - attribute: block_public_acls
              operator: is_true
            - attribute: block_public_policy
              operator: is_true
            - attribute: ignore_public_acls
              operator: is_true
            - attribute: restrict_public_buckets
              operator: is_true
        examples:
          fail:
            - |
              resource "aws_s3_bucket_public_access_block" "data" {
                bucket                  = "data"
                block_public_acls       = true
                block_public_policy     = ⚑false
                ignore_public_acls      = true
                restrict_public_buckets = true
              }
            - |
              ⚑resource "aws_s3_bucket_public_access_block" "data" {
                bucket            = "data"
                block_public_acls = true
              }
          pass: |
            resource "aws_s3_bucket_public_access_block" "data" {
              bucket                  = "data"
              block_public_acls       = true
              block_public_policy     = true
              ignore_public_acls      = true
              restrict_public_buckets = true
            }

        """#),
        ("rules/secretsmanager/aws-secretsmanager-rotation-period.yml", #"""
        id: aws-secretsmanager-rotation-period
        title: Secrets Manager rotation happens at least every 90 days
        severity: low
        category: security-hardening
        applies_to: [aws_secretsmanager_secret_rotation]
        message: "`{address}` rotates the secret less often than every 90 days"
        improvement: "Shortened the rotation period of `{address}` to 90 days or less"
        remediation: Set `rotation_rules { automatically_after_days = 90 }` or less (or a `schedule_expression` that runs at least that often).
        references:
          checkov: CKV_AWS_304
          links: https://docs.aws.amazon.com/secretsmanager/latest/userguide/rotate-secrets_schedule.html
        check:
          not:
            attribute: rotation_rules.automatically_after_days
            operator: greater_than
            value: 90
        examples:
          fail: |
            resource "aws_secretsmanager_secret_rotation" "db" {
              secret_id           = "db"
              rotation_lambda_arn = "arn:aws:lambda:us-east-1:123456789012:function:rotate"
              rotation_rules {
                automatically_after_days = ⚑180
              }
            }
          pass:
            - |
              resource "aws_secretsmanager_secret_rotation" "db" {
                secret_id           = "db"
                rotation_lambda_arn = "arn:aws:lambda:us-east-1:123456789012:function:rotate"
                rotation_rules {
                  automatically_after_days = 30
                }
              }
            - |
              resource "aws_secretsmanager_secret_rotation" "db" {
                secret_id           = "db"
                rotation_lambda_arn = "arn:aws:lambda:us-east-1:123456789012:function:rotate"
                rotation_rules {
                  schedule_expression = "rate(30 days)"
                }
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
        ("rules/secretsmanager/aws-secretsmanager-secret-rotation.yml", #"""
        id: aws-secretsmanager-secret-rotation
        title: Secrets Manager secret rotates automatically
        severity: medium
        category: security-hardening
        applies_to: [aws_secretsmanager_secret]
        message: "`{address}` never rotates: no `aws_secretsmanager_secret_rotation`"
        improvement: "Turned on rotation for the secret `{address}`"
        remediation: >-
          Add an `aws_secretsmanager_secret_rotation` with a rotation Lambda and
          `rotation_rules { automatically_after_days = 30 }`.
        references:
          checkov: CKV2_AWS_57
          links: https://docs.aws.amazon.com/secretsmanager/latest/userguide/rotating-secrets.html
        check:
          cond_type: connection
          resource_types: [aws_secretsmanager_secret]
          connected_resource_types: [aws_secretsmanager_secret_rotation]
          operator: exists
        examples:
          fail: |
            ⚑resource "aws_secretsmanager_secret" "db" {
              name = "db"
            }
          pass: |
            resource "aws_secretsmanager_secret" "db" {
              name = "db"
            }
            resource "aws_secretsmanager_secret_rotation" "db" {
              secret_id           = aws_secretsmanager_secret.db.id
              rotation_lambda_arn = "arn:aws:lambda:us-east-1:123456789012:function:rotate"
              rotation_rules {
                automatically_after_days = 30
              }
            }

        """#),
        ("rules/sns/aws-sns-topic-encryption.yml", #"""
        id: aws-sns-topic-encryption
        title: SNS topic is encrypted at rest
        severity: medium
        category: security-hardening
        applies_to: [aws_sns_topic]
        message: "`{address}` stores messages unencrypted (`kms_master_key_id`)"
        improvement: "Encrypted the topic `{address}`"
        remediation: Set `kms_master_key_id` to a customer-managed KMS key (or `alias/aws/sns`).
        references:
          checkov: CKV_AWS_26
          trivy: AVD-AWS-0095
          links: https://docs.aws.amazon.com/sns/latest/dg/sns-server-side-encryption.html
        fix:
          add-to-block: |
            kms_master_key_id = "alias/aws/sns"
        check:
          attribute: kms_master_key_id
          operator: exists
        examples:
          fail: |
            ⚑resource "aws_sns_topic" "alerts" {
              name = "alerts"
            }
          pass: |
            resource "aws_sns_topic" "alerts" {
              name              = "alerts"
              kms_master_key_id = "alias/aws/sns"
            }

        """#),
        ("rules/sns/aws-sns-topic-policy-public.yml", #"""
        id: aws-sns-topic-policy-public
        title: SNS topic policy does not allow every principal
        severity: critical
        category: security-hardening
        applies_to: [aws_sns_topic_policy, aws_sns_topic]
        message: "`{address}` lets any principal ({principal}) use the topic in statement `{attribute}`"
        improvement: "Limited the topic policy of `{address}` to named principals"
        remediation: >-
          Name the services or accounts that publish or subscribe in `Principal`, or add an
          `aws:SourceOwner` / `aws:SourceArn` condition.
        references:
          checkov: CKV_AWS_169
          links: https://docs.aws.amazon.com/sns/latest/dg/sns-access-policy-use-cases.html
        check:
          coded: resource-policy-public-principal
        examples:
          fail: |
            resource "aws_sns_topic_policy" "alerts" {
              arn = "arn:aws:sns:us-east-1:123456789012:alerts"
              policy = jsonencode({
                Version = "2012-10-17"
                Statement = [⚑{
                  Effect    = "Allow"
                  Principal = "*"
                  Action    = "sns:Publish"
                  Resource  = "arn:aws:sns:us-east-1:123456789012:alerts"
                }]
              })
            }
          pass: |
            resource "aws_sns_topic_policy" "alerts" {
              arn = "arn:aws:sns:us-east-1:123456789012:alerts"
              policy = jsonencode({
                Version = "2012-10-17"
                Statement = [{
                  Effect    = "Allow"
                  Principal = { Service = "cloudwatch.amazonaws.com" }
                  Action    = "sns:Publish"
                  Resource  = "arn:aws:sns:us-east-1:123456789012:alerts"
                }]
              })
            }

        """#),
        ("rules/sqs/aws-sqs-queue-encryption.yml", #"""
        id: aws-sqs-queue-encryption
        title: SQS queue is encrypted at rest
        severity: medium
        category: security-hardening
        applies_to: [aws_sqs_queue]
        message: "`{address}` stores messages unencrypted"
        improvement: "Encrypted the messages of `{address}`"
        remediation: Set `kms_master_key_id` to a customer-managed KMS key, or at least `sqs_managed_sse_enabled = true`.
        references:
          checkov: CKV_AWS_27
          trivy: AVD-AWS-0096
          links: https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-server-side-encryption.html
        check:
          or:
            - attribute: kms_master_key_id
              operator: exists
            - attribute: sqs_managed_sse_enabled
              operator: is_true
        examples:
          fail:
            - |
              ⚑resource "aws_sqs_queue" "jobs" {
                name = "jobs"
              }
            - |
              ⚑resource "aws_sqs_queue" "jobs" {
                name                    = "jobs"
                sqs_managed_sse_enabled = false
              }
          pass:
            - |
              resource "aws_sqs_queue" "jobs" {
                name              = "jobs"
                kms_master_key_id = "alias/aws/sqs"
              }
            - |
              resource "aws_sqs_queue" "jobs" {
                name                    = "jobs"
                sqs_managed_sse_enabled = true
              }

        """#),
        ("rules/sqs/aws-sqs-queue-policy-public.yml", #"""
        id: aws-sqs-queue-policy-public
        title: SQS queue policy does not allow every principal
        severity: critical
        category: security-hardening
        applies_to: [aws_sqs_queue_policy, aws_sqs_queue]
        message: "`{address}` lets any principal ({principal}) use the queue in statement `{attribute}`"
        improvement: "Limited the queue policy of `{address}` to named principals"
        remediation: >-
          Name the services or roles that send to or read from the queue in `Principal`, with an
          `aws:SourceArn` condition for services. checkov's CKV_AWS_168 cannot judge a policy built
          with an `aws_iam_policy_document` data source (it reports nothing); stackreview reads the
          data source.
        references:
          checkov: CKV_AWS_168
          links: https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-basic-examples-of-sqs-policies.html
        check:
          coded: resource-policy-public-principal
        examples:
          fail:
            - |
              resource "aws_sqs_queue_policy" "jobs" {
                queue_url = "https://sqs.us-east-1.amazonaws.com/123456789012/jobs"
                policy = jsonencode({
                  Version = "2012-10-17"
                  Statement = [⚑{
                    Effect    = "Allow"
                    Principal = "*"
                    Action    = "sqs:SendMessage"
                    Resource  = "arn:aws:sqs:us-east-1:123456789012:jobs"
                  }]
                })
              }
            - |
              data "aws_iam_policy_document" "queue" {
                ⚑statement {
                  actions   = ["sqs:SendMessage"]
                  resources = ["arn:aws:sqs:us-east-1:123456789012:jobs"]
                  principals {
                    type        = "*"
                    identifiers = ["*"]
                  }
                }
              }
              resource "aws_sqs_queue_policy" "jobs" {
                queue_url = "https://sqs.us-east-1.amazonaws.com/123456789012/jobs"
                policy    = data.aws_iam_policy_document.queue.json
              }
          pass: |
            data "aws_iam_policy_document" "queue" {
              statement {
                actions   = ["sqs:SendMessage"]
                resources = ["arn:aws:sqs:us-east-1:123456789012:jobs"]
                principals {
                  type        = "Service"
                  identifiers = ["sns.amazonaws.com"]
                }
                condition {
                  test     = "ArnEquals"
                  variable = "aws:SourceArn"
                  values   = ["arn:aws:sns:us-east-1:123456789012:orders"]
                }
              }
            }
            resource "aws_sqs_queue_policy" "jobs" {
              queue_url = "https://sqs.us-east-1.amazonaws.com/123456789012/jobs"
              policy    = data.aws_iam_policy_document.queue.json
            }

        """#),
        ("rules/sqs/aws-sqs-queue-policy-wildcard-actions.yml", #"""
        id: aws-sqs-queue-policy-wildcard-actions
        title: SQS queue policy names actions instead of wildcards
        severity: high
        category: security-hardening
        applies_to: [aws_sqs_queue_policy, aws_sqs_queue]
        message: "`{address}` allows every queue action with {actions} in statement `{attribute}`"
        improvement: "Replaced the wildcard actions in the queue policy of `{address}`"
        remediation: >-
          Grant only the actions each principal needs (`sqs:SendMessage` for producers;
          `sqs:ReceiveMessage`, `sqs:DeleteMessage` for consumers). checkov's CKV_AWS_72 reads only the
          first statement of an `aws_sqs_queue_policy` and only an `Action` of exactly `"*"`;
          stackreview also reports `sqs:*`, later statements and the `policy` of `aws_sqs_queue`.
        references:
          checkov: CKV_AWS_72
          trivy: AVD-AWS-0097
          links: https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-basic-examples-of-sqs-policies.html
        check:
          coded: resource-policy-wildcard-actions
        examples:
          fail:
            - |
              resource "aws_sqs_queue_policy" "jobs" {
                queue_url = "https://sqs.us-east-1.amazonaws.com/123456789012/jobs"
                policy = jsonencode({
                  Version = "2012-10-17"
                  Statement = [⚑{
                    Effect    = "Allow"
                    Principal = { AWS = "arn:aws:iam::123456789012:root" }
                    Action    = "*"
                    Resource  = "arn:aws:sqs:us-east-1:123456789012:jobs"
                  }]
                })
              }
            - |
              resource "aws_sqs_queue" "jobs" {
                name = "jobs"
                policy = jsonencode({
                  Version = "2012-10-17"
                  Statement = [⚑{
                    Effect    = "Allow"
                    Principal = { AWS = "arn:aws:iam::123456789012:root" }
                    Action    = "sqs:*"
                    Resource  = "arn:aws:sqs:us-east-1:123456789012:jobs"
                  }]
                })
              }
          pass: |
            resource "aws_sqs_queue" "jobs" {
              name = "jobs"
              policy = jsonencode({
                Version = "2012-10-17"
                Statement = [{
                  Effect    = "Allow"
                  Principal = { AWS = "arn:aws:iam::123456789012:root" }
                  Action    = ["sqs:SendMessage"]
                  Resource  = "arn:aws:sqs:us-east-1:123456789012:jobs"
                }]
              })
            }

        """#),
        ("rules/stepfunctions/aws-sfn-state-machine-logging.yml", #"""
        id: aws-sfn-state-machine-logging
        title: Step Functions state machine logs its execution history
        severity: low
        category: operational-excellence
        applies_to: [aws_sfn_state_machine]
        message: "`{address}` does not log its execution history (`logging_configuration` with a level and `include_execution_data`)"
        improvement: "Turned on execution logging for the state machine `{address}`"
        remediation: >-
          Add `logging_configuration { log_destination = "${aws_cloudwatch_log_group.x.arn}:*",
          include_execution_data = true, level = "ERROR" }` (or `ALL`).
        references:
          checkov: CKV_AWS_285
          links: https://docs.aws.amazon.com/step-functions/latest/dg/cw-logs.html
        check:
          and:
            - attribute: logging_configuration.level
              operator: within
              value: [ALL, ERROR, FATAL]
            - attribute: logging_configuration.include_execution_data
              operator: is_true
        examples:
          fail:
            - |
              ⚑resource "aws_sfn_state_machine" "orders" {
                name       = "orders"
                role_arn   = "arn:aws:iam::123456789012:role/sfn"
                definition = "{}"
              }
            - |
              resource "aws_sfn_state_machine" "orders" {
                name       = "orders"
                role_arn   = "arn:aws:iam::123456789012:role/sfn"
                definition = "{}"
                logging_configuration {
                  level = ⚑"OFF"
                }
              }
          pass: |
            resource "aws_sfn_state_machine" "orders" {
              name       = "orders"
              role_arn   = "arn:aws:iam::123456789012:role/sfn"
              definition = "{}"
              logging_configuration {
                log_destination        = "arn:aws:logs:us-east-1:123456789012:log-group:sfn:*"
                include_execution_data = true
                level                  = "ERROR"
              }
            }

        """#),
        ("rules/stepfunctions/aws-sfn-state-machine-tracing.yml", #"""
        id: aws-sfn-state-machine-tracing
        title: Step Functions state machine has X-Ray tracing enabled
        severity: low
        category: operational-excellence
        applies_to: [aws_sfn_state_machine]
        message: "`{address}` does not enable X-Ray tracing"
        improvement: "Enabled X-Ray tracing on the state machine `{address}`"
        remediation: Add `tracing_configuration { enabled = true }` so executions are traced through the functions they call.
        references:
          checkov: CKV_AWS_284
          links: https://docs.aws.amazon.com/step-functions/latest/dg/concepts-xray-tracing.html
        fix:
          add-to-block: |
            tracing_configuration {
              enabled = true
            }
        check:
          attribute: tracing_configuration.enabled
          operator: is_true
        examples:
          fail: |
            ⚑resource "aws_sfn_state_machine" "orders" {
              name       = "orders"
              role_arn   = "arn:aws:iam::123456789012:role/sfn"
              definition = "{}"
            }
          pass: |
            resource "aws_sfn_state_machine" "orders" {
              name       = "orders"
              role_arn   = "arn:aws:iam::123456789012:role/sfn"
              definition = "{}"
              tracing_configuration {
                enabled = true
              }
            }

        """#),
        ("rules/terraform/terraform-comment-syntax.yml", #"""
        id: terraform-comment-syntax
        title: Single-line comments use `#`
        severity: info
        category: code-quality
        applies_to: ["*"]
        message: "A `//` comment near `{address}`; Terraform style writes single-line comments with `#`"
        improvement: "Rewrote the `//` comments near `{address}` with `#`"
        remediation: Start single-line comments with `#` (`terraform fmt` leaves `//` alone; tflint flags it). `/* ... */` blocks are fine.
        references:
          tflint: terraform_comment_syntax
          links: https://developer.hashicorp.com/terraform/language/syntax/configuration#comments
        fix:
          replace-value: "{replacement}"
        check:
          coded: comment-syntax
        examples:
          fail: |
            ⚑// Orders arrive here from the API.
            resource "aws_sqs_queue" "orders" {
              name = "orders" ⚑// one queue per stage
            }
          pass: |
            # Orders arrive here from the API.
            resource "aws_sqs_queue" "orders" {
              name = "orders" # one queue per stage
              /* visibility_timeout_seconds = 60 */
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
        ("rules/terraform/terraform-deprecated-index.yml", #"""
        id: terraform-deprecated-index
        title: List elements are indexed with brackets
        severity: low
        category: code-quality
        applies_to: ["*", local]
        message: "`{address}` uses the legacy index syntax at `{attribute}`; write `{replacement}`"
        improvement: "Replaced the legacy index syntax in `{address}`"
        remediation: Write `list[0]` for `list.0` and `list[*].id` for `list.*.id`, the Terraform 0.12 forms.
        references:
          tflint: terraform_deprecated_index
          links: https://developer.hashicorp.com/terraform/language/expressions/references
        fix:
          replace-value: "{replacement}"
        check:
          coded: deprecated-index
        examples:
          fail: |
            locals {
              first_subnet = var.subnet_ids⚑.0
            }
            variable "subnet_ids" {
              type = list(string)
            }
            resource "aws_lambda_function" "f" {
              function_name = "orders"
              vpc_config {
                subnet_ids         = [var.subnet_ids⚑.0]
                security_group_ids = aws_security_group.fn⚑.*.id
              }
            }
          pass: |
            locals {
              first_subnet = var.subnet_ids[0]
            }
            variable "subnet_ids" {
              type = list(string)
            }
            resource "aws_lambda_function" "f" {
              function_name = "orders"
              vpc_config {
                subnet_ids         = [var.subnet_ids[0]]
                security_group_ids = aws_security_group.fn[*].id
              }
            }

        """#),
        ("rules/terraform/terraform-deprecated-interpolation.yml", #"""
        id: terraform-deprecated-interpolation
        title: Expressions are written without interpolation-only strings
        severity: low
        category: code-quality
        applies_to: ["*", local]
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
            locals {
              table_name = ⚑"${var.table}"
            }
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
            locals {
              table_name = var.table
            }
            variable "table" {
              type = string
            }
            resource "aws_lambda_function" "f" {
              function_name = var.table
              description   = "reads ${var.table}"
            }

        """#),
        ("rules/terraform/terraform-deprecated-lookup.yml", #"""
        id: terraform-deprecated-lookup
        title: Map elements are read by index, not two-argument lookup
        severity: low
        category: code-quality
        applies_to: ["*", local]
        message: "`{address}` calls `lookup` without a default at `{attribute}`; write `{replacement}`"
        improvement: "Replaced two-argument `lookup` calls in `{address}`"
        remediation: Index the map (`var.sizes["orders"]`); keep `lookup` only with a third argument, the default.
        references:
          tflint: terraform_deprecated_lookup
          links: https://developer.hashicorp.com/terraform/language/functions/lookup
        fix:
          replace-value: "{replacement}"
        check:
          coded: deprecated-lookup
        examples:
          fail: |
            locals {
              orders_memory = ⚑lookup(var.memory, "orders")
            }
            variable "memory" {
              type = map(number)
            }
            resource "aws_lambda_function" "f" {
              function_name = "orders"
              memory_size   = ⚑lookup(var.memory, "orders")
            }
          pass: |
            locals {
              orders_memory = var.memory["orders"]
            }
            variable "memory" {
              type = map(number)
            }
            resource "aws_lambda_function" "f" {
              function_name = "orders"
              memory_size   = lookup(var.memory, "orders", 128)
              timeout       = var.memory["timeout"]
            }

        """#),
        ("rules/terraform/terraform-empty-list-equality.yml", #"""
        id: terraform-empty-list-equality
        title: Emptiness is tested with length, not comparison with `[]`
        severity: medium
        category: code-quality
        applies_to: ["*", local]
        message: "`{address}` compares with `[]` at `{attribute}`, which is never equal to a list; write `{replacement}`"
        improvement: "Replaced comparisons with `[]` in `{address}`"
        remediation: "`[]` is an empty tuple, so `var.ids == []` is false even when the list is empty. Test `length(var.ids) == 0`."
        references:
          tflint: terraform_empty_list_equality
          links: https://developer.hashicorp.com/terraform/language/functions/length
        fix:
          replace-value: "{replacement}"
        check:
          coded: empty-list-equality
        examples:
          fail: |
            locals {
              in_vpc = ⚑var.subnet_ids != []
            }
            variable "subnet_ids" {
              type = list(string)
            }
            resource "aws_lambda_function" "f" {
              function_name = "orders"
              count         = ⚑var.subnet_ids == [] ? 0 : 1
            }
          pass: |
            locals {
              in_vpc = length(var.subnet_ids) != 0
            }
            variable "subnet_ids" {
              type = list(string)
            }
            resource "aws_lambda_function" "f" {
              function_name = "orders"
              count         = length(var.subnet_ids) == 0 ? 0 : 1
            }

        """#),
        ("rules/terraform/terraform-fmt.yml", #"""
        id: terraform-fmt
        title: Terraform is formatted as `terraform fmt` writes it
        severity: info
        category: code-quality
        applies_to: ["*"]
        message: "`{address}` is not formatted as `terraform fmt` would write it ({lines} line(s) differ)"
        improvement: "Formatted `{address}` as `terraform fmt` writes it"
        remediation: >-
          Run `terraform fmt` (or apply the suggested lines): two-space indentation per level, the
          `=` of consecutive one-line attributes aligned, single spaces around operators and inside
          braces. stackreview only reports what it is sure `terraform fmt` would change: files with
          syntax errors or CRLF line ends, template strip markers or directives, heredocs and
          non-ASCII text in the block, and
          blocks that `terraform fmt` would also rewrite in other ways (unquoted labels, `"${x}"`
          values, quoted variable types) are not judged.
        references:
          links: https://developer.hashicorp.com/terraform/cli/commands/fmt
        fix:
          replace-value: "{replacement}"
        check:
          coded: terraform-fmt
        examples:
          fail:
            - |
              resource "aws_sqs_queue" "orders" {
              ⚑name = "orders"
                visibility_timeout_seconds = 30
                tags = {Team="payments"}
              }
            - |
              resource "aws_lambda_function" "f" {
                function_name = "orders"
                role          = "arn:aws:iam::123456789012:role/orders"
                environment {
              ⚑      variables = {
                      TABLE = "orders"
                    }
                }
              }
          pass:
            - |
              resource "aws_sqs_queue" "orders" {
                name                       = "orders"
                visibility_timeout_seconds = 30
                tags                       = { Team = "payments" }
              }
            - |
              resource "aws_iam_role_policy" "read" {
                role = "orders"
                policy = jsonencode({
                  Version = "2012-10-17"
                  Statement = [{
                    Effect   = "Allow"
                    Action   = ["dynamodb:GetItem"]
                    Resource = "*"
                  }]
                })
              }
            - |
              resource "aws_sqs_queue" "orders" {
                name   =   "${var.name}"
              }
            - |
              resource "aws_iam_role_policy" "read" {
                role = "orders"
                policy = <<EOF
              {"Version": "2012-10-17", "Statement": []}
              EOF
              }

        """#),
        ("rules/terraform/terraform-hardcoded-region-account.yml", #"""
        id: terraform-hardcoded-region-account
        title: Resources do not hard-code the region or the account id
        severity: low
        category: code-quality
        applies_to: ["*"]
        message: "`{address}` hard-codes {what} at `{attribute}`: the module only works in one account and region"
        improvement: "Removed the hard-coded region and account id from `{address}`"
        remediation: >-
          Use `data.aws_region.current.name` and `data.aws_caller_identity.current.account_id`
          (and `data.aws_partition.current.partition` in ARNs), or a variable.
        references:
          links: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/data-sources/caller_identity
        check:
          coded: hardcoded-region-account
        examples:
          fail: |
            resource "aws_lambda_permission" "s3" {
              function_name  = "orders"
              principal      = "s3.amazonaws.com"
              source_account = ⚑"123456789012"
              source_arn     = "arn:aws:s3:::orders-uploads"
            }
            resource "aws_iam_role_policy" "read" {
              role   = "orders"
              policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "ssm:GetParameter", Resource = ⚑"arn:aws:ssm:us-east-1:123456789012:parameter/orders" }] })
            }
            resource "aws_lambda_function" "f" {
              function_name = "orders"
              environment {
                variables = {
                  REPLICA_REGION = ⚑"us-west-2"
                }
              }
            }
          pass: |
            data "aws_region" "current" {}
            data "aws_caller_identity" "current" {}
            resource "aws_lambda_permission" "s3" {
              function_name  = "orders"
              principal      = "s3.amazonaws.com"
              source_account = data.aws_caller_identity.current.account_id
              source_arn     = "arn:aws:s3:::orders-uploads"
            }
            resource "aws_iam_role_policy_attachment" "logs" {
              role       = "orders"
              policy_arn = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
            }
            provider "aws" {
              region = "us-east-1"
            }

        """#),
        ("rules/terraform/terraform-json-syntax.yml", #"""
        id: terraform-json-syntax
        title: JSON configuration files have an object at the root
        severity: medium
        category: code-quality
        applies_to: ["*"]
        message: "The module of `{address}` has JSON configuration with an array at its root ({files}): Terraform's JSON syntax documents an object there, and stackreview cannot analyse the file"
        improvement: "Rewrote the JSON configuration of the module of `{address}` with an object at its root"
        remediation: >-
          Write the file as one object whose keys are the block types
          (`{"resource": {"aws_sqs_queue": {"orders": {"name": "orders"}}}}`). The finding is
          reported on the module's first readable block; the file itself also appears among the files
          the review could not analyse.
        references:
          tflint: terraform_json_syntax
          links: https://developer.hashicorp.com/terraform/language/syntax/json
        check:
          coded: json-syntax
        examples:
          fail: |
            ⚑resource "aws_sqs_queue" "orders" {
              name = "orders"
            }
            # file: queues.tf.json
            [{"resource": {"aws_sqs_queue": {"refunds": {"name": "refunds"}}}}]
          pass: |
            resource "aws_sqs_queue" "orders" {
              name = "orders"
            }
            # file: queues.tf.json
            {"resource": {"aws_sqs_queue": {"refunds": {"name": "refunds"}}}}

        """#),
        ("rules/terraform/terraform-map-duplicate-keys.yml", #"""
        id: terraform-map-duplicate-keys
        title: Map literals write each key once
        severity: medium
        category: code-quality
        applies_to: ["*", local]
        message: "`{address}` writes the key `{key}` twice at `{attribute}` (first on line {line}); the last value silently wins"
        improvement: "Removed the repeated map keys from `{address}`"
        remediation: Keep one entry per key; if both values matter, give them different keys.
        references:
          tflint: terraform_map_duplicate_keys
          links: https://developer.hashicorp.com/terraform/language/expressions/types#maps-objects
        check:
          coded: map-duplicate-keys
        examples:
          fail: |
            locals {
              limits = {
                memory = 128
                ⚑memory = 256
              }
            }
            resource "aws_lambda_function" "f" {
              function_name = "orders"
              environment {
                variables = {
                  TABLE = "orders"
                  ⚑"TABLE" = "orders-v2"
                }
              }
            }
          pass: |
            locals {
              limits = {
                memory  = 128
                timeout = 30
              }
            }
            variable "name" {
              type = string
            }
            resource "aws_lambda_function" "f" {
              function_name = "orders"
              environment {
                variables = {
                  TABLE         = "orders"
                  (var.name)    = "one"
                  ARCHIVE_TABLE = "orders-v2"
                }
              }
            }

        """#),
        ("rules/terraform/terraform-module-pinned-source.yml", #"""
        id: terraform-module-pinned-source
        title: Git module sources pin a revision
        severity: medium
        category: code-quality
        applies_to: [module]
        message: "`{address}` takes its source from Git with {problem}: every `terraform init` may fetch different code"
        improvement: "Pinned the source of `{address}` to a revision"
        remediation: Add `?ref=` with a tag or commit (`git::https://github.com/octo-org/modules.git//queue?ref=v1.4.0`); for Mercurial, `?rev=`.
        references:
          tflint: terraform_module_pinned_source
          links: https://developer.hashicorp.com/terraform/language/modules/sources#selecting-a-revision
        check:
          coded: module-pinned-source
        examples:
          fail:
            - |
              module "queue" {
                source = ⚑"git::https://github.com/octo-org/modules.git//queue"
              }
            - |
              module "queue" {
                source = ⚑"github.com/octo-org/modules//queue?ref=main"
              }
          pass: |
            module "queue" {
              source = "git::https://github.com/octo-org/modules.git//queue?ref=v1.4.0"
            }
            module "table" {
              source = "./modules/table"
            }

        """#),
        ("rules/terraform/terraform-module-version.yml", #"""
        id: terraform-module-version
        title: Registry modules have a version constraint
        severity: medium
        category: code-quality
        applies_to: [module]
        message: "`{address}` uses the registry module `{source}` without a `version`: every `terraform init` may fetch a new release"
        improvement: "Constrained the version of `{address}`"
        remediation: Add `version = "~> 5.1"` (or an exact version) to the module block.
        references:
          tflint: terraform_module_version
          links: https://developer.hashicorp.com/terraform/language/modules/syntax#version
        check:
          coded: module-version
        examples:
          fail: |
            module "lambda" {
              source = ⚑"terraform-aws-modules/lambda/aws"
            }
          pass: |
            module "lambda" {
              source  = "terraform-aws-modules/lambda/aws"
              version = "~> 7.2"
            }
            module "local" {
              source = "./modules/lambda"
            }

        """#),
        ("rules/terraform/terraform-naming-convention.yml", #"""
        id: terraform-naming-convention
        title: Block names follow the naming convention
        severity: low
        category: code-quality
        applies_to: ["*", local]
        message: "The name of `{address}` is not {convention}"
        improvement: "Renamed `{address}` to follow the naming convention"
        remediation: >-
          Rename the block or local (with a `moved` block for resources, so Terraform does not replace them).
          The convention is snake_case unless `.stackreview.yml` says otherwise:
          `naming: { format: mixed_snake_case }` or `naming: { custom: "^[a-z][a-z0-9]*$" }`.
        references:
          tflint: terraform_naming_convention
          links: https://developer.hashicorp.com/terraform/language/style#naming-conventions
        check:
          coded: naming-convention
        examples:
          fail:
            - |
              resource "aws_sqs_queue" ⚑"OrdersQueue" {
                name = "orders"
              }
              variable ⚑"table-name" {
                type = string
              }
            - |
              locals {
                ⚑queueName = "orders"
              }
              resource "aws_sqs_queue" "orders" {
                name = local.queueName
              }
          pass:
            - |
              resource "aws_sqs_queue" "orders_queue" {
                name = "orders"
              }
              variable "table_name" {
                type = string
              }
            - |
              locals {
                queue_name = "orders"
              }
              resource "aws_sqs_queue" "orders" {
                name = local.queue_name
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
        applies_to: ["*"]
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
            - |
              ⚑resource "aws_sqs_queue" "orders" {
                name = "orders"
              }
              resource "aws_sqs_queue" "refunds" {
                name = "refunds"
              }
              resource "terraform_data" "marker" {
                input = "orders"
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
            resource "aws_sqs_queue" "orders" {
              name = "orders"
            }

        """#),
        ("rules/terraform/terraform-required-version.yml", #"""
        id: terraform-required-version
        title: Module constrains the Terraform version
        severity: low
        category: code-quality
        applies_to: ["*"]
        message: "The module in `{module}` sets no `required_version` in a `terraform` block: any Terraform release may run it"
        improvement: "Constrained the Terraform version of the module in `{module}`"
        remediation: Add `required_version = ">= 1.6"` (the oldest release you test with) to a `terraform` block.
        references:
          tflint: terraform_required_version
          links: https://developer.hashicorp.com/terraform/language/terraform#terraform-required_version
        check:
          coded: required-version
        examples:
          fail:
            - |
              ⚑terraform {
                required_providers {
                  aws = { source = "hashicorp/aws", version = "~> 5.0" }
                }
              }
            - |
              ⚑resource "aws_sqs_queue" "orders" {
                name = "orders"
              }
              resource "aws_sqs_queue" "refunds" {
                name = "refunds"
              }
          pass: |
            terraform {
              required_version = ">= 1.6"
            }
            resource "aws_sqs_queue" "orders" {
              name = "orders"
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
        ("rules/terraform/terraform-standard-module-structure.yml", #"""
        id: terraform-standard-module-structure
        title: Module follows the standard file layout
        severity: info
        category: code-quality
        applies_to: ["*"]
        message: "`{address}` {problem}"
        improvement: "Fixed the module layout at `{address}`"
        remediation: >-
          Keep resources in `main.tf` (or files named after what they hold), every `variable` in
          `variables.tf` and every `output` in `outputs.tf`; create the files even when empty.
        references:
          tflint: terraform_standard_module_structure
          links: https://developer.hashicorp.com/terraform/language/modules/develop/structure
        check:
          coded: standard-module-structure
        examples:
          fail:
            - |
              resource "aws_sqs_queue" "orders" {
                name = var.name
              }
              ⚑variable "name" {
                type = string
              }
              # file: variables.tf
              # Inputs of the orders module.
              # file: outputs.tf
              # Outputs of the orders module.
            - |
              ⚑resource "aws_sqs_queue" "orders" {
                name = "orders"
              }
          pass: |
            resource "aws_sqs_queue" "orders" {
              name = var.name
            }
            # file: variables.tf
            variable "name" {
              type = string
            }
            # file: outputs.tf
            output "queue_url" {
              value = aws_sqs_queue.orders.url
            }

        """#),
        ("rules/terraform/terraform-unused-declaration.yml", #"""
        id: terraform-unused-declaration
        title: Every variable, local and data source is used
        severity: low
        category: code-quality
        applies_to: ["*", local]
        message: "Nothing in the module refers to `{address}`"
        improvement: "Removed or used `{address}`"
        remediation: >-
          Delete the declaration (for a local, its line in the `locals` block), or refer to it where
          it was meant to be used.
        references:
          tflint: terraform_unused_declarations
          links: https://developer.hashicorp.com/terraform/language/values/variables
        check:
          coded: unused-declaration
        examples:
          fail:
            - |
              ⚑variable "memory" {
                type = number
              }
              ⚑data "aws_caller_identity" "current" {}
              resource "aws_sqs_queue" "orders" {
                name = "orders"
              }
            - |
              locals {
                prefix = "orders"
                ⚑retention = 14
              }
              resource "aws_sqs_queue" "orders" {
                name = "${local.prefix}-queue"
              }
          pass:
            - |
              variable "memory" {
                type = number
              }
              data "aws_region" "current" {}
              resource "aws_lambda_function" "f" {
                function_name = "orders-${data.aws_region.current.name}"
                memory_size   = var.memory
              }
            - |
              locals {
                prefix = "orders"
                queue  = "${local.prefix}-queue"
              }
              output "queue" {
                value = local.queue
              }

        """#),
        ("rules/terraform/terraform-unused-required-provider.yml", #"""
        id: terraform-unused-required-provider
        title: Every required provider is used
        severity: low
        category: code-quality
        applies_to: [terraform]
        message: "`required_providers` lists `{provider}`, but nothing in the module uses it"
        improvement: "Removed the unused provider requirements from `{address}`"
        remediation: Remove the entry; `terraform init` would otherwise download a provider the module never calls.
        references:
          tflint: terraform_unused_required_providers
          links: https://developer.hashicorp.com/terraform/language/providers/requirements
        check:
          coded: unused-required-provider
        examples:
          fail: |
            terraform {
              required_providers {
                aws    = { source = "hashicorp/aws", version = "~> 5.0" }
                random = ⚑{ source = "hashicorp/random", version = "~> 3.6" }
              }
            }
            resource "aws_sqs_queue" "orders" {
              name = "orders"
            }
          pass: |
            terraform {
              required_providers {
                aws    = { source = "hashicorp/aws", version = "~> 5.0" }
                random = { source = "hashicorp/random", version = "~> 3.6" }
              }
            }
            resource "random_id" "suffix" {
              byte_length = 4
            }
            resource "aws_sqs_queue" "orders" {
              name = "orders-${random_id.suffix.hex}"
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
        ("rules/terraform/terraform-variable-sensitive.yml", #"""
        id: terraform-variable-sensitive
        title: Variables that hold secrets are marked sensitive
        severity: medium
        category: security-hardening
        applies_to: [variable]
        message: "`{address}` looks like it holds a secret but is not `sensitive`: plans and logs print its value"
        improvement: "Marked `{address}` as sensitive"
        remediation: Add `sensitive = true`; better still, read the secret from Secrets Manager or SSM at run time instead of passing it through Terraform.
        references:
          links: https://developer.hashicorp.com/terraform/language/values/variables#suppressing-values-in-cli-output
        fix:
          add-to-block: |
            sensitive = true
        check:
          coded: variable-sensitive
        examples:
          fail: |
            ⚑variable "db_password" {
              type = string
            }
          pass: |
            variable "db_password" {
              type      = string
              sensitive = true
            }
            variable "password_length" {
              type = number
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
        ("rules/terraform/terraform-workspace-remote.yml", #"""
        id: terraform-workspace-remote
        title: "`terraform.workspace` is not used with the remote backend"
        severity: medium
        category: code-quality
        applies_to: ["*"]
        message: "`{address}` reads `terraform.workspace` at `{attribute}`, which is always `default` with the `remote` backend"
        improvement: "Stopped reading `terraform.workspace` in `{address}`"
        remediation: Pass the environment in a variable (set per HCP Terraform workspace) instead of reading `terraform.workspace`.
        references:
          tflint: terraform_workspace_remote
          links: https://developer.hashicorp.com/terraform/language/state/workspaces#current-workspace-interpolation
        check:
          coded: workspace-remote
        examples:
          fail: |
            terraform {
              backend "remote" {
                organization = "octo-org"
                workspaces {
                  prefix = "orders-"
                }
              }
            }
            resource "aws_sqs_queue" "orders" {
              name = "orders-${⚑terraform.workspace}"
            }
          pass: |
            terraform {
              backend "s3" {
                bucket = "octo-org-state"
                key    = "orders.tfstate"
                region = "us-east-1"
              }
            }
            resource "aws_sqs_queue" "orders" {
              name = "orders-${terraform.workspace}"
            }

        """#),
        ("rules/testing/testing-coverage-below-target.yml", #"""
        id: testing-coverage-below-target
        title: Line coverage meets the configured target
        severity: medium
        category: testing-quality-assurance
        applies_to: [test_suite]
        message: "Line coverage is {coverage}, below the target of {target}"
        improvement: "Raised line coverage to the target of {target}"
        remediation: >-
          Add tests for the code the coverage report shows uncovered, or lower `coverage.target` in
          `.stackreview.yml` if the target does not fit this repository.
        check:
          coded: coverage-below-target
        examples:
          fail: |
            # file: coverage/coverage-summary.json
            ⚑{"total": {"lines": {"total": 200, "covered": 104, "pct": 52.0}}}
          pass: |
            # file: coverage/coverage-summary.json
            {"total": {"lines": {"total": 200, "covered": 172, "pct": 85.91}}}

        """#),
        ("rules/testing/testing-coverage-falling.yml", #"""
        id: testing-coverage-falling
        title: Line coverage does not fall
        severity: low
        category: testing-quality-assurance
        applies_to: [test_suite]
        message: "Line coverage fell from {before} to {coverage}"
        improvement: "Line coverage no longer falls"
        remediation: Cover the code this change added, so the coverage of the whole suite does not drop.
        check:
          coded: coverage-falling
        examples:
          fail: |
            # base file: coverage/coverage-summary.json
            {"total": {"lines": {"pct": 85.91}}}
            # file: coverage/coverage-summary.json
            ⚑{"total": {"lines": {"pct": 80.5}}}
          pass: |
            # base file: coverage/coverage-summary.json
            {"total": {"lines": {"pct": 80.5}}}
            # file: coverage/coverage-summary.json
            {"total": {"lines": {"pct": 85.91}}}

        """#),
        ("rules/testing/testing-fewer-tests.yml", #"""
        id: testing-fewer-tests
        title: The change does not remove tests
        severity: medium
        category: testing-quality-assurance
        applies_to: [test_suite]
        message: "The change leaves {now} test cases where there were {before}"
        improvement: "The test suite no longer shrinks"
        remediation: Restore the removed tests, or replace them with tests of what replaced the code they covered.
        check:
          coded: fewer-tests
        examples:
          fail: |
            # base file: tests/test_handler.py
            def test_one():
                assert True


            def test_two():
                assert True
            # file: tests/test_handler.py
            ⚑def test_one():
                assert True
          pass: |
            # base file: tests/test_handler.py
            def test_one():
                assert True
            # file: tests/test_handler.py
            def test_one():
                assert True


            def test_two():
                assert True

        """#),
        ("rules/testing/testing-no-integration-tests.yml", #"""
        id: testing-no-integration-tests
        title: The stack has integration tests as well as unit tests
        severity: low
        category: testing-quality-assurance
        applies_to: [test_suite]
        message: "There are {unit} unit tests and no integration test"
        improvement: "Added integration tests"
        remediation: >-
          Add tests under `tests/integration/` (or another folder named integration, e2e or functional)
          that exercise the deployed stack: call the API, check the table, read the logs.
        check:
          coded: no-integration-tests
        examples:
          fail: |
            # file: tests/test_handler.py
            ⚑def test_returns_200():
                assert handler({}, None)["statusCode"] == 200
          pass: |
            # file: tests/test_handler.py
            def test_returns_200():
                assert handler({}, None)["statusCode"] == 200
            # file: tests/integration/test_api.py
            def test_round_trip():
                assert post("/orders").status_code == 201

        """#),
        ("rules/testing/testing-tests-not-updated.yml", #"""
        id: testing-tests-not-updated
        title: Changes to infrastructure or handler code come with test changes
        severity: low
        category: testing-quality-assurance
        applies_to: [test_suite]
        message: "The change edits {files} Terraform or handler file(s) but no test"
        improvement: "The change's code edits come with test changes"
        remediation: >-
          Add or update a test that covers what the change does to the Terraform module or the handler
          (a unit test of the handler, or a test that checks the planned resources).
        check:
          coded: tests-not-updated
        examples:
          fail: |
            # file: infra/main.tf
            ⚑resource "aws_s3_bucket" "b" {
              bucket = "b"
            }
          pass: |
            # file: infra/main.tf
            resource "aws_s3_bucket" "b" {
              bucket = "b"
            }
            # file: tests/test_bucket.py
            def test_bucket_name():
                assert "b" == "b"

        """#),
        ("rules/testing/testing-tests-without-assertions.yml", #"""
        id: testing-tests-without-assertions
        title: Every test case asserts something
        severity: medium
        category: testing-quality-assurance
        applies_to: [test_suite]
        message: "`{subject}` has {count} test(s) that assert nothing: {tests}"
        improvement: "Made every test in `{subject}` assert its result"
        remediation: >-
          A test that asserts nothing passes whatever the code does. Assert the response, the stored
          item or the raised error.
        check:
          coded: tests-without-assertions
        examples:
          fail: |
            # file: tests/test_handler.py
            ⚑def test_handler_runs():
                handler({"body": "{}"}, None)


            def test_status():
                assert handler({}, None)["statusCode"] == 400
          pass: |
            # file: tests/test_handler.py
            def test_status():
                assert handler({}, None)["statusCode"] == 400

        """#),
    ]
}
