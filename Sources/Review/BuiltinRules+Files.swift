// Generated from rules/ by BuiltinRulesTests; do not edit.
// Regenerate: STACKREVIEW_UPDATE_GOLDEN=1 swift test --filter BuiltinRulesTests

extension BuiltinRules {
    /// The rule files under `rules/`, by repository path.
    public static let files: [(path: String, text: String)] = [
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
    ]
}
