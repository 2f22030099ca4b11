/// A Python expression node with its source range.
public struct Expression: Hashable, Sendable {
    /// What the expression is, with its children; cases mirror CPython's `ast.expr` classes.
    public var kind: ExpressionKind
    /// From the first token of the expression to the end of its last token.
    public var range: SourceRange

    /// Creates an expression node.
    public init(_ kind: ExpressionKind, _ range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}

/// Whether an expression is read, assigned or deleted (CPython's `expr_context`).
public enum ExpressionContext: String, Hashable, Sendable {
    /// Read, assigned, deleted.
    case load = "Load", store = "Store", delete = "Del"
}

/// `and` / `or`.
public enum BooleanOperator: String, Hashable, Sendable {
    /// `and`, `or`.
    case and = "And", or = "Or"
}

/// Binary operators, named as in CPython's `ast`.
public enum BinaryOperator: String, Hashable, Sendable {
    /// `+ - * @ /`.
    case add = "Add", subtract = "Sub", multiply = "Mult", matrixMultiply = "MatMult", divide = "Div"
    /// `% ** << >>`.
    case modulo = "Mod", power = "Pow", leftShift = "LShift", rightShift = "RShift"
    /// `| ^ & //`.
    case bitOr = "BitOr", bitXor = "BitXor", bitAnd = "BitAnd", floorDivide = "FloorDiv"
}

/// Unary operators, named as in CPython's `ast`.
public enum UnaryOperator: String, Hashable, Sendable {
    /// `~ not + -`.
    case invert = "Invert", not = "Not", plus = "UAdd", minus = "USub"
}

/// Comparison operators, named as in CPython's `ast`.
public enum ComparisonOperator: String, Hashable, Sendable {
    /// `== != < <= >`.
    case equal = "Eq", notEqual = "NotEq", less = "Lt", lessOrEqual = "LtE", greater = "Gt"
    /// `>= is` `is not` `in` `not in`.
    case greaterOrEqual = "GtE", `is` = "Is", isNot = "IsNot", `in` = "In", notIn = "NotIn"
}

/// The value of a `Constant` node.
public enum ConstantValue: Hashable, Sendable {
    /// A `str` literal (implicitly concatenated pieces joined), escapes decoded.
    case string(String)
    /// A `bytes` literal, escapes decoded.
    case bytes([UInt8])
    /// An integer literal, as written (underscores and base prefix kept).
    case integer(String)
    /// A float literal, as written.
    case float(String)
    /// An imaginary literal such as `2j`, as written.
    case imaginary(String)
    /// `True` or `False`.
    case boolean(Bool)
    /// `None`.
    case none
    /// `...`.
    case ellipsis
}

/// The kinds of expressions; each case is named after the CPython `ast` class it mirrors and
/// keeps CPython's field order.
public indirect enum ExpressionKind: Hashable, Sendable {
    /// `a and b and c` (one node for a chain of the same operator).
    case boolOp(BooleanOperator, values: [Expression])
    /// `target := value`.
    case namedExpr(target: Expression, value: Expression)
    /// `left op right`.
    case binOp(left: Expression, BinaryOperator, right: Expression)
    /// `op operand`.
    case unaryOp(UnaryOperator, operand: Expression)
    /// `lambda args: body`.
    case lambda(args: Arguments, body: Expression)
    /// `body if test else orelse`.
    case ifExp(test: Expression, body: Expression, orelse: Expression)
    /// `{k: v, **m}`; a `nil` key stands for `**m`.
    case dict(keys: [Expression?], values: [Expression])
    /// `{a, b}`.
    case set(elts: [Expression])
    /// `[elt for ...]`.
    case listComp(elt: Expression, generators: [Comprehension])
    /// `{elt for ...}`.
    case setComp(elt: Expression, generators: [Comprehension])
    /// `{key: value for ...}`.
    case dictComp(key: Expression, value: Expression, generators: [Comprehension])
    /// `(elt for ...)`.
    case generatorExp(elt: Expression, generators: [Comprehension])
    /// `await value`.
    case await(value: Expression)
    /// `yield` or `yield value`.
    case yield(value: Expression?)
    /// `yield from value`.
    case yieldFrom(value: Expression)
    /// `left op1 c1 op2 c2 ...`.
    case compare(left: Expression, ops: [ComparisonOperator], comparators: [Expression])
    /// `function(args, keywords)`; `*x` arguments are `Starred` in `args`, `**x` are keywords without a name.
    case call(function: Expression, args: [Expression], keywords: [KeywordArgument])
    /// One replacement field of an f-string; `conversion` is `r`, `s`, `a` or `nil`.
    case formattedValue(value: Expression, conversion: Character?, formatSpec: Expression?)
    /// An f-string (with any implicitly concatenated pieces).
    case joinedStr(values: [Expression])
    /// A literal.
    case constant(ConstantValue)
    /// `value.attr`.
    case attribute(value: Expression, attr: String, ExpressionContext)
    /// `value[slice]`.
    case `subscript`(value: Expression, slice: Expression, ExpressionContext)
    /// `*value`.
    case starred(value: Expression, ExpressionContext)
    /// An identifier.
    case name(String, ExpressionContext)
    /// `[a, b]`.
    case list(elts: [Expression], ExpressionContext)
    /// `(a, b)` or `a, b`.
    case tuple(elts: [Expression], ExpressionContext)
    /// `lower:upper:step` inside a subscript.
    case slice(lower: Expression?, upper: Expression?, step: Expression?)
}

/// A comprehension clause: `[async] for target in iter if cond ...`.
public struct Comprehension: Hashable, Sendable {
    /// The loop target, in store context.
    public var target: Expression
    /// The iterated expression.
    public var iter: Expression
    /// The `if` conditions.
    public var ifs: [Expression]
    /// Whether this is `async for`.
    public var isAsync: Bool
    /// From `for` (or `async`) to the end of the last condition; CPython records no position.
    public var range: SourceRange
}

/// A keyword argument `name=value`, or `**value` when `name` is `nil`.
public struct KeywordArgument: Hashable, Sendable {
    /// The argument name, or `nil` for `**value`.
    public var name: String?
    /// The argument value.
    public var value: Expression
    /// From the name (or `**`) to the end of the value.
    public var range: SourceRange
}

/// One parameter of a function or lambda (CPython's `arg`).
public struct Parameter: Hashable, Sendable {
    /// The parameter's name.
    public var name: String
    /// The annotation after `:`, if any.
    public var annotation: Expression?
    /// From the name to the end of the annotation.
    public var range: SourceRange
}

/// The parameter list of a function or lambda (CPython's `arguments`).
public struct Arguments: Hashable, Sendable {
    /// Parameters before `/`.
    public var posonlyargs: [Parameter] = []
    /// Ordinary positional-or-keyword parameters.
    public var args: [Parameter] = []
    /// `*args`.
    public var vararg: Parameter?
    /// Parameters after `*` or `*args`.
    public var kwonlyargs: [Parameter] = []
    /// Defaults of `kwonlyargs`, `nil` where a keyword-only parameter has none.
    public var kwDefaults: [Expression?] = []
    /// `**kwargs`.
    public var kwarg: Parameter?
    /// Defaults of the last positional parameters (posonly and ordinary together).
    public var defaults: [Expression] = []
    /// Between the brackets (or after `lambda`); empty when there are no parameters.
    public var range: SourceRange

    /// Every parameter in source order: positional-only, ordinary, `*args`, keyword-only, `**kwargs`.
    public var allParameters: [Parameter] {
        var all = posonlyargs + args
        if let vararg { all.append(vararg) }
        all += kwonlyargs
        if let kwarg { all.append(kwarg) }
        return all
    }
}
