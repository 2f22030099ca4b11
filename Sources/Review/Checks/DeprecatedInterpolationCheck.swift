import HCL
import Terraform

/// Flags quoted strings that hold nothing but one interpolation (`"${var.x}"`), the
/// Terraform 0.11 syntax; Terraform 0.12 and later take the expression itself (`var.x`).
///
/// Every attribute of the subject's block and nested blocks is searched, including inside
/// object, tuple and function-call arguments. Each finding carries `replacement`, the inner
/// expression's source text, for the rule's `replace-value` fix. A block with several
/// instances (`count`, `for_each`) is reported once, on its first instance.
struct DeprecatedInterpolationCheck: BlockSyntaxCheck {
    let name = "deprecated-interpolation"

    func verdicts(on syntax: BlockSyntax, of subject: Subject, in context: CheckContext) -> [CodedVerdict] {
        guard subject.isFirstInstance(in: context) else { return [] }
        var verdicts: [CodedVerdict] = []
        Self.search(syntax.body, path: [], source: syntax.file.source, into: &verdicts)
        return verdicts
    }

    static func search(_ body: Body, path: [String], source: [UInt8], into verdicts: inout [CodedVerdict]) {
        for attribute in body.attributes {
            search(attribute.expression, path: (path + [attribute.name]).joined(separator: "."), source: source, into: &verdicts)
        }
        for block in body.blocks {
            search(block.body, path: path + [block.type], source: source, into: &verdicts)
        }
    }

    static func search(_ expression: Expression, path: String, source: [UInt8], into verdicts: inout [CodedVerdict]) {
        switch expression.shape {
        case .template, .tuple, .object, .functionCall, .parenthesized, .conditional: break
        default: return
        }
        switch expression.kind {
        case .template(let template):
            if template.style == .quoted, template.isSingleInterpolation, case .interpolation(let inner, _) = template.parts[0] {
                verdicts.append(CodedVerdict(
                    .fail(FailureLocation(range: expression.range, attributePath: path)),
                    arguments: ["replacement": inner.range.text(in: source)]))
            }
        case .tuple(let elements):
            for element in elements { search(element, path: path, source: source, into: &verdicts) }
        case .object(let items):
            for item in items { search(item.value, path: path, source: source, into: &verdicts) }
        case .functionCall(let call):
            for argument in call.arguments { search(argument, path: path, source: source, into: &verdicts) }
        case .parenthesized(let inner):
            search(inner, path: path, source: source, into: &verdicts)
        case .conditional(_, let whenTrue, let whenFalse):
            search(whenTrue, path: path, source: source, into: &verdicts)
            search(whenFalse, path: path, source: source, into: &verdicts)
        default:
            break
        }
    }
}
