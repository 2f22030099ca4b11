import Terraform

/// Flags Lambda functions without an explicit `aws_cloudwatch_log_group` named
/// `/aws/lambda/<function name>`: Lambda then creates the group itself, with no retention,
/// no encryption and outside Terraform's control.
///
/// A function that sends its logs elsewhere (`logging_config { log_group = ... }`) passes. When
/// the function name or any log group's name is unknown, the check cannot tell and is silent.
struct LambdaLogGroupCheck: CodedCheck {
    let name = "lambda-log-group"

    func evaluate(_ subject: Subject, in context: CheckContext) -> [CodedVerdict] {
        guard subject.type == "aws_lambda_function" else { return [] }
        if subject.body.value(at: "logging_config.log_group") != nil { return [] }
        guard let functionName = subject.body.value(at: "function_name")?.value, let name = functionName.stringValue else { return [] }
        let expected = "/aws/lambda/" + name
        var sawUnknown = false
        for group in context.subjects.values where group.type == "aws_cloudwatch_log_group" {
            guard let value = group.body.value(at: "name")?.value else { continue }
            if value.isUnknown { sawUnknown = true; continue }
            if value.stringValue == expected { return [] }
        }
        if sawUnknown { return [] }
        return [CodedVerdict(.fail(FailureLocation(range: subject.headerRange, attributePath: "")), arguments: ["log_group": expected])]
    }
}
