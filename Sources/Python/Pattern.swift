/// A `case` pattern of a `match` statement, with its source range.
public struct Pattern: Hashable, Sendable {
    /// What the pattern is; cases mirror CPython's `ast.pattern` classes.
    public var kind: PatternKind
    /// From the pattern's first token to the end of its last token.
    public var range: SourceRange

    /// Creates a pattern node.
    public init(_ kind: PatternKind, _ range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}

/// The kinds of patterns, named after CPython's `ast` classes, in CPython's field order.
public indirect enum PatternKind: Hashable, Sendable {
    /// A literal or dotted value compared with `==`.
    case matchValue(Expression)
    /// `None`, `True` or `False`, compared with `is`.
    case matchSingleton(ConstantValue)
    /// `[p, q]`, `(p, q)` or `p, q`.
    case matchSequence([Pattern])
    /// `{key: p, **rest}`.
    case matchMapping(keys: [Expression], patterns: [Pattern], rest: String?)
    /// `Cls(p, attr=q)`.
    case matchClass(cls: Expression, patterns: [Pattern], kwdAttrs: [String], kwdPatterns: [Pattern])
    /// `*name` (or `*_`, with a `nil` name) inside a sequence pattern.
    case matchStar(name: String?)
    /// `p as name`, a capture `name` (no pattern), or the wildcard `_` (neither).
    case matchAs(pattern: Pattern?, name: String?)
    /// `p | q`.
    case matchOr([Pattern])
}
