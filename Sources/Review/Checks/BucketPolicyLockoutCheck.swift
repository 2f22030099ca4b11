import Terraform

/// Flags bucket policies that lock everyone out of changing the policy: a `Deny` statement
/// without conditions, for every principal, whose actions cover `s3:PutBucketPolicy`
/// (`s3:PutBucketPolicy`, `s3:Put*`, `s3:*`, `*`). Only the account root can then repair the
/// policy.
struct BucketPolicyLockoutCheck: CodedCheck {
    let name = "bucket-policy-lockout"

    func evaluate(_ subject: Subject, in context: CheckContext) -> [CodedVerdict] {
        var verdicts: [CodedVerdict] = []
        for owned in OwnedPolicyStatement.statements(of: subject, in: context, attributes: ["policy"], ownedOnly: false) {
            let statement = owned.statement
            guard statement.effect == .deny, statement.conditions.isEmpty, statement.notActions.isEmpty,
                  statement.principals.values.contains(where: { $0.contains("*") }) else { continue }
            let locking = statement.actions.filter { PolicyStatement.pattern($0, matches: "s3:PutBucketPolicy") }
            guard !locking.isEmpty else { continue }
            verdicts.append(CodedVerdict(
                .fail(FailureLocation(range: statement.range, attributePath: owned.path)),
                arguments: ["actions": OwnedPolicyStatement.list(locking)]))
        }
        return verdicts
    }
}
