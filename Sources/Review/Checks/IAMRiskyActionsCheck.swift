import Terraform

/// Flags `Allow` statements without conditions that grant, on every resource (`*`), one of a
/// list of risky actions: one instance per risk (privilege escalation, credentials exposure,
/// data exfiltration, permissions management, passing any role).
///
/// A statement action counts when it matches a risky action, including patterns such as
/// `iam:Put*`; whole-service wildcards (`iam:*`) and `*` are left to the wildcard checks so a
/// statement is not reported by every rule at once.
struct IAMRiskyActionsCheck: CodedCheck {
    let name: String
    /// The risky actions, as the IAM reference spells them.
    let riskyActions: [String]

    func evaluate(_ subject: Subject, in context: CheckContext) -> [CodedVerdict] {
        var verdicts: [CodedVerdict] = []
        for owned in OwnedPolicyStatement.statements(of: subject, in: context) {
            let statement = owned.statement
            guard statement.effect == .allow, statement.resources.contains("*"), statement.conditions.isEmpty else { continue }
            let granted = riskyActions.filter { risky in
                statement.actions.contains { action in
                    !OwnedPolicyStatement.isEveryAction(action) && !OwnedPolicyStatement.isEveryServiceAction(action)
                        && PolicyStatement.pattern(action, matches: risky)
                }
            }
            guard !granted.isEmpty else { continue }
            verdicts.append(CodedVerdict(
                .fail(FailureLocation(range: statement.range, attributePath: owned.path)),
                arguments: ["actions": OwnedPolicyStatement.list(granted)]))
        }
        return verdicts
    }

    /// Actions that let an identity give itself (or a resource it controls) more permissions.
    static let privilegeEscalation = IAMRiskyActionsCheck(name: "iam-privilege-escalation", riskyActions: [
        "iam:AddUserToGroup", "iam:AttachGroupPolicy", "iam:AttachRolePolicy", "iam:AttachUserPolicy", "iam:CreateAccessKey",
        "iam:CreateLoginProfile", "iam:CreatePolicyVersion", "iam:PutGroupPolicy", "iam:PutRolePolicy", "iam:PutUserPolicy",
        "iam:SetDefaultPolicyVersion", "iam:UpdateAssumeRolePolicy", "iam:UpdateLoginProfile", "lambda:UpdateFunctionCode",
        "lambda:UpdateFunctionConfiguration", "glue:UpdateDevEndpoint", "cloudformation:CreateStack",
    ])

    /// Actions that return or create credentials.
    static let credentialsExposure = IAMRiskyActionsCheck(name: "iam-credentials-exposure", riskyActions: [
        "iam:CreateAccessKey", "iam:UpdateAccessKey", "iam:CreateServiceSpecificCredential",
        "iam:ResetServiceSpecificCredential", "iam:UploadSSHPublicKey", "sts:GetFederationToken", "sts:GetSessionToken",
        "ecr:GetAuthorizationToken", "redshift:GetClusterCredentials", "sso:GetRoleCredentials",
        "lightsail:GetInstanceAccessDetails", "codepipeline:PollForJobs", "cognito-identity:GetCredentialsForIdentity",
    ])

    /// Actions that read data out of the account in bulk.
    static let dataExfiltration = IAMRiskyActionsCheck(name: "iam-data-exfiltration", riskyActions: [
        "s3:GetObject", "ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath", "secretsmanager:GetSecretValue",
        "dynamodb:Scan", "dynamodb:Query", "rds:CopyDBSnapshot", "ec2:CreateSnapshot", "kms:Decrypt",
    ])

    /// Actions that change who may do what (policies, grants, resource policies).
    static let permissionsManagement = IAMRiskyActionsCheck(name: "iam-permissions-management", riskyActions: [
        "iam:AttachGroupPolicy", "iam:AttachRolePolicy", "iam:AttachUserPolicy", "iam:CreatePolicy", "iam:CreatePolicyVersion",
        "iam:DeleteGroupPolicy", "iam:DeletePolicy", "iam:DeleteRolePolicy", "iam:DeleteRolePermissionsBoundary",
        "iam:DetachGroupPolicy", "iam:DetachRolePolicy", "iam:DetachUserPolicy", "iam:PutGroupPolicy",
        "iam:PutRolePermissionsBoundary", "iam:PutRolePolicy", "iam:PutUserPermissionsBoundary", "iam:PutUserPolicy",
        "iam:UpdateAssumeRolePolicy", "kms:CreateGrant", "kms:PutKeyPolicy", "s3:PutBucketAcl", "s3:PutBucketPolicy",
        "s3:PutObjectAcl", "lambda:AddPermission", "lambda:RemovePermission", "sqs:AddPermission", "sns:AddPermission",
        "secretsmanager:PutResourcePolicy",
    ])

    /// `iam:PassRole`: handing any role to a service.
    static let passRole = IAMRiskyActionsCheck(name: "iam-pass-role-wildcard", riskyActions: ["iam:PassRole"])
}
