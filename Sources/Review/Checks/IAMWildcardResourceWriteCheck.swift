import Terraform

/// Flags `Allow` statements without conditions that grant write or permission-management
/// actions on every resource (`Resource: "*"`). Whole-service and `*` actions are left to the
/// wildcard-action checks; actions that AWS only grants on `*` are exempt.
struct IAMWildcardResourceWriteCheck: CodedCheck {
    let name = "iam-wildcard-resource-write"

    func evaluate(_ subject: Subject, in context: CheckContext) -> [CodedVerdict] {
        var verdicts: [CodedVerdict] = []
        for owned in OwnedPolicyStatement.statements(of: subject, in: context) {
            let statement = owned.statement
            guard statement.effect == .allow, statement.resources.contains("*"), statement.conditions.isEmpty else { continue }
            let writes = statement.actions.filter {
                !OwnedPolicyStatement.isEveryAction($0) && !OwnedPolicyStatement.isEveryServiceAction($0) && IAMActionAccess.mayWrite($0)
            }
            guard !writes.isEmpty else { continue }
            verdicts.append(CodedVerdict(
                .fail(FailureLocation(range: statement.range, attributePath: owned.path)),
                arguments: ["actions": OwnedPolicyStatement.list(writes), "count": String(writes.count)]))
        }
        return verdicts
    }
}
