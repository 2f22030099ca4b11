/// One node of a `SyntaxTree`: an expression, a traversal step or a template part, in 16 bytes.
///
/// `start` and `end` are positions encoded by `SyntaxTree.encode(_:)`. What `flag` and `a` mean
/// depends on `tag` (see `SyntaxTree`): a small value such as an operator, a child node, a string
/// or number, or the start of the node's record in `SyntaxTree.extras`.
struct SyntaxNode {
    var tag: SyntaxNodeTag
    var flag: UInt8
    var start: UInt32
    var end: UInt32
    var a: UInt32
}

/// What a `SyntaxNode` is.
enum SyntaxNodeTag: UInt8 {
    // Expressions.
    case number, bool, null, string, template, scopeTraversal, relativeTraversal, functionCall
    case tuple, object, index, splat, splatElement, forExpression, conditional, unary, binary
    case parenthesized, invalid
    // Traversal steps.
    case attributeStep, indexStep
    // Template parts.
    case literalPart, interpolationPart, ifPart, forPart
}
