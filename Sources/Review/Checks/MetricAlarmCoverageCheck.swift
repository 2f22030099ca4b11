import Terraform

/// Flags resources that no `aws_cloudwatch_metric_alarm` watches for one metric: Lambda
/// `Errors`, Lambda `Throttles`, API Gateway `5XXError` (REST) and `5xx` (HTTP APIs).
///
/// An alarm watches the subject when its metric (`metric_name`, or a `metric_query`'s
/// `metric.metric_name`) is one of the metric names, its namespace is the expected one, and
/// one of its dimension values refers to the subject (`FunctionName =
/// aws_lambda_function.f.function_name`) or equals the subject's name. When an alarm that
/// refers to the subject has an unknown metric name or namespace, the check cannot tell and is
/// silent.
struct MetricAlarmCoverageCheck: CodedCheck {
    let name: String
    /// The CloudWatch namespace of the metric.
    let namespace: String
    /// The metric names that count, by subject type.
    let metricNames: [String: [String]]
    /// The attribute of the subject whose value a dimension may equal, by subject type.
    let nameAttribute: [String: String]

    func evaluate(_ subject: Subject, in context: CheckContext) -> [CodedVerdict] {
        guard subject.kind == .resource, let wanted = metricNames[subject.type] else { return [] }
        let subjectName = nameAttribute[subject.type].flatMap { subject.body.value(at: $0)?.value.stringValue }
        let connected = Set(context.connections.connected(to: subject.graphNode))
        var sawUnknown = false
        // Whether an alarm covers the subject does not depend on the order the alarms are
        // looked at: the list is gone through, not the table by address (its copies retained).
        for alarm in context.subjectList where alarm.type == "aws_cloudwatch_metric_alarm" {
            let metrics = alarm.body.values(at: "metric_name").map(\.value) + alarm.body.values(at: "metric_query.metric.metric_name").map(\.value)
            let namespaces = alarm.body.values(at: "namespace").map(\.value) + alarm.body.values(at: "metric_query.metric.namespace").map(\.value)
            let dimensions = alarm.body.values(at: "dimensions").map(\.value) + alarm.body.values(at: "metric_query.metric.dimensions").map(\.value)
            let refersToSubject = connected.contains(alarm.graphNode)
            if (metrics + namespaces).contains(where: { !$0.isWhollyKnown }) {
                if refersToSubject { sawUnknown = true }
                continue
            }
            guard metrics.contains(where: { $0.stringValue.map(wanted.contains) == true }),
                  namespaces.contains(.string(namespace)) else { continue }
            let dimensionValues = dimensions.flatMap { ($0.members ?? [:]).values.compactMap(\.stringValue) }
            if refersToSubject || subjectName.map(dimensionValues.contains) == true { return [] }
        }
        if sawUnknown { return [] }
        return [CodedVerdict(
            .fail(FailureLocation(range: subject.headerRange, attributePath: "")),
            arguments: ["metric": wanted.map { "`\($0)`" }.joined(separator: " or ")])]
    }

    /// Lambda `Errors`.
    static let lambdaErrors = MetricAlarmCoverageCheck(
        name: "lambda-errors-alarm", namespace: "AWS/Lambda", metricNames: ["aws_lambda_function": ["Errors"]],
        nameAttribute: ["aws_lambda_function": "function_name"])
    /// Lambda `Throttles`.
    static let lambdaThrottles = MetricAlarmCoverageCheck(
        name: "lambda-throttles-alarm", namespace: "AWS/Lambda", metricNames: ["aws_lambda_function": ["Throttles"]],
        nameAttribute: ["aws_lambda_function": "function_name"])
    /// API Gateway server errors: `5XXError` for REST APIs (dimension `ApiName`), `5xx` for HTTP APIs (`ApiId`).
    static let apiServerErrors = MetricAlarmCoverageCheck(
        name: "api-5xx-alarm", namespace: "AWS/ApiGateway",
        metricNames: ["aws_api_gateway_rest_api": ["5XXError"], "aws_apigatewayv2_api": ["5xx"]],
        nameAttribute: ["aws_api_gateway_rest_api": "name"])
}
