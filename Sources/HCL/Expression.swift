/// An expression: what it is (`kind`) and where it is (`range`).
///
/// An expression from the parser is a small handle into the flat `SyntaxTree` of its file: `kind`
/// and `range` are built from that tree when read (children are handles too), so a parsed file
/// takes little memory. One made with `init(_:range:)` holds its kind and range itself. Equality
/// and hashing compare kinds and ranges, wherever the expressions are stored.
public struct Expression: Hashable, Sendable {
    private enum Storage {
        case node(SyntaxTree, UInt32)
        case value(ExpressionValue)
    }

    private var storage: Storage

    /// Creates an expression.
    public init(_ kind: ExpressionKind, range: SourceRange) {
        storage = .value(ExpressionValue(kind: kind, range: range))
    }

    /// The handle of node `id` of `tree`.
    init(tree: SyntaxTree, id: UInt32) {
        storage = .node(tree, id)
    }

    /// What the expression is; switch over it.
    public var kind: ExpressionKind {
        get {
            switch storage {
            case .node(let tree, let id): return tree.kind(of: id)
            case .value(let value): return value.kind
            }
        }
        set { self = Expression(newValue, range: range) }
    }

    /// Which construct the expression is, without its parts: a cheap test before reading
    /// `kind` (which builds the parts, such as a traversal's steps, from the syntax tree).
    public var shape: ExpressionShape {
        switch storage {
        case .node(let tree, let id): return tree.shape(of: id)
        case .value(let value): return ExpressionShape(value.kind)
        }
    }

    /// The expression's span in the source.
    public var range: SourceRange {
        get {
            switch storage {
            case .node(let tree, let id): return tree.range(of: id)
            case .value(let value): return value.range
            }
        }
        set { self = Expression(kind, range: newValue) }
    }

    /// True when both are the same kind of expression over the same range.
    public static func == (lhs: Expression, rhs: Expression) -> Bool {
        if case .node(let left, let leftID) = lhs.storage, case .node(let right, let rightID) = rhs.storage,
           left === right, leftID == rightID {
            return true
        }
        return lhs.range == rhs.range && lhs.kind == rhs.kind
    }

    /// Hashes the kind and the range.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(range)
    }

    /// The string value when the expression is a string with no interpolation or directives.
    ///
    /// True for a quoted string without `${}`/`%{}`, and for a template (heredoc, JSON string) made
    /// of literal text only.
    public var staticString: String? {
        let shape = shape
        guard shape == .literal || shape == .template else { return nil }
        switch kind {
        case .literal(.string(let value)): return value
        case .template(let template):
            var text = ""
            for part in template.parts {
                guard case .literal(let value, _) = part else { return nil }
                text += value
            }
            return text
        default: return nil
        }
    }

    /// The traversal when the expression is a plain reference such as `var.x` or `a.b[0]`.
    public var asTraversal: Traversal? {
        guard shape == .scopeTraversal else { return nil }
        if case .scopeTraversal(let traversal) = kind { return traversal }
        return nil
    }
}

/// The case of `ExpressionKind` an expression is, without its associated values.
public enum ExpressionShape: Hashable, Sendable {
    case literal, template, scopeTraversal, relativeTraversal, functionCall, tuple, object, index, splat, splatElement
    case forExpression, conditional, unary, binary, parenthesized, invalid

    /// The shape of `kind`.
    public init(_ kind: ExpressionKind) {
        switch kind {
        case .literal: self = .literal
        case .template: self = .template
        case .scopeTraversal: self = .scopeTraversal
        case .relativeTraversal: self = .relativeTraversal
        case .functionCall: self = .functionCall
        case .tuple: self = .tuple
        case .object: self = .object
        case .index: self = .index
        case .splat: self = .splat
        case .splatElement: self = .splatElement
        case .forExpression: self = .forExpression
        case .conditional: self = .conditional
        case .unary: self = .unary
        case .binary: self = .binary
        case .parenthesized: self = .parenthesized
        case .invalid: self = .invalid
        }
    }
}

/// The kinds of expression, one case per syntax construct.
public enum ExpressionKind: Hashable, Sendable {
    /// A number, bool, null, or a quoted string without interpolation or directives.
    case literal(LiteralValue)
    /// A quoted string with `${}` or `%{}`, a heredoc, or a JSON string value.
    ///
    /// A template made of one interpolation only (`"${x}"`) yields the interpolated value as is.
    case template(Template)
    /// A reference rooted at a variable name: `var.x`, `local.a.b[0]`, `aws_iam_role.r.arn`.
    case scopeTraversal(Traversal)
    /// Static steps applied to the result of another expression, e.g. `f(x).a[0]`.
    case relativeTraversal(source: Expression, steps: [TraversalStep])
    /// A function call.
    case functionCall(FunctionCall)
    /// A tuple constructor `[a, b]`.
    case tuple([Expression])
    /// An object constructor `{ a = 1, (k) = 2 }`.
    case object([ObjectItem])
    /// An index whose key is not a literal, e.g. `x[var.i]` (literal keys fold into traversals).
    case index(collection: Expression, key: Expression, bracketRange: SourceRange)
    /// A splat `source.*.each` or `source[*].each`; see `Splat`.
    case splat(Splat)
    /// Inside a splat's `each` expression: the current element of the splatted collection.
    case splatElement
    /// A `for` expression producing a tuple or an object.
    indirect case forExpression(ForExpression)
    /// `condition ? trueResult : falseResult`.
    case conditional(condition: Expression, trueResult: Expression, falseResult: Expression)
    /// `!operand` or `-operand`.
    case unary(UnaryOperator, Expression)
    /// `lhs op rhs`.
    case binary(BinaryOperator, Expression, Expression)
    /// `( expression )`: kept so ranges and object keys keep their meaning.
    case parenthesized(Expression)
    /// A hole left by a syntax error (a diagnostic says why); evaluate it as unknown.
    case invalid
}

/// A literal value.
public enum LiteralValue: Hashable, Sendable {
    /// A number. Stored as a `Double`: integers beyond 2^53 lose precision (the range keeps the text).
    case number(Double)
    /// `true` or `false`.
    case bool(Bool)
    /// A string, with escapes decoded.
    case string(String)
    /// `null`.
    case null
}

/// A unary operator.
public enum UnaryOperator: String, Hashable, Sendable {
    /// Logical not, `!`.
    case not = "!"
    /// Arithmetic negation, `-`.
    case negate = "-"
}

/// A binary operator; `precedence` is higher for tighter binding.
public enum BinaryOperator: String, Hashable, Sendable, CaseIterable {
    /// `||`
    case or = "||"
    /// `&&`
    case and = "&&"
    /// `==`
    case equal = "=="
    /// `!=`
    case notEqual = "!="
    /// `<`
    case less = "<"
    /// `>`
    case greater = ">"
    /// `<=`
    case lessOrEqual = "<="
    /// `>=`
    case greaterOrEqual = ">="
    /// `+`
    case add = "+"
    /// `-`
    case subtract = "-"
    /// `*`
    case multiply = "*"
    /// `/`
    case divide = "/"
    /// `%`
    case modulo = "%"

    /// 1 (`||`) to 6 (`*` `/` `%`); all binary operators associate to the left.
    public var precedence: Int {
        switch self {
        case .or: return 1
        case .and: return 2
        case .equal, .notEqual: return 3
        case .less, .greater, .lessOrEqual, .greaterOrEqual: return 4
        case .add, .subtract: return 5
        case .multiply, .divide, .modulo: return 6
        }
    }
}

/// A function call `name(args...)`, possibly provider-namespaced (`provider::aws::arn_parse`).
public struct FunctionCall: Hashable, Sendable {
    /// The full name as written, including any `::` namespace, e.g. `provider::aws::arn_parse`.
    public var name: String
    /// The span of the name.
    public var nameRange: SourceRange
    /// The arguments, in order.
    public var arguments: [Expression]
    /// True when the last argument is followed by `...` (expand a tuple or list into arguments).
    public var expandsFinalArgument: Bool
    /// The span of the opening parenthesis.
    public var openParenRange: SourceRange
    /// The span of the closing parenthesis.
    public var closeParenRange: SourceRange

    /// Creates a function call.
    public init(name: String, nameRange: SourceRange, arguments: [Expression], expandsFinalArgument: Bool, openParenRange: SourceRange, closeParenRange: SourceRange) {
        self.name = name
        self.nameRange = nameRange
        self.arguments = arguments
        self.expandsFinalArgument = expandsFinalArgument
        self.openParenRange = openParenRange
        self.closeParenRange = closeParenRange
    }

    /// The namespace parts before the function name: `["provider", "aws"]` for `provider::aws::arn_parse`.
    public var namespace: [String] {
        let parts = name.split(separator: ":", omittingEmptySubsequences: true).map(String.init)
        return Array(parts.dropLast())
    }

    /// The name without its namespace: `arn_parse` for `provider::aws::arn_parse`.
    public var baseName: String {
        name.split(separator: ":", omittingEmptySubsequences: true).last.map(String.init) ?? name
    }
}

/// One `key = value` (or `key: value`) item of an object constructor.
///
/// A bare identifier key (`name = 1`) becomes `.literal(.string("name"))`; any other key, such as
/// `(var.k)` or `var.k`, stays an expression to evaluate.
public struct ObjectItem: Hashable, Sendable {
    /// The key expression.
    public var key: Expression
    /// The value expression.
    public var value: Expression

    /// Creates an object item.
    public init(key: Expression, value: Expression) {
        self.key = key
        self.value = value
    }
}

/// A splat expression: `source.*.a.b` (attribute-only) or `source[*].a[0].b` (full).
///
/// `each` is evaluated once per element of `source`, with `.splatElement` standing for the
/// element; with no steps after the splat, `each` is just `.splatElement`.
public struct Splat: Hashable, Sendable {
    /// Whether the splat was written `.*` or `[*]`.
    public enum Style: Hashable, Sendable {
        /// `.*`: only attribute steps follow.
        case attribute
        /// `[*]`: attribute and index steps follow.
        case full
    }

    /// The collection being splatted.
    public var source: Expression
    /// The per-element expression, in terms of `.splatElement`.
    public var each: Expression
    /// `.*` or `[*]`.
    public var style: Style
    /// The span of the `.*` or `[*]` marker.
    public var markerRange: SourceRange

    /// Creates a splat.
    public init(source: Expression, each: Expression, style: Style, markerRange: SourceRange) {
        self.source = source
        self.each = each
        self.style = style
        self.markerRange = markerRange
    }
}

/// A `for` expression: `[for k, v in coll : expr if cond]` or `{for k, v in coll : key => value... if cond}`.
public struct ForExpression: Hashable, Sendable {
    /// The key (or index) iterator name, if two names were given.
    public var keyVariable: String?
    /// The value iterator name.
    public var valueVariable: String
    /// The span of the key iterator name, if any.
    public var keyVariableRange: SourceRange?
    /// The span of the value iterator name.
    public var valueVariableRange: SourceRange
    /// The collection iterated over.
    public var collection: Expression
    /// For an object `for`, the key expression before `=>`; nil for a tuple `for`.
    public var keyExpression: Expression?
    /// The value expression (after `:` in a tuple `for`, after `=>` in an object `for`).
    public var valueExpression: Expression
    /// The filter after `if`, if any.
    public var condition: Expression?
    /// True when the value expression is followed by `...` (group values by key).
    public var isGrouped: Bool

    /// Creates a `for` expression.
    public init(keyVariable: String?, valueVariable: String, keyVariableRange: SourceRange?, valueVariableRange: SourceRange, collection: Expression, keyExpression: Expression?, valueExpression: Expression, condition: Expression?, isGrouped: Bool) {
        self.keyVariable = keyVariable
        self.valueVariable = valueVariable
        self.keyVariableRange = keyVariableRange
        self.valueVariableRange = valueVariableRange
        self.collection = collection
        self.keyExpression = keyExpression
        self.valueExpression = valueExpression
        self.condition = condition
        self.isGrouped = isGrouped
    }

    /// True for `{for ...}` (produces an object), false for `[for ...]` (produces a tuple).
    public var producesObject: Bool { keyExpression != nil }
}

/// The kind and range of an expression made with `Expression.init(_:range:)`.
final class ExpressionValue: Sendable {
    let kind: ExpressionKind
    let range: SourceRange

    init(kind: ExpressionKind, range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}
