import Terraform

/// Flags `Allow` statements whose actions are wildcards for a whole service (`s3:*`) or for
/// everything (`*`) on specific resources. A `*` action on `*` resources is left to
/// `IAMAdministratorAccessCheck`, so one statement gives one finding.
struct IAMWildcardActionsCheck: CodedCheck {
    let name = "iam-wildcard-actions"

    func evaluate(_ subject: Subject, in context: CheckContext) -> [CodedVerdict] {
        var verdicts: [CodedVerdict] = []
        for owned in OwnedPolicyStatement.statements(of: subject, in: context) where owned.statement.effect == .allow && !owned.isAdministrator {
            let wildcards = owned.statement.actions.filter { OwnedPolicyStatement.isEveryAction($0) || OwnedPolicyStatement.isEveryServiceAction($0) }
            guard !wildcards.isEmpty else { continue }
            verdicts.append(CodedVerdict(
                .fail(FailureLocation(range: owned.statement.range, attributePath: owned.path)),
                arguments: ["actions": OwnedPolicyStatement.list(wildcards)]))
        }
        return verdicts
    }
}
