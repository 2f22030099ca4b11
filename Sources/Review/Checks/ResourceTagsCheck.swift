import HCL
import Terraform

/// Flags taggable AWS resources that end up with no tags: no non-empty `tags` argument and no
/// `default_tags` on the AWS provider configuration the resource uses. `tags = local.tags`
/// counts like any other value; an unknown value counts as tagged.
struct ResourceTagsCheck: CodedCheck {
    let name = "resource-tags"

    /// The resource types (common in serverless stacks) that accept `tags`.
    static let taggableTypes: Set<String> = [
        "aws_lambda_function", "aws_iam_role", "aws_iam_policy", "aws_s3_bucket", "aws_dynamodb_table", "aws_sqs_queue",
        "aws_sns_topic", "aws_kms_key", "aws_secretsmanager_secret", "aws_cloudwatch_log_group", "aws_cloudwatch_metric_alarm",
        "aws_cloudwatch_event_rule", "aws_api_gateway_rest_api", "aws_api_gateway_stage", "aws_apigatewayv2_api",
        "aws_apigatewayv2_stage", "aws_sfn_state_machine", "aws_ecr_repository", "aws_cognito_user_pool", "aws_wafv2_web_acl",
        "aws_kinesis_stream", "aws_ssm_parameter", "aws_vpc", "aws_subnet", "aws_security_group", "aws_lambda_event_source_mapping",
    ]

    func evaluate(_ subject: Subject, in context: CheckContext) -> [CodedVerdict] {
        guard subject.kind == .resource, Self.taggableTypes.contains(subject.type) else { return [] }
        let failure: CodedVerdict
        if let tags = subject.body.value(at: "tags") {
            switch tags.value {
            case .object(let members) where members.isEmpty:
                failure = CodedVerdict(.fail(FailureLocation(range: tags.range, attributePath: "tags", value: tags.value)))
            case .null:
                failure = CodedVerdict(.fail(FailureLocation(range: tags.range, attributePath: "tags", value: tags.value)))
            default:
                return []
            }
        } else {
            failure = CodedVerdict(.fail(FailureLocation(range: subject.headerRange, attributePath: "tags")))
        }
        // Only an untagged resource needs its provider looked up.
        return Self.providerHasDefaultTags(for: subject, in: context.module) ? [] : [failure]
    }

    /// Whether the AWS provider configuration `subject` uses (its `provider` argument, else the
    /// default `aws` configuration of the root module) sets non-empty or unknown `default_tags`.
    static func providerHasDefaultTags(for subject: Subject, in root: Module) -> Bool {
        var wanted = "aws"
        if let declaration = subject.instance?.declaration,
           let traversal = declaration.source.block.body.attribute(named: "provider")?.expression.asTraversal {
            wanted = traversal.attributePath.joined(separator: ".")
        }
        // Provider configurations are inherited from the root module unless a child declares its own.
        let module = subject.owningModule(in: root)
        let candidates = (module?.providerConfigurations ?? []) + root.providerConfigurations
        guard let configuration = candidates.first(where: { $0.declaration.reference == wanted }) else { return false }
        guard let tags = configuration.defaultTags else { return false }
        if case .object(let members) = tags.value { return !members.isEmpty }
        return tags.value.isUnknown
    }
}
