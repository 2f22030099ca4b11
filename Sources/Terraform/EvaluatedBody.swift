import HCL

/// A block body after evaluation: attribute values and nested blocks (with `dynamic` blocks
/// expanded), each keeping its source range, queryable by path.
public struct EvaluatedBody: Hashable, Sendable {
    /// The attributes, in source order.
    public var attributes: [EvaluatedAttribute]
    /// The nested blocks, in source order; a `dynamic` block contributes one block per element.
    public var blocks: [EvaluatedBlock]
    /// `dynamic` blocks whose `for_each` is unknown, so their blocks could not be produced.
    public var unexpandedDynamicBlocks: [UnexpandedDynamicBlock]
    /// The body's span.
    public var range: SourceRange

    /// Creates a body.
    public init(attributes: [EvaluatedAttribute] = [], blocks: [EvaluatedBlock] = [], unexpandedDynamicBlocks: [UnexpandedDynamicBlock] = [], range: SourceRange) {
        self.attributes = attributes
        self.blocks = blocks
        self.unexpandedDynamicBlocks = unexpandedDynamicBlocks
        self.range = range
    }

    /// The attribute named `name`, if set.
    public func attribute(_ name: String) -> EvaluatedAttribute? { attributes.first { $0.name == name } }

    /// The nested blocks of type `type`, in order.
    public func blocks(ofType type: String) -> [EvaluatedBlock] { blocks.filter { $0.type == type } }

    /// The body as one object: attributes by name, nested block types as lists of objects.
    public var value: Value {
        var members: [String: Value] = [:]
        for attribute in attributes { members[attribute.name] = attribute.value }
        for block in blocks { members[block.type] = .list((members[block.type]?.elements ?? []) + [block.body.value]) }
        return .object(members)
    }

    /// Every value found at `path`, a dotted path such as `tracing_config.mode`,
    /// `environment.variables.API_KEY` or `statement.0.effect`.
    ///
    /// A step names an attribute or a nested block type (every block of that type is followed,
    /// unless the next step is a number that picks one); inside an attribute's value, steps name
    /// object members or list indices (a list without an index step is followed element by
    /// element). Each match has the range of the most specific expression that produced it: the
    /// member's expression when the attribute is written as an object constructor, else the
    /// attribute's expression. A path that runs into an unknown value matches that unknown value.
    public func values(at path: String) -> [AttributeMatch] {
        Self.lookup(PathSteps(path[...]), in: self)
    }

    /// `values(at:)` of a path that is part of a longer text (a prefix of another path).
    public func values(at path: Substring) -> [AttributeMatch] {
        Self.lookup(PathSteps(path), in: self)
    }

    /// The first match of `values(at:)`, if any.
    public func value(at path: String) -> AttributeMatch? { values(at: path).first }

    private static func lookup(_ steps: PathSteps, in body: EvaluatedBody) -> [AttributeMatch] {
        guard let step = steps.first.map(String.init) else { return [] }
        let rest = steps.dropFirst()
        if let attribute = body.attribute(step) {
            return descend(attribute.value, expression: attribute.expression, rest)
        }
        var blocks = body.blocks(ofType: step)
        var remaining = rest
        if let first = rest.first, let index = Int(first) {
            blocks = blocks.indices.contains(index) ? [blocks[index]] : []
            remaining = rest.dropFirst()
        }
        if remaining.isEmpty { return blocks.map { AttributeMatch(value: $0.body.value, range: $0.range) } }
        return blocks.flatMap { lookup(remaining, in: $0.body) }
    }

    private static func descend(_ value: Value, expression: Expression?, _ steps: PathSteps) -> [AttributeMatch] {
        let range = expression?.range ?? SourceRange(at: .fileStart)
        guard let step = steps.first.map(String.init) else { return [AttributeMatch(value: value, range: range)] }
        let rest = steps.dropFirst()
        let syntax = expression.map(unwrapped)
        switch value {
        case .unknown:
            return [AttributeMatch(value: value, range: range)]
        case .object(let members):
            guard let member = members[step] else { return [] }
            var inner: Expression? = expression
            if syntax?.shape == .object, case .object(let items)? = syntax?.kind,
               let item = items.last(where: { objectKeyName($0.key) == step }) {
                inner = item.value
            }
            return descend(member, expression: inner, rest)
        case .list(let items), .set(let items):
            var tupleItems: [Expression]?
            if syntax?.shape == .tuple, case .tuple(let expressions)? = syntax?.kind, expressions.count == items.count { tupleItems = expressions }
            if let index = Int(step) {
                guard items.indices.contains(index) else { return [] }
                return descend(items[index], expression: tupleItems?[index] ?? expression, rest)
            }
            return items.indices.flatMap { descend(items[$0], expression: tupleItems?[$0] ?? expression, steps) }
        default:
            return []
        }
    }
}

/// The steps of a dotted path, read one at a time from the path itself (no array of copies:
/// checks and rule conditions look paths up for every subject). Empty steps are skipped, as
/// `split(separator: ".")` skips them.
private struct PathSteps {
    /// The path from the current step on, without leading dots.
    private let rest: Substring

    init(_ path: Substring) {
        rest = path.drop { $0 == "." }
    }

    /// Whether no step is left.
    var isEmpty: Bool { rest.isEmpty }

    /// The current step; nil at the end of the path.
    var first: Substring? {
        guard !rest.isEmpty else { return nil }
        return rest[..<(rest.utf8.firstIndex(of: UInt8(ascii: ".")) ?? rest.endIndex)]
    }

    /// The steps after the current one.
    func dropFirst() -> PathSteps {
        guard let dot = rest.utf8.firstIndex(of: UInt8(ascii: ".")) else { return PathSteps(rest[rest.endIndex...]) }
        return PathSteps(rest[rest.utf8.index(after: dot)...])
    }
}

/// The expression without parentheses and `"${...}"` wrappers.
func unwrapped(_ expression: Expression) -> Expression {
    let shape = expression.shape
    guard shape == .parenthesized || shape == .template else { return expression }
    switch expression.kind {
    case .parenthesized(let inner): return unwrapped(inner)
    case .template(let template) where template.isSingleInterpolation:
        if case .interpolation(let inner, _) = template.parts[0] { return unwrapped(inner) }
        return expression
    default: return expression
    }
}

/// The static name of an object constructor key (`name`, `"name"`), if it has one.
func objectKeyName(_ key: Expression) -> String? {
    if let text = key.staticString { return text }
    if let traversal = key.asTraversal, traversal.steps.isEmpty { return traversal.root }
    if case .parenthesized(let inner) = key.kind { return inner.staticString }
    return nil
}

/// A value found by `EvaluatedBody.values(at:)` and the range of the expression it came from.
public struct AttributeMatch: Hashable, Sendable {
    /// The value.
    public var value: Value
    /// The span of the expression (or block) that produced it.
    public var range: SourceRange
}

/// An evaluated attribute.
public struct EvaluatedAttribute: Hashable, Sendable {
    /// The name.
    public var name: String
    /// The value.
    public var value: Value
    /// The attribute as written (name, expression and their ranges).
    public var syntax: Attribute

    /// The value's expression.
    public var expression: Expression { syntax.expression }
    /// The span from the name to the end of the value.
    public var range: SourceRange { syntax.range }
}

/// An evaluated nested block.
public struct EvaluatedBlock: Hashable, Sendable {
    /// The block type (for a `dynamic "x"` block, `x`).
    public var type: String
    /// The labels.
    public var labels: [String]
    /// The evaluated body.
    public var body: EvaluatedBody
    /// The block's span; for a block produced by `dynamic`, the span of its `content` block.
    public var range: SourceRange
    /// For a block produced by `dynamic`, the span of the whole `dynamic` block.
    public var dynamicRange: SourceRange?
}

/// A `dynamic` block whose `for_each` was unknown.
public struct UnexpandedDynamicBlock: Hashable, Sendable {
    /// The type of the blocks it would produce.
    public var type: String
    /// The unknown `for_each` value (with its references).
    public var forEach: Value
    /// The span of the `dynamic` block.
    public var range: SourceRange
}
