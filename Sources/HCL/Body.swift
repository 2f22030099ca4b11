// The HCL syntax tree, in brief.
//
// A file parses (`parse(_:fileName:)` for native syntax, `parseJSON` + `JSONValue.body(schema:)`
// for JSON syntax) into a `Body`: its `attributes` (name = expression, in source order, names
// unique) and its `blocks` (type, labels, nested body, in source order). Every node carries a
// `SourceRange` (byte offset, 1-based line, 1-based column in UTF-8 bytes, for start and end).
//
// An `Expression` is a `kind` plus a `range`: a parsed one is a handle into its file's flat
// `SyntaxTree`, which builds both when they are read. `ExpressionKind` is an enum to switch over:
// literals, templates (quoted strings with `${}` / `%{}`, and heredocs), scope traversals
// (`var.x`, `local.a.b[0]`: a root name and static steps, see `Traversal`), relative traversals
// (steps applied to another expression's result), function calls, tuples, objects, index,
// splats (whose per-element expression refers to `.splatElement`), `for` expressions,
// conditionals, unary and binary operators, parentheses, and `.invalid` where a syntax error left
// a hole. A quoted string without interpolation or directives is `.literal(.string(...))`.
// `Expression.variables()` lists every traversal an expression refers to.
//
// Syntax errors become `Diagnostic`s and parsing goes on: the tree holds whatever could be read.

/// The contents of a file or of a block: attributes and nested blocks, each in source order.
public struct Body: Hashable, Sendable {
    /// The attributes (`name = expression`), in source order; each name appears once.
    public var attributes: [Attribute]
    /// The nested blocks, in source order.
    public var blocks: [Block]
    /// The span of the body: the whole file, or the text between a block's braces.
    public var range: SourceRange

    /// Creates a body.
    public init(attributes: [Attribute] = [], blocks: [Block] = [], range: SourceRange) {
        self.attributes = attributes
        self.blocks = blocks
        self.range = range
    }

    /// The attribute named `name`, if the body has one.
    public func attribute(named name: String) -> Attribute? {
        attributes.first { $0.name == name }
    }

    /// The attribute named `name`, if the body has one (same as `attribute(named:)`).
    public subscript(attribute name: String) -> Attribute? { attribute(named: name) }

    /// The blocks whose type is `type`, in source order.
    public func blocks(ofType type: String) -> [Block] {
        blocks.filter { $0.type == type }
    }

    /// The first block whose type is `type`, if any.
    public func firstBlock(ofType type: String) -> Block? {
        blocks.first { $0.type == type }
    }
}

/// An attribute definition: `name = expression`.
public struct Attribute: Hashable, Sendable {
    /// The attribute's name.
    public var name: String
    /// The span of the name.
    public var nameRange: SourceRange
    /// The value expression.
    public var expression: Expression
    /// The span from the name to the end of the expression.
    public var range: SourceRange

    /// Creates an attribute.
    public init(name: String, nameRange: SourceRange, expression: Expression, range: SourceRange) {
        self.name = name
        self.nameRange = nameRange
        self.expression = expression
        self.range = range
    }
}
