import HCL
import Terraform

/// Flags variables whose default is a literal secret: a secret-like name with a literal
/// default, or a default shaped like a well-known credential. Marking the variable
/// `sensitive` hides it from plans but not from the repository, so it does not help.
struct VariableDefaultSecretCheck: CodedCheck {
    let name = "variable-default-secret"

    func evaluate(_ subject: Subject, in context: CheckContext) -> [CodedVerdict] {
        guard subject.kind == .variable, let defaultAttribute = subject.body.attribute("default"),
              let value = defaultAttribute.expression.staticString else { return [] }
        let kind = SecretLiteral.credentialKind(of: value)
        guard kind != nil || (SecretLiteral.isSecretName(RuleRunner.lastComponent(of: subject.address)) && SecretLiteral.isLiteralSecret(value)) else { return [] }
        return [CodedVerdict(
            .fail(FailureLocation(range: defaultAttribute.expression.range, attributePath: "default")),
            arguments: ["secret": SecretLiteral.description(of: value)])]
    }
}
