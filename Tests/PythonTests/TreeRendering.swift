@testable import Python

/// Renders a tree as indented lines `Kind details line:col-line:col`, for exact shape tests.
enum TreeRendering {
    static func render(_ source: String) -> String {
        render(SourceFile(text: source))
    }

    static func render(_ file: SourceFile) -> String {
        var lines: [String] = []
        for statement in file.module.body {
            visit(.statement(statement), indent: 0, into: &lines)
        }
        return lines.joined(separator: "\n")
    }

    static func render(expression source: String) -> String {
        let file = SourceFile(text: source)
        guard case .expr(let value)? = file.module.body.first?.kind else { return "not an expression statement" }
        var lines: [String] = []
        visit(.expression(value), indent: 0, into: &lines)
        return lines.joined(separator: "\n")
    }

    private static func visit(_ node: SyntaxNode, indent: Int, into lines: inout [String]) {
        let range = node.range
        let position = "\(range.start.line):\(range.start.column)-\(range.end.line):\(range.end.column)"
        let details = self.details(node)
        lines.append(String(repeating: "  ", count: indent) + node.kindName + (details.isEmpty ? "" : " " + details)
                     + " " + position)
        for child in node.children {
            visit(child, indent: indent + 1, into: &lines)
        }
    }

    static func constant(_ value: ConstantValue) -> String {
        switch value {
        case .string(let text): return "'\(text)'"
        case .bytes(let bytes): return "b\(bytes)"
        case .integer(let text), .float(let text), .imaginary(let text): return text
        case .boolean(let flag): return flag ? "True" : "False"
        case .none: return "None"
        case .ellipsis: return "..."
        }
    }

    private static func details(_ node: SyntaxNode) -> String {
        switch node {
        case .statement(let statement):
            switch statement.kind {
            case .functionDef(let function): return function.name
            case .classDef(let definition): return definition.name
            case .augAssign(_, let op, _): return op.rawValue
            case .annAssign(_, _, _, let simple): return simple ? "simple" : ""
            case .importFrom(let module, _, let level): return "\(module ?? "-") level=\(level)"
            case .global(let names), .nonlocal(let names): return names.joined(separator: ",")
            default: return ""
            }
        case .expression(let expression):
            switch expression.kind {
            case .name(let name, let context): return "\(name) \(context.rawValue)"
            case .attribute(_, let attr, let context): return "\(attr) \(context.rawValue)"
            case .subscript(_, _, let context), .starred(_, let context), .list(_, let context),
                 .tuple(_, let context): return context.rawValue
            case .constant(let value): return constant(value)
            case .binOp(_, let op, _): return op.rawValue
            case .unaryOp(let op, _): return op.rawValue
            case .boolOp(let op, _): return op.rawValue
            case .compare(_, let ops, _): return ops.map(\.rawValue).joined(separator: ",")
            case .formattedValue(_, let conversion, _): return conversion.map { "!\($0)" } ?? ""
            default: return ""
            }
        case .pattern(let pattern):
            switch pattern.kind {
            case .matchAs(_, let name): return name ?? "_"
            case .matchStar(let name): return name ?? "_"
            case .matchMapping(_, _, let rest): return rest.map { "**\($0)" } ?? ""
            case .matchClass(_, _, let attributes, _): return attributes.joined(separator: ",")
            case .matchSingleton(let value): return constant(value)
            default: return ""
            }
        case .parameter(let parameter): return parameter.name
        case .keyword(let keyword): return keyword.name ?? "**"
        case .alias(let alias): return alias.name + (alias.asname.map { " as \($0)" } ?? "")
        case .comprehension(let generator): return generator.isAsync ? "async" : ""
        case .exceptHandler(let handler): return handler.name ?? ""
        default: return ""
        }
    }
}
