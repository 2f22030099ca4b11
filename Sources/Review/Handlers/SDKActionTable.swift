/// Which IAM actions an AWS SDK for Python (boto3) call needs: service → method → actions.
///
/// Client methods (`s3.put_object`) and the resource-style methods that map to them
/// (`Table.put_item`, `Bucket.upload_file`, `Object.get`) share the service's entry. The table
/// is written out as `rules/data/sdk-iam-actions.yaml` by `SDKActionTableTests`
/// (`STACKREVIEW_UPDATE_GOLDEN=1`), and that test fails when the two differ.
public enum SDKActionTable {
    /// The actions of each known method, by boto3 service name.
    public static let actions: [String: [String: [String]]] = [
        "s3": [
            "put_object": ["s3:PutObject"], "upload_file": ["s3:PutObject"], "upload_fileobj": ["s3:PutObject"],
            "create_multipart_upload": ["s3:PutObject"], "put": ["s3:PutObject"],
            "get_object": ["s3:GetObject"], "head_object": ["s3:GetObject"], "download_file": ["s3:GetObject"],
            "download_fileobj": ["s3:GetObject"], "get": ["s3:GetObject"],
            "copy_object": ["s3:GetObject", "s3:PutObject"],
            "delete_object": ["s3:DeleteObject"], "delete_objects": ["s3:DeleteObject"],
            "list_objects": ["s3:ListBucket"], "list_objects_v2": ["s3:ListBucket"], "head_bucket": ["s3:ListBucket"],
            "list_buckets": ["s3:ListAllMyBuckets"],
            "get_object_tagging": ["s3:GetObjectTagging"], "put_object_tagging": ["s3:PutObjectTagging"],
            "put_object_acl": ["s3:PutObjectAcl"],
        ],
        "dynamodb": [
            "get_item": ["dynamodb:GetItem"], "put_item": ["dynamodb:PutItem"], "update_item": ["dynamodb:UpdateItem"],
            "delete_item": ["dynamodb:DeleteItem"], "query": ["dynamodb:Query"], "scan": ["dynamodb:Scan"],
            "batch_get_item": ["dynamodb:BatchGetItem"], "batch_write_item": ["dynamodb:BatchWriteItem"],
            "batch_writer": ["dynamodb:BatchWriteItem"], "transact_get_items": ["dynamodb:GetItem"],
            "describe_table": ["dynamodb:DescribeTable"],
        ],
        "secretsmanager": [
            "get_secret_value": ["secretsmanager:GetSecretValue"], "describe_secret": ["secretsmanager:DescribeSecret"],
            "put_secret_value": ["secretsmanager:PutSecretValue"], "create_secret": ["secretsmanager:CreateSecret"],
            "update_secret": ["secretsmanager:UpdateSecret"], "list_secrets": ["secretsmanager:ListSecrets"],
        ],
        "ssm": [
            "get_parameter": ["ssm:GetParameter"], "get_parameters": ["ssm:GetParameters"],
            "get_parameters_by_path": ["ssm:GetParametersByPath"], "put_parameter": ["ssm:PutParameter"],
            "delete_parameter": ["ssm:DeleteParameter"],
        ],
        "sqs": [
            "send_message": ["sqs:SendMessage"], "send_message_batch": ["sqs:SendMessage"],
            "receive_message": ["sqs:ReceiveMessage"], "delete_message": ["sqs:DeleteMessage"],
            "delete_message_batch": ["sqs:DeleteMessage"], "get_queue_url": ["sqs:GetQueueUrl"],
            "get_queue_attributes": ["sqs:GetQueueAttributes"], "change_message_visibility": ["sqs:ChangeMessageVisibility"],
        ],
        "sns": [
            "publish": ["sns:Publish"], "publish_batch": ["sns:Publish"], "subscribe": ["sns:Subscribe"],
            "list_topics": ["sns:ListTopics"], "create_topic": ["sns:CreateTopic"],
        ],
        "kms": [
            "encrypt": ["kms:Encrypt"], "decrypt": ["kms:Decrypt"], "generate_data_key": ["kms:GenerateDataKey"],
            "generate_data_key_without_plaintext": ["kms:GenerateDataKeyWithoutPlaintext"], "sign": ["kms:Sign"],
            "verify": ["kms:Verify"], "re_encrypt": ["kms:ReEncryptFrom", "kms:ReEncryptTo"], "describe_key": ["kms:DescribeKey"],
        ],
        "lambda": [
            "invoke": ["lambda:InvokeFunction"], "invoke_async": ["lambda:InvokeFunction"],
            "get_function": ["lambda:GetFunction"], "list_functions": ["lambda:ListFunctions"],
        ],
        "logs": [
            "put_log_events": ["logs:PutLogEvents"], "create_log_stream": ["logs:CreateLogStream"],
            "create_log_group": ["logs:CreateLogGroup"], "filter_log_events": ["logs:FilterLogEvents"],
            "get_log_events": ["logs:GetLogEvents"], "start_query": ["logs:StartQuery"],
            "describe_log_streams": ["logs:DescribeLogStreams"],
        ],
    ]

    /// The table as YAML (services and methods sorted), the content of `rules/data/sdk-iam-actions.yaml`.
    public static var yaml: String {
        var text = "# boto3 method → IAM actions it needs, by service. Generated from SDKActionTable.swift by\n"
        text += "# SDKActionTableTests (STACKREVIEW_UPDATE_GOLDEN=1 swift test --filter SDKActionTableTests); do not edit.\n"
        for service in actions.keys.sorted() {
            text += "\(service):\n"
            for (method, list) in (actions[service] ?? [:]).sorted(by: { $0.key < $1.key }) {
                text += "  \(method): [\(list.joined(separator: ", "))]\n"
            }
        }
        return text
    }
}
