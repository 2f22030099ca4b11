import Python

/// Flags credentials written into handler code: a string literal assigned to a secret-named
/// variable, attribute, keyword argument or dict key (bandit B105, B106), and any string
/// literal shaped like a well-known credential (an AWS access key id `AKIA…`/`ASIA…`, a
/// private key, a GitHub or Slack token, a JWT). The message describes the literal ("a
/// 12-character literal", "an AWS access key id"), never its value.
struct HandlerHardcodedCredentialCheck: HandlerCheck {
    let name = "handler-hardcoded-credential"

    func evaluate(_ handler: HandlerSubject) -> [HandlerVerdict] {
        var verdicts: [HandlerVerdict] = []
        var flagged: Set<Int> = []
        func add(_ literal: Expression, _ name: String, _ value: String) {
            guard flagged.insert(literal.range.start.offset).inserted else { return }
            let path = "credential." + name
            let count = verdicts.filter { $0.attributePath == path || $0.attributePath.hasPrefix(path + ".") }.count
            verdicts.append(HandlerVerdict(
                range: literal.range, attributePath: count == 0 ? path : "\(path).\(count + 1)",
                arguments: ["variable": name, "literal": SecretLiteral.description(of: value)]))
        }
        func check(_ name: String, _ value: Expression) {
            guard let text = value.stringValue, SecretLiteral.isSecretName(name), SecretLiteral.isLiteralSecret(text),
                  !Self.isPlaceholder(text, name: name) else { return }
            add(value, name, text)
        }
        for node in handler.walk.bindingNodes {
            switch node {
            case .statement(let statement):
                switch statement.kind {
                case .assign(let targets, let value):
                    for target in targets { if let name = Self.targetName(target) { check(name, value) } }
                case .annAssign(let target, _, let value?, _):
                    if let name = Self.targetName(target) { check(name, value) }
                default: break
                }
            case .keyword(let keyword):
                if let name = keyword.name { check(name, keyword.value) }
            case .expression(let expression):
                if case .dict(let keys, let values) = expression.kind {
                    for (key, value) in zip(keys, values) { if let name = key?.stringValue { check(name, value) } }
                }
                if let text = expression.stringValue, SecretLiteral.credentialKind(of: text) != nil { add(expression, "literal", text) }
            default: break
            }
        }
        return verdicts.sorted { $0.range.start.offset < $1.range.start.offset }
    }

    /// The name a target binds: `password`, `self.password` → `password`.
    static func targetName(_ target: Expression) -> String? {
        switch target.kind {
        case .name(let name, _): return name
        case .attribute(_, let attr, _): return attr
        default: return nil
        }
    }

    /// Whether `text` only names where a secret comes from: the name of an environment
    /// variable or parameter (`"DB_PASSWORD"`), or a placeholder (`"<token>"`, `"changeme"`
    /// is not one).
    static func isPlaceholder(_ text: String, name: String) -> Bool {
        if text.allSatisfy({ $0.isUppercase || $0 == "_" || $0.isNumber }) && text.contains(where: \.isLetter) { return true }
        if text.hasPrefix("<") && text.hasSuffix(">") { return true }
        if text.hasPrefix("${") || text.hasPrefix("{{") { return true }
        return false
    }
}
