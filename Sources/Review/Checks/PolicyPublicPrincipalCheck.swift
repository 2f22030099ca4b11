import Terraform

/// Flags `Allow` statements without conditions whose principal is anyone: `"Principal": "*"`
/// or `*` as the identifier of any principal type (`{"AWS": "*"}`, `{"Service": "*"}`).
///
/// One instance reads resource policies (`policy` of keys, queues, topics, bucket policies);
/// another reads role trust policies (`assume_role_policy`). Statements of a data source the
/// attribute refers to count, at their own ranges. A condition (`aws:SourceArn`,
/// `aws:PrincipalOrgID`, ...) is taken as limiting who gets in.
struct PolicyPublicPrincipalCheck: CodedCheck {
    let name: String
    /// The policy attributes read.
    let attributes: Set<String>

    func evaluate(_ subject: Subject, in context: CheckContext) -> [CodedVerdict] {
        var verdicts: [CodedVerdict] = []
        for owned in OwnedPolicyStatement.statements(of: subject, in: context, attributes: attributes, ownedOnly: false) {
            let statement = owned.statement
            guard statement.effect == .allow, statement.conditions.isEmpty else { continue }
            let anyone = statement.principals.keys.sorted().filter { statement.principals[$0]?.contains("*") == true }
            guard !anyone.isEmpty else { continue }
            let described = anyone.map { $0 == "*" ? "`\"*\"`" : "`\($0): \"*\"`" }.joined(separator: ", ")
            verdicts.append(CodedVerdict(
                .fail(FailureLocation(range: statement.range, attributePath: owned.path)),
                arguments: ["principal": described]))
        }
        return verdicts
    }

    /// Resource policies of keys, queues, topics, buckets and secrets.
    static let resourcePolicies = PolicyPublicPrincipalCheck(name: "resource-policy-public-principal", attributes: ["policy"])
    /// Role trust policies.
    static let trustPolicies = PolicyPublicPrincipalCheck(name: "trust-policy-public-principal", attributes: ["assume_role_policy"])
}
