/// A Python statement node with its source range.
public struct Statement: Hashable, Sendable {
    /// What the statement is, with its children; cases mirror CPython's `ast.stmt` classes.
    public var kind: StatementKind
    /// From the statement's first token (after any decorators) to the end of its last token.
    public var range: SourceRange

    /// Creates a statement node.
    public init(_ kind: StatementKind, _ range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}

/// A `def` or `async def` (CPython's `FunctionDef` / `AsyncFunctionDef`).
public struct FunctionDefinition: Hashable, Sendable {
    /// The function's name.
    public var name: String
    /// Where the name is.
    public var nameRange: SourceRange
    /// The parameters.
    public var args: Arguments
    /// The body.
    public var body: [Statement]
    /// The decorators, outermost first.
    public var decoratorList: [Expression]
    /// The return annotation after `->`.
    public var returns: Expression?
    /// Whether this is `async def`.
    public var isAsync: Bool
    /// The type parameters of a generic function (`def f[T](x: T)`, Python 3.12).
    public var typeParams: [TypeParameter] = []
}

/// A `class` statement (CPython's `ClassDef`).
public struct ClassDefinition: Hashable, Sendable {
    /// The class's name.
    public var name: String
    /// Where the name is.
    public var nameRange: SourceRange
    /// Positional arguments of the class header (base classes).
    public var bases: [Expression]
    /// Keyword arguments of the class header, such as `metaclass=`.
    public var keywords: [KeywordArgument]
    /// The body.
    public var body: [Statement]
    /// The decorators, outermost first.
    public var decoratorList: [Expression]
    /// The type parameters of a generic class (`class C[T]:`, Python 3.12).
    public var typeParams: [TypeParameter] = []
}

/// A type parameter of a generic function, class or type alias (Python 3.12).
public struct TypeParameter: Hashable, Sendable {
    /// The three kinds of type parameters.
    public enum Kind: Hashable, Sendable {
        /// `T` or `T: bound`.
        case typeVar(bound: Expression?)
        /// `*Ts`.
        case typeVarTuple
        /// `**P`.
        case paramSpec
    }

    /// Which kind of parameter this is.
    public var kind: Kind
    /// The parameter's name.
    public var name: String
    /// From the name (or its `*`/`**`) to the end of the bound.
    public var range: SourceRange
}

/// `import` name or `from` name, with an optional `as` name (CPython's `alias`).
public struct Alias: Hashable, Sendable {
    /// The dotted name imported, or `*`.
    public var name: String
    /// The `as` name.
    public var asname: String?
    /// From the name to the end of the `as` name.
    public var range: SourceRange
}

/// One item of a `with` statement (CPython's `withitem`).
public struct WithItem: Hashable, Sendable {
    /// The context manager expression.
    public var contextExpr: Expression
    /// The `as` target, in store context.
    public var optionalVars: Expression?
    /// From the expression to the end of the target; CPython records no position.
    public var range: SourceRange
}

/// An `except` (or `except*`) clause (CPython's `ExceptHandler`).
public struct ExceptHandler: Hashable, Sendable {
    /// The exception type expression.
    public var type: Expression?
    /// The `as` name.
    public var name: String?
    /// The clause body.
    public var body: [Statement]
    /// From `except` to the end of the body.
    public var range: SourceRange
}

/// One `case` of a `match` statement (CPython's `match_case`).
public struct MatchCase: Hashable, Sendable {
    /// The pattern.
    public var pattern: Pattern
    /// The `if` guard.
    public var `guard`: Expression?
    /// The body.
    public var body: [Statement]
    /// From `case` to the end of the body; CPython records no position.
    public var range: SourceRange
}

/// The kinds of statements; each case is named after the CPython `ast` class it mirrors and
/// keeps CPython's field order. `async` forms are flags on the plain case.
public indirect enum StatementKind: Hashable, Sendable {
    /// `def` / `async def`.
    case functionDef(FunctionDefinition)
    /// `class`.
    case classDef(ClassDefinition)
    /// `return [value]`.
    case `return`(value: Expression?)
    /// `del targets`.
    case delete(targets: [Expression])
    /// `t1 = t2 = value`.
    case assign(targets: [Expression], value: Expression)
    /// `target op= value`.
    case augAssign(target: Expression, BinaryOperator, value: Expression)
    /// `target: annotation [= value]`; `simple` is true for a plain unparenthesised name.
    case annAssign(target: Expression, annotation: Expression, value: Expression?, simple: Bool)
    /// `for` / `async for`.
    case `for`(target: Expression, iter: Expression, body: [Statement], orelse: [Statement], isAsync: Bool)
    /// `while test: ... else: ...`.
    case `while`(test: Expression, body: [Statement], orelse: [Statement])
    /// `if` (an `elif` is an `If` alone in `orelse`).
    case `if`(test: Expression, body: [Statement], orelse: [Statement])
    /// `with` / `async with`.
    case with(items: [WithItem], body: [Statement], isAsync: Bool)
    /// `match subject: case ...`.
    case match(subject: Expression, cases: [MatchCase])
    /// `raise [exc [from cause]]`.
    case raise(exc: Expression?, cause: Expression?)
    /// `try` with `except` (or, when `isStar`, `except*`), `else` and `finally`.
    case `try`(body: [Statement], handlers: [ExceptHandler], orelse: [Statement], finalbody: [Statement], isStar: Bool)
    /// `assert test, msg`.
    case assert(test: Expression, msg: Expression?)
    /// `import a.b as c, d`.
    case `import`(names: [Alias])
    /// `from ..module import names`; `level` counts the leading dots.
    case importFrom(module: String?, names: [Alias], level: Int)
    /// `global a, b`.
    case global(names: [String])
    /// `nonlocal a, b`.
    case nonlocal(names: [String])
    /// `type Name[params] = value` (Python 3.12).
    case typeAlias(name: Expression, typeParams: [TypeParameter], value: Expression)
    /// An expression used as a statement.
    case expr(value: Expression)
    /// `pass`.
    case pass
    /// `break`.
    case `break`
    /// `continue`.
    case `continue`
}
