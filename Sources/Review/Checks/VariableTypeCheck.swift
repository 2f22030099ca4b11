import Terraform

/// Flags variables declared without a `type` constraint.
struct VariableTypeCheck: CodedCheck {
    let name = "variable-type"

    func evaluate(_ subject: Subject, in context: CheckContext) -> [CodedVerdict] {
        guard subject.kind == .variable, subject.body.attribute("type") == nil else { return [] }
        return [CodedVerdict(.fail(FailureLocation(range: subject.headerRange, attributePath: "type")))]
    }
}
