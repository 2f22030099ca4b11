import HCL
import Terraform

/// Flags `lookup(map, key)` with two arguments: Terraform 0.12 and later index the map
/// directly (`map[key]`). Three arguments (a default) remain fine. Each finding carries
/// `replacement`, the index expression. A block with several instances is reported once.
struct DeprecatedLookupCheck: BlockSyntaxCheck {
    let name = "deprecated-lookup"

    func verdicts(on syntax: BlockSyntax, of subject: Subject, in context: CheckContext) -> [CodedVerdict] {
        guard subject.isFirstInstance(in: context) else { return [] }
        return syntax.expressions.compactMap { expression, path in
            guard expression.shape == .functionCall, case .functionCall(let call) = expression.kind, call.name == "lookup", call.arguments.count == 2,
                  !call.expandsFinalArgument else { return nil }
            let replacement = syntax.text(call.arguments[0].range) + "[" + syntax.text(call.arguments[1].range) + "]"
            return CodedVerdict(.fail(FailureLocation(range: expression.range, attributePath: path)), arguments: ["replacement": replacement])
        }
    }
}
