import Testing
@testable import Review

@Suite struct MetricAlarmCoverageTests {
    static let function = """
        resource "aws_lambda_function" "f" {
          function_name = "orders"
        }

        """

    static func alarm(namespace: String, metric: String, dimension: String) -> String {
        """
        resource "aws_cloudwatch_metric_alarm" "a" {
          alarm_name  = "a"
          namespace   = \(namespace)
          metric_name = \(metric)
          dimensions  = { FunctionName = \(dimension) }
        }

        """
    }

    @Test func anAlarmOnAnotherFunctionOrNamespaceDoesNotCount() {
        let other = Self.function + Self.alarm(namespace: "\"AWS/Lambda\"", metric: "\"Errors\"", dimension: "\"billing\"")
        #expect(BuiltinRuleHarness.run("aws-lambda-errors-alarm", other) == [
            "main.tf:1:1 No CloudWatch alarm watches the `Errors` metric of `aws_lambda_function.f`: failures go unnoticed",
        ])
        let namespace = Self.function + Self.alarm(namespace: "\"Custom/App\"", metric: "\"Errors\"", dimension: "\"orders\"")
        #expect(BuiltinRuleHarness.run("aws-lambda-errors-alarm", namespace).count == 1)
    }

    @Test func anUnknownMetricOnAnAlarmThatRefersToTheFunctionIsSilent() {
        let text = """
            variable "metric" {
              type = string
            }

            """ + Self.function + Self.alarm(namespace: "\"AWS/Lambda\"", metric: "var.metric", dimension: "aws_lambda_function.f.function_name")
        #expect(BuiltinRuleHarness.run("aws-lambda-errors-alarm", text) == [])
        #expect(BuiltinRuleHarness.run("aws-lambda-throttles-alarm", text) == [])
    }

    @Test func restAndHTTPAPIsUseTheirOwnMetricNames() {
        let text = """
            resource "aws_apigatewayv2_api" "http" {
              name          = "orders"
              protocol_type = "HTTP"
            }
            resource "aws_cloudwatch_metric_alarm" "a" {
              alarm_name  = "a"
              namespace   = "AWS/ApiGateway"
              metric_name = "5XXError"
              dimensions  = { ApiId = aws_apigatewayv2_api.http.id }
            }

            """
        #expect(BuiltinRuleHarness.run("aws-api-gateway-5xx-alarm", text) == [
            "main.tf:1:1 No CloudWatch alarm watches the `5xx` metric of `aws_apigatewayv2_api.http`: server errors go unnoticed",
        ])
    }
}
