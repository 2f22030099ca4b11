/// An expression the parser has just stored in its `SyntaxTree`: the node's index and its range
/// (kept at hand, so the parser never decodes a range while it builds the tree).
struct ParsedExpression {
    let id: UInt32
    let range: SourceRange
}

extension Parser {
    /// The public handle of a parsed expression.
    @inline(__always)
    func handle(_ expression: ParsedExpression) -> Expression { Expression(tree: tree, id: expression.id) }

    @inline(__always)
    func tag(of expression: ParsedExpression) -> SyntaxNodeTag { tree.nodes[Int(expression.id)].tag }

    @inline(__always)
    func node(_ tag: SyntaxNodeTag, _ range: SourceRange, flag: UInt8 = 0, a: UInt32 = 0) -> ParsedExpression {
        ParsedExpression(id: tree.add(tag, range, flag: flag, a: a), range: range)
    }

    /// An expression that stands for nothing after a syntax error.
    func invalid(_ range: SourceRange) -> ParsedExpression { node(.invalid, range) }

    func literal(_ value: LiteralValue, _ range: SourceRange) -> ParsedExpression {
        let (tag, a) = tree.literal(value)
        return node(tag, range, a: a)
    }

    /// A string literal whose text is string `id` of the tree.
    func stringLiteral(_ id: UInt32, _ range: SourceRange) -> ParsedExpression { node(.string, range, a: id) }

    /// The index in the tree of the string with UTF-8 `bytes`.
    func stringID(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 { pending.strings.id(bytes, in: tree) }

    /// The index in the tree of `text`.
    func stringID(_ text: String) -> UInt32 {
        var text = text
        return text.withUTF8 { stringID($0) }
    }

    /// A function call; its arguments are the pending expressions from `mark`.
    func functionCall(_ name: UInt32, _ nameRange: SourceRange, arguments mark: Int, expands: Bool, open: SourceRange, close: SourceRange, _ range: SourceRange) -> ParsedExpression {
        let start = tree.nextExtra
        tree.extras.append(name)
        tree.extras.append(tree.encode(nameRange.end))
        tree.extras.append(tree.encode(open.start))
        tree.extras.append(tree.encode(open.end))
        tree.extras.append(tree.encode(close.start))
        tree.extras.append(tree.encode(close.end))
        appendList(pending.expressions, from: mark)
        return node(.functionCall, range, flag: expands ? 1 : 0, a: start)
    }

    /// A node whose `a` is a record in the tree's extras: two values, an optional third, and the
    /// stored ends of `span` when given.
    @inline(__always)
    func record(_ tag: SyntaxNodeTag, _ range: SourceRange, flag: UInt8 = 0, _ first: UInt32, _ second: UInt32, _ third: UInt32? = nil, span: SourceRange? = nil) -> ParsedExpression {
        let start = tree.nextExtra
        tree.extras.append(first)
        tree.extras.append(second)
        if let third { tree.extras.append(third) }
        if let span {
            tree.extras.append(tree.encode(span.start))
            tree.extras.append(tree.encode(span.end))
        }
        return node(tag, range, flag: flag, a: start)
    }

    /// A node whose record is the count of `stack`'s elements from `mark` (pairs when `pairs`)
    /// and those elements, which leave the stack.
    func record(_ tag: SyntaxNodeTag, _ range: SourceRange, flag: UInt8 = 0, _ stack: NodeStack<UInt32>, from mark: Int, pairs: Bool = false) -> ParsedExpression {
        let start = tree.nextExtra
        appendList(stack, from: mark, pairs: pairs)
        return node(tag, range, flag: flag, a: start)
    }

    /// Appends to the extras the count of `stack`'s elements from `mark` (pairs when `pairs`)
    /// and those elements, which leave the stack.
    func appendList(_ stack: NodeStack<UInt32>, from mark: Int, pairs: Bool = false) {
        let count = stack.count - mark
        tree.extras.append(UInt32(truncatingIfNeeded: pairs ? count / 2 : count))
        stack.move(from: mark, to: &tree.extras)
    }

    /// A scope traversal (with `root`) or the steps from `mark` attached to `base`: see `attach(_:to:root:)`.
    func traversal(root: (name: UInt32, range: SourceRange), stepsFrom mark: Int) -> ParsedExpression {
        let steps = pending.steps
        let whole = steps.count > mark ? root.range.union(steps.top.range) : root.range
        let start = tree.nextExtra
        tree.extras.append(root.name)
        tree.extras.append(tree.encode(root.range.end))
        tree.extras.append(UInt32(truncatingIfNeeded: steps.count - mark))
        steps.moveIDs(from: mark, to: &tree.extras)
        return node(.scopeTraversal, whole, a: start)
    }

    /// Appends the steps from `mark` to a traversal, or wraps another expression in a relative traversal.
    func attachSteps(from mark: Int, to base: ParsedExpression) -> ParsedExpression {
        let steps = pending.steps
        guard steps.count > mark else { return base }
        let whole = base.range.union(steps.top.range)
        let added = steps.count - mark
        let baseNode = tree.nodes[Int(base.id)]
        let e = Int(baseNode.a)
        let start = tree.nextExtra
        switch baseNode.tag {
        case .scopeTraversal:
            let root = tree.extras[e], rootEnd = tree.extras[e + 1], count = Int(tree.extras[e + 2])
            let existing = Array(tree.extras[(e + 3)..<(e + 3 + count)])
            tree.extras.append(root)
            tree.extras.append(rootEnd)
            tree.extras.append(UInt32(truncatingIfNeeded: count + added))
            tree.extras.append(contentsOf: existing)
            steps.moveIDs(from: mark, to: &tree.extras)
            return node(.scopeTraversal, whole, a: start)
        case .relativeTraversal:
            let source = tree.extras[e], count = Int(tree.extras[e + 1])
            let existing = Array(tree.extras[(e + 2)..<(e + 2 + count)])
            tree.extras.append(source)
            tree.extras.append(UInt32(truncatingIfNeeded: count + added))
            tree.extras.append(contentsOf: existing)
            steps.moveIDs(from: mark, to: &tree.extras)
            return node(.relativeTraversal, whole, a: start)
        default:
            tree.extras.append(base.id)
            tree.extras.append(UInt32(truncatingIfNeeded: added))
            steps.moveIDs(from: mark, to: &tree.extras)
            return node(.relativeTraversal, whole, a: start)
        }
    }
}
