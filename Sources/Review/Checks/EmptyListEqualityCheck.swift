import HCL
import Terraform

/// Flags comparisons with an empty list (`x == []`, `[] != x`): the list literal `[]` is a
/// tuple, so the comparison is false even for an empty list. `length(x) == 0` says what is
/// meant; it is each finding's `replacement`. A block with several instances is reported once.
struct EmptyListEqualityCheck: BlockSyntaxCheck {
    let name = "empty-list-equality"

    func verdicts(on syntax: BlockSyntax, of subject: Subject, in context: CheckContext) -> [CodedVerdict] {
        guard subject.isFirstInstance(in: context) else { return [] }
        return syntax.expressions.compactMap { expression, path in
            guard expression.shape == .binary, case .binary(let operation, let left, let right) = expression.kind, operation == .equal || operation == .notEqual else { return nil }
            let other: Expression
            if Self.isEmptyList(right) { other = left } else if Self.isEmptyList(left) { other = right } else { return nil }
            let replacement = "length(\(syntax.text(other.range))) \(operation.rawValue) 0"
            return CodedVerdict(.fail(FailureLocation(range: expression.range, attributePath: path)), arguments: ["replacement": replacement])
        }
    }

    static func isEmptyList(_ expression: Expression) -> Bool {
        if case .tuple(let elements) = expression.kind { return elements.isEmpty }
        return false
    }
}
