import Terraform

/// Flags `Allow` statements without conditions whose principal is anyone: `"Principal": "*"`
/// or `*` as the identifier of any principal type (`{"AWS": "*"}`, `{"Service": "*"}`).
///
/// One instance reads resource policies (`policy` of keys, queues, topics, bucket policies);
/// another reads role trust policies (`assume_role_policy`). Statements of a data source the
/// attribute refers to count, at their own ranges. A condition (`aws:SourceArn`,
/// `aws:PrincipalOrgID`, ...) is taken as limiting who gets in. A third instance reads the
/// statements of `aws_iam_policy_document` data sources, counting only `AWS` principals (and
/// `Principal: "*"`), as checkov's CKV_AWS_283 does.
struct PolicyPublicPrincipalCheck: CodedCheck {
    let name: String
    /// The policy attributes read.
    let attributes: Set<String>
    /// The principal types that count; nil for every type.
    var principalTypes: Set<String>? = nil

    func evaluate(_ subject: Subject, in context: CheckContext) -> [CodedVerdict] {
        var verdicts: [CodedVerdict] = []
        for owned in OwnedPolicyStatement.statements(of: subject, in: context, attributes: attributes, ownedOnly: false) {
            let statement = owned.statement
            guard statement.effect == .allow, statement.conditions.isEmpty else { continue }
            let anyone = statement.principals.keys.sorted().filter { type in
                statement.principals[type]?.contains("*") == true && principalTypes.map { $0.contains(type) } != false
            }
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
    /// Statements of `aws_iam_policy_document` data sources (`AWS` principals).
    static let policyDocuments = PolicyPublicPrincipalCheck(name: "policy-document-public-principal", attributes: [], principalTypes: ["AWS", "*"])
}
