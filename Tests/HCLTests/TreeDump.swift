@testable import HCL

/// Writes an expression as a compact S-expression, so a test can assert a whole tree's shape.
func dump(_ expression: Expression) -> String {
    switch expression.kind {
    case .literal(let value): return dump(value)
    case .template(let template): return "(template " + template.parts.map(dump).joined(separator: " ") + ")"
    case .scopeTraversal(let traversal): return traversal.description
    case .relativeTraversal(let source, let steps): return "(rel " + dump(source) + " " + steps.map(\.description).joined() + ")"
    case .functionCall(let call):
        let arguments: String = call.arguments.map { " " + dump($0) }.joined()
        return "(call \(call.name)" + arguments + (call.expandsFinalArgument ? " ...)" : ")")
    case .tuple(let elements): return "[" + elements.map(dump).joined(separator: " ") + "]"
    case .object(let items): return "{" + items.map { dump($0.key) + "=" + dump($0.value) }.joined(separator: " ") + "}"
    case .index(let collection, let key, _): return "(index " + dump(collection) + " " + dump(key) + ")"
    case .splat(let splat): return "(splat\(splat.style == .full ? "[*]" : ".*") " + dump(splat.source) + " " + dump(splat.each) + ")"
    case .splatElement: return "@"
    case .forExpression(let f):
        let keyName: String = f.keyVariable.map { $0 + "," } ?? ""
        var text = "(for " + keyName + f.valueVariable
        text += " in " + dump(f.collection) + " : "
        if let key = f.keyExpression { text += dump(key) + " => " }
        text += dump(f.valueExpression)
        if f.isGrouped { text += "..." }
        if let condition = f.condition { text += " if " + dump(condition) }
        return text + ")"
    case .conditional(let c, let t, let f): return "(? " + dump(c) + " " + dump(t) + " " + dump(f) + ")"
    case .unary(let op, let operand): return "(" + op.rawValue + " " + dump(operand) + ")"
    case .binary(let op, let lhs, let rhs): return "(" + op.rawValue + " " + dump(lhs) + " " + dump(rhs) + ")"
    case .parenthesized(let inner): return "(paren " + dump(inner) + ")"
    case .invalid: return "<invalid>"
    }
}

func dump(_ value: LiteralValue) -> String {
    switch value {
    case .number(let n): return n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : String(n)
    case .bool(let b): return String(b)
    case .string(let s): return "\"" + s + "\""
    case .null: return "null"
    }
}

func dump(_ part: TemplatePart) -> String {
    switch part {
    case .literal(let text, _): return "'" + text + "'"
    case .interpolation(let expression, _): return "${" + dump(expression) + "}"
    case .ifDirective(let d):
        let elsePart: String = d.falseParts.isEmpty ? "" : "%{else}" + d.falseParts.map(dump).joined()
        return "%{if " + dump(d.condition) + "}" + d.trueParts.map(dump).joined() + elsePart + "%{endif}"
    case .forDirective(let d):
        let keyName: String = d.keyVariable.map { $0 + "," } ?? ""
        let head = "%{for " + keyName + d.valueVariable + " in " + dump(d.collection) + "}"
        return head + d.body.map(dump).joined() + "%{endfor}"
    }
}

/// Writes a body as an indented outline: `name = expr` and `type "label" { ... }` lines.
func dump(_ body: Body, indent: String = "") -> String {
    var lines: [String] = []
    for attribute in body.attributes { lines.append(indent + attribute.name + " = " + dump(attribute.expression)) }
    for block in body.blocks {
        let labels: [String] = block.labels.map { $0.isQuoted ? "\"\($0.value)\"" : $0.value }
        lines.append(indent + ([block.type] + labels).joined(separator: " ") + " {")
        let inner = dump(block.body, indent: indent + "  ")
        if !inner.isEmpty { lines.append(inner) }
        lines.append(indent + "}")
    }
    return lines.joined(separator: "\n")
}

/// Parses one expression as the value of `x` in a one-line file.
func expr(_ text: String) -> (Expression, [Diagnostic]) {
    let result = parse("x = " + text + "\n", fileName: "t.tf")
    return (result.body.attributes.first?.expression ?? Expression(.invalid, range: SourceRange(at: .fileStart)), result.diagnostics)
}

func shape(_ text: String) -> String {
    let (expression, diagnostics) = expr(text)
    if !diagnostics.isEmpty { return "ERR " + diagnostics.map(\.summary).joined(separator: "; ") + " :: " + dump(expression) }
    return dump(expression)
}
