import Terraform

/// Flags trust statements for GitHub Actions' OIDC provider that let workflows of other
/// repositories assume the role.
///
/// A statement is a GitHub Actions trust when a `Federated` principal names the
/// `token.actions.githubusercontent.com` provider, or a condition reads one of its claims
/// (`token.actions.githubusercontent.com:sub`). It fails when no condition tests the `sub`
/// claim, or when a `sub` value is unsafe: `*`; a value without a `claim:value` pair; a
/// wildcard first value (`repo:*`); a value that starts with a claim any repository can
/// present (`workflow`, `environment`, `ref`, `context`, `head_ref`, `base_ref`); or a `repo:`
/// value that does not name an owner and a repository (`repo:octo-org`).
/// A condition whose variable is unknown, or a `sub` condition whose values are all unknown,
/// leaves the statement unjudged; an unknown provider ARN does not (the condition names it).
struct GitHubOIDCTrustCheck: CodedCheck {
    let name = "github-oidc-trust"

    static let provider = "token.actions.githubusercontent.com"
    static let abusableClaims = ["workflow", "environment", "ref", "context", "head_ref", "base_ref"]

    func evaluate(_ subject: Subject, in context: CheckContext) -> [CodedVerdict] {
        let statements = subject.type == "aws_iam_role"
            ? OwnedPolicyStatement.statements(of: subject, in: context, attributes: ["assume_role_policy"], ownedOnly: true)
            : OwnedPolicyStatement.statements(of: subject, in: context, attributes: [], ownedOnly: true)
        return statements.compactMap { owned in
            let statement = owned.statement
            guard statement.effect == .allow, Self.isGitHubTrust(statement),
                  !statement.conditions.contains(where: { $0.variable.isEmpty }) else { return nil }
            let subjectConditions = statement.conditions.filter { $0.variable.lowercased() == Self.provider + ":sub" }
            let subjects = subjectConditions.flatMap(\.values)
            if !subjectConditions.isEmpty, subjects.isEmpty { return nil }
            let problem: String
            if subjects.isEmpty {
                problem = "no condition on the `sub` claim"
            } else if let unsafe = subjects.first(where: Self.isUnsafe) {
                problem = "the unsafe `sub` condition `\(unsafe)`"
            } else {
                return nil
            }
            return CodedVerdict(.fail(FailureLocation(range: statement.range, attributePath: owned.path)), arguments: ["problem": problem])
        }
    }

    static func isGitHubTrust(_ statement: PolicyStatement) -> Bool {
        let federated = statement.principals["Federated"] ?? []
        return federated.contains { $0.contains("oidc-provider/" + provider) }
            || statement.conditions.contains { $0.variable.lowercased().hasPrefix(provider + ":") }
    }

    /// Whether one value of the `sub` condition lets workflows outside one repository in.
    static func isUnsafe(_ value: String) -> Bool {
        if value == "*" { return true }
        let parts = value.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count > 1 else { return true }
        if parts[1] == "*" { return true }
        if abusableClaims.contains(where: { parts[0].hasPrefix($0) }) { return true }
        if parts[0] == "repo" {
            let repository = parts[1].split(separator: "/", omittingEmptySubsequences: false)
            return repository.count < 2 || repository[0].isEmpty || repository[0].contains("*") || repository[1].isEmpty
        }
        return false
    }
}
