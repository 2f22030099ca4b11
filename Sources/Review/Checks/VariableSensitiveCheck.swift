import Terraform

/// Flags variables whose name says they hold a secret (`db_password`, `api_token`,
/// `signing_key`; the same name heuristics as the secret checks) without `sensitive = true`,
/// so plans and logs would print their value. `sensitive = false` written out is taken as a
/// decision and passes; an unknown `sensitive` value is not judged.
struct VariableSensitiveCheck: CodedCheck {
    let name = "variable-sensitive"

    func evaluate(_ subject: Subject, in context: CheckContext) -> [CodedVerdict] {
        guard subject.kind == .variable, SecretLiteral.isSecretName(RuleRunner.lastComponent(of: subject.address)),
              subject.body.attribute("sensitive") == nil else { return [] }
        return [CodedVerdict(.fail(FailureLocation(range: subject.headerRange, attributePath: "sensitive")))]
    }
}
