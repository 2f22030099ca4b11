import HCL
import Terraform

/// Flags Lambda environment variables written as string literals that are secrets: a
/// secret-like name (`DB_PASSWORD`, `API_TOKEN`) with a literal value, or any literal shaped
/// like a well-known credential. Values from variables, locals or other resources are not
/// judged here (a variable's default is judged on the variable).
struct LambdaEnvironmentSecretsCheck: CodedCheck {
    let name = "lambda-environment-secrets"

    func evaluate(_ subject: Subject, in context: CheckContext) -> [CodedVerdict] {
        var verdicts: [CodedVerdict] = []
        for environment in subject.body.blocks(ofType: "environment") {
            guard let variables = environment.body.attribute("variables") else { continue }
            for item in Self.items(of: variables.expression) {
                guard let key = Self.keyName(item.key), let value = item.value.staticString else { continue }
                let kind = SecretLiteral.credentialKind(of: value)
                guard kind != nil || (SecretLiteral.isSecretName(key) && SecretLiteral.isLiteralSecret(value)) else { continue }
                verdicts.append(CodedVerdict(
                    .fail(FailureLocation(range: item.value.range, attributePath: "environment.variables." + key)),
                    arguments: ["variable": key, "secret": SecretLiteral.description(of: value)]))
            }
        }
        return verdicts
    }

    /// The items of an object constructor, looking through parentheses and into the object
    /// arguments of `merge(...)`.
    static func items(of expression: Expression) -> [ObjectItem] {
        switch expression.kind {
        case .object(let items): return items
        case .parenthesized(let inner): return items(of: inner)
        case .functionCall(let call) where call.name == "merge": return call.arguments.flatMap(items(of:))
        default: return []
        }
    }

    /// The static name of an object key (`DB_PASSWORD` or `"DB_PASSWORD"`).
    static func keyName(_ key: Expression) -> String? {
        if let text = key.staticString { return text }
        if let traversal = key.asTraversal, traversal.steps.isEmpty { return traversal.root }
        if case .parenthesized(let inner) = key.kind { return inner.staticString }
        return nil
    }
}
