import HCL
import Terraform

/// An IAM policy statement written inside a subject's own block, with the attribute path that
/// identifies it in findings.
///
/// A statement belongs to the block it is written in: an `aws_iam_policy_document` data
/// source owns its `statement` blocks, and an `aws_iam_role_policy` whose `policy` is
/// `data.aws_iam_policy_document.x.json` does not own them, so each statement is reported once,
/// where it can be edited.
struct OwnedPolicyStatement {
    /// The statement.
    var statement: PolicyStatement
    /// `policy.Statement.0`, `inline_policy.policy.Statement.ReadOrders`, `statement.1`: the
    /// attribute, then the statement's `Sid` when it has one, else its index.
    var path: String

    /// The resource types whose `policy` (or `inline_policy.policy`) grants permissions to an
    /// identity, and the data source that builds documents.
    static let identityPolicyTypes: Set<String> = [
        "aws_iam_policy", "aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy", "aws_iam_role",
        "data.aws_iam_policy_document",
    ]

    /// The identity-policy statements written in `subject`'s block.
    ///
    /// Trust policies are left out, and so are statements with a `Principal` or `NotPrincipal`:
    /// only resource policies have one (a key policy built with `aws_iam_policy_document` must
    /// say `Resource: "*"`, meaning the key itself), and they are judged by their own rules.
    static func statements(of subject: Subject, in context: CheckContext) -> [OwnedPolicyStatement] {
        guard identityPolicyTypes.contains(subject.type) else { return [] }
        return statements(of: subject, in: context, attributes: ["policy", "inline_policy.policy"], ownedOnly: true)
            .filter { $0.statement.principals.isEmpty && $0.statement.notPrincipals.isEmpty }
    }

    /// The statements of the documents in `attributes` of `subject` (and, for an
    /// `aws_iam_policy_document` data source, its own statements). With `ownedOnly`, statements
    /// written in another block (a data source the attribute refers to) are left out; without,
    /// they are included and keep their own ranges.
    static func statements(of subject: Subject, in context: CheckContext, attributes: Set<String>, ownedOnly: Bool) -> [OwnedPolicyStatement] {
        var documents: [(attribute: String, document: PolicyDocument)] = []
        if subject.type == "data.aws_iam_policy_document" {
            if let document = context.dataSourceDocuments[subject.address] {
                documents.append(("statement", document))
            }
        } else {
            for policy in context.policies[subject.address] ?? [] where attributes.contains(policy.attribute) {
                documents.append((policy.attribute, policy.document))
            }
        }
        var owned: [OwnedPolicyStatement] = []
        for (attribute, document) in documents {
            let separator = attribute == "statement" ? "." : ".Statement."
            for (index, statement) in document.statements.enumerated() where !ownedOnly || isInside(statement, subject) {
                let key = statement.sid.flatMap { $0.isEmpty ? nil : $0 } ?? String(index)
                owned.append(OwnedPolicyStatement(statement: statement, path: attribute + separator + key))
            }
        }
        return owned
    }

    private static func isInside(_ statement: PolicyStatement, _ subject: Subject) -> Bool {
        statement.file == subject.file && statement.range.start.byte >= subject.range.start.byte
            && statement.range.end.byte <= subject.range.end.byte
    }

    /// `"*"` or `"*:*"`: every action of every service.
    static func isEveryAction(_ action: String) -> Bool { action == "*" || action == "*:*" }

    /// `s3:*`: every action of one service.
    static func isEveryServiceAction(_ action: String) -> Bool {
        let parts = action.split(separator: ":", omittingEmptySubsequences: false)
        return parts.count == 2 && parts[1] == "*" && !parts[0].contains("*")
    }

    /// A statement allows every action on every resource.
    var isAdministrator: Bool {
        statement.effect == .allow && statement.actions.contains(where: Self.isEveryAction) && statement.resources.contains("*")
    }

    /// The actions listed as backticked code, joined with commas.
    static func list(_ items: [String]) -> String {
        items.map { "`\($0)`" }.joined(separator: ", ")
    }
}
