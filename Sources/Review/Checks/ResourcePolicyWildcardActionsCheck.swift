import Terraform

/// Flags `Allow` statements of a resource policy (`policy` of a queue, topic, bucket policy)
/// that grant every action (`*`) or every action of a service (`sqs:*`), whatever the
/// resource.
struct ResourcePolicyWildcardActionsCheck: CodedCheck {
    let name = "resource-policy-wildcard-actions"

    func evaluate(_ subject: Subject, in context: CheckContext) -> [CodedVerdict] {
        var verdicts: [CodedVerdict] = []
        for owned in OwnedPolicyStatement.statements(of: subject, in: context, attributes: ["policy"], ownedOnly: false) where owned.statement.effect == .allow {
            let wildcards = owned.statement.actions.filter { OwnedPolicyStatement.isEveryAction($0) || OwnedPolicyStatement.isEveryServiceAction($0) }
            guard !wildcards.isEmpty else { continue }
            verdicts.append(CodedVerdict(
                .fail(FailureLocation(range: owned.statement.range, attributePath: owned.path)),
                arguments: ["actions": OwnedPolicyStatement.list(wildcards)]))
        }
        return verdicts
    }
}
