import Terraform

/// Flags `Allow` statements that grant every action of one service (`iam:*`) on every
/// resource (`*`): for IAM, full control of every user, role and policy in the account, which
/// is administrator access one step removed. Conditions do not excuse it.
struct IAMServiceWildcardCheck: CodedCheck {
    let name: String
    /// The service prefix, as in `iam:*`.
    let service: String

    func evaluate(_ subject: Subject, in context: CheckContext) -> [CodedVerdict] {
        OwnedPolicyStatement.statements(of: subject, in: context).compactMap { owned in
            let statement = owned.statement
            guard statement.effect == .allow, statement.resources.contains("*"),
                  let action = statement.actions.first(where: { $0.lowercased() == service + ":*" }) else { return nil }
            return CodedVerdict(.fail(FailureLocation(range: statement.range, attributePath: owned.path)), arguments: ["actions": "`\(action)`"])
        }
    }

    /// `iam:*` on `*`.
    static let fullIAMAccess = IAMServiceWildcardCheck(name: "iam-full-iam-access", service: "iam")
}
