import Terraform

/// Flags `Allow` statements that grant every action (`*`) on every resource (`*`): full
/// administrator access written into a policy.
struct IAMAdministratorAccessCheck: CodedCheck {
    let name = "iam-administrator-access"

    func evaluate(_ subject: Subject, in context: CheckContext) -> [CodedVerdict] {
        OwnedPolicyStatement.statements(of: subject, in: context).filter(\.isAdministrator).map { owned in
            CodedVerdict(.fail(FailureLocation(range: owned.statement.range, attributePath: owned.path)))
        }
    }
}
