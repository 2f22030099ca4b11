import Terraform

/// Flags role trust statements that let a whole AWS account assume the role: an `AWS`
/// principal that is a bare 12-digit account id or `arn:aws:iam::<account>:root`, in an
/// `Allow` statement without conditions. Any condition (`sts:ExternalId`,
/// `aws:PrincipalArn`, `aws:PrincipalOrgID`) is taken as narrowing the principals; checkov's
/// CKV_AWS_61 accepts only `sts:ExternalId`.
struct TrustPolicyWholeAccountCheck: CodedCheck {
    let name = "trust-policy-whole-account"

    func evaluate(_ subject: Subject, in context: CheckContext) -> [CodedVerdict] {
        var verdicts: [CodedVerdict] = []
        for owned in OwnedPolicyStatement.statements(of: subject, in: context, attributes: ["assume_role_policy"], ownedOnly: false) {
            let statement = owned.statement
            guard statement.effect == .allow, statement.conditions.isEmpty else { continue }
            let accounts = (statement.principals["AWS"] ?? []).filter(Self.isWholeAccount)
            guard !accounts.isEmpty else { continue }
            verdicts.append(CodedVerdict(
                .fail(FailureLocation(range: statement.range, attributePath: owned.path)),
                arguments: ["principal": OwnedPolicyStatement.list(accounts)]))
        }
        return verdicts
    }

    /// `123456789012` or `arn:aws:iam::123456789012:root` (any partition).
    static func isWholeAccount(_ principal: String) -> Bool {
        if principal.count == 12, principal.allSatisfy(\.isNumber) { return true }
        let parts = principal.split(separator: ":", omittingEmptySubsequences: false)
        return parts.count == 6 && parts[0] == "arn" && parts[2] == "iam" && parts[5] == "root"
            && parts[4].count == 12 && parts[4].allSatisfy(\.isNumber)
    }
}
