import Terraform

/// Flags DynamoDB tables with provisioned capacity that nothing scales: a table passes when its
/// `billing_mode` is `PAY_PER_REQUEST`, or when an `aws_appautoscaling_target` connected to it
/// is itself connected to an `aws_appautoscaling_policy`. A scalable target alone only records
/// minimum and maximum capacity; without a policy Application Auto Scaling never changes the
/// table's capacity (checkov's CKV2_AWS_16 asks for the same chain). An unknown `billing_mode`
/// stays silent.
struct DynamoDBAutoScalingCheck: CodedCheck {
    let name = "dynamodb-autoscaling"

    func evaluate(_ subject: Subject, in context: CheckContext) -> [CodedVerdict] {
        guard subject.type == "aws_dynamodb_table" else { return [] }
        if let billing = subject.body.value(at: "billing_mode") {
            switch billing.value {
            case .string(let mode) where mode == "PAY_PER_REQUEST": return []
            case .string: break
            default: return []
            }
        }
        let connected = Set(context.connections.connected(to: subject.graphNode))
        let scaled = context.subjects.values.contains { target in
            target.type == "aws_appautoscaling_target" && connected.contains(target.graphNode)
                && context.connections.connectedCount(of: target.graphNode, types: .only(["aws_appautoscaling_policy"])) > 0
        }
        guard !scaled else { return [] }
        return [CodedVerdict(.fail(FailureLocation(range: subject.headerRange, attributePath: "")), arguments: [:])]
    }
}
