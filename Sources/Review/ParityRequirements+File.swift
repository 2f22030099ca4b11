// Generated from rules/data/parity-ids.yaml by ParityDocumentTests; do not edit.
// Regenerate: STACKREVIEW_UPDATE_GOLDEN=1 swift test --filter ParityDocumentTests

extension ParityRequirements {
    /// The text of `rules/data/parity-ids.yaml`.
    static let builtinText = #"""
        # What the built-in rule pack must cover (issue 8). rules/PARITY.md is generated from this
        # list and the rule files' references: `stackreview rules parity > rules/PARITY.md`.
        checkov:
          Lambda: [CKV_AWS_45, CKV_AWS_50, CKV_AWS_115, CKV_AWS_116, CKV_AWS_117, CKV_AWS_173, CKV_AWS_272, CKV_AWS_363, CKV_AWS_258, CKV_AWS_301, CKV_AWS_364, CKV2_AWS_75]
          API Gateway (REST and HTTP): [CKV_AWS_76, CKV_AWS_73, CKV_AWS_120, CKV_AWS_225, CKV_AWS_308, CKV_AWS_276, CKV_AWS_59, CKV2_AWS_70, CKV_AWS_309, CKV_AWS_237, CKV2_AWS_4, CKV2_AWS_29, CKV2_AWS_51, CKV2_AWS_53]
          IAM (roles, policies, inline and attached): [CKV_AWS_60, CKV_AWS_61, CKV_AWS_62, CKV_AWS_63, CKV_AWS_355, CKV_AWS_274, CKV_AWS_286, CKV_AWS_287, CKV_AWS_288, CKV_AWS_289, CKV_AWS_290, CKV_AWS_40, CKV2_AWS_40, CKV2_AWS_56]
          IAM policy documents (aws_iam_policy_document): [CKV_AWS_1, CKV_AWS_49, CKV_AWS_107, CKV_AWS_108, CKV_AWS_109, CKV_AWS_110, CKV_AWS_111, CKV_AWS_283, CKV_AWS_356, CKV_AWS_358]
          CloudWatch Logs: [CKV_AWS_66, CKV_AWS_338, CKV_AWS_158]
          KMS: [CKV_AWS_7, CKV_AWS_33, CKV_AWS_227, CKV2_AWS_64]
          Secrets Manager: [CKV_AWS_149, CKV_AWS_304, CKV2_AWS_57]
          S3: [CKV_AWS_18, CKV_AWS_19, CKV_AWS_20, CKV_AWS_21, CKV_AWS_53, CKV_AWS_54, CKV_AWS_55, CKV_AWS_56, CKV_AWS_57, CKV_AWS_70, CKV_AWS_93, CKV_AWS_145, CKV2_AWS_6, CKV2_AWS_61, CKV2_AWS_62, CKV2_AWS_65]
          SQS, SNS, DynamoDB: [CKV_AWS_26, CKV_AWS_27, CKV_AWS_28, CKV_AWS_72, CKV_AWS_119, CKV_AWS_168, CKV_AWS_169, CKV2_AWS_16]
        tflint:
          - terraform_comment_syntax
          - terraform_deprecated_index
          - terraform_deprecated_interpolation
          - terraform_deprecated_lookup
          - terraform_documented_outputs
          - terraform_documented_variables
          - terraform_empty_list_equality
          - terraform_json_syntax
          - terraform_map_duplicate_keys
          - terraform_module_pinned_source
          - terraform_module_version
          - terraform_naming_convention
          - terraform_required_providers
          - terraform_required_version
          - terraform_standard_module_structure
          - terraform_typed_variables
          - terraform_unused_declarations
          - terraform_unused_required_providers
          - terraform_workspace_remote
        stackreview:
          Secure TLS policy on API custom domains: aws-api-gateway-domain-tls
          "iam:PassRole on every role": iam-pass-role-wildcard
          Log retention at least a configurable minimum (default one year): aws-cloudwatch-log-group-retention-minimum
          Alarm on Lambda errors: aws-lambda-errors-alarm
          Alarm on Lambda throttles: aws-lambda-throttles-alarm
          Alarm on API server errors (5XX): aws-api-gateway-5xx-alarm
          Sensitive-looking variables marked sensitive: terraform-variable-sensitive
          Hard-coded region or account id: terraform-hardcoded-region-account
          Canonical formatting as terraform fmt writes it: terraform-fmt
        """#
}
