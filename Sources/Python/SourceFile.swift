internal import Threading

/// The root of a syntax tree (CPython's `Module`).
public struct Module: Hashable, Sendable {
    /// The top-level statements.
    public var body: [Statement]
    /// The whole file.
    public var range: SourceRange
}

/// A parsed Python source file: its syntax tree and the diagnostics found while reading it.
///
/// Parsing never fails: statements with syntax errors are reported in `diagnostics` and left
/// out of the tree, and parsing resumes at the next statement at the same or a lower indentation.
public struct SourceFile: Sendable {
    /// The default limit on nested expressions and blocks.
    public static let defaultMaximumDepth = 200

    /// The source bytes.
    public let bytes: [UInt8]
    /// The syntax tree.
    public let module: Module
    /// Syntax and encoding errors, in the order found.
    public let diagnostics: [Diagnostic]

    /// Parses UTF-8 source bytes. Nesting deeper than `maximumDepth` is reported, not followed.
    public init(bytes: [UInt8], maximumDepth: Int = SourceFile.defaultMaximumDepth) {
        let lines = LineTable(bytes: bytes)
        let (tokens, tokenDiagnostics) = Tokenizer.tokenize(bytes)
        // On the calling thread when its stack allows, else on a thread with a large stack.
        let (body, parserDiagnostics) = ParseStack.parse(maximumDepth: maximumDepth) { depthLimit in
            var parser = Parser(bytes: bytes, lines: lines, tokens: tokens, maximumDepth: depthLimit)
            let body = parser.parseModule()
            return ((body, parser.diagnostics), parser.reachedDepthLimit)
        }
        self.bytes = bytes
        self.module = Module(body: body, range: lines.range(0, bytes.count))
        self.diagnostics = (tokenDiagnostics + parserDiagnostics).sorted { $0.range.start.offset < $1.range.start.offset }
    }

    /// Parses source text.
    public init(text: String, maximumDepth: Int = SourceFile.defaultMaximumDepth) {
        self.init(bytes: Array(text.utf8), maximumDepth: maximumDepth)
    }

    /// The source text of a range (invalid UTF-8 replaced).
    public func text(of range: SourceRange) -> String {
        let lower = max(0, min(range.start.offset, bytes.count))
        let upper = max(lower, min(range.end.offset, bytes.count))
        return String(decoding: bytes[lower..<upper], as: UTF8.self)
    }

    /// Visits every node of the tree in preorder (CPython field order), without recursion.
    public func forEachNode(_ visit: (SyntaxNode) throws -> Void) rethrows {
        try SyntaxNode.module(module).forEachDescendant(visit)
    }

    /// The `def` and `async def` statements at module level, in source order.
    public var topLevelFunctions: [DefinedFunction] {
        module.body.compactMap { statement in
            if case .functionDef(let function) = statement.kind {
                return DefinedFunction(function: function, range: statement.range)
            }
            return nil
        }
    }

    /// Every function call in the file, in preorder, with its callee's dotted name.
    public var calls: [CallSite] {
        var sites: [CallSite] = []
        forEachNode { node in
            if case .expression(let expression) = node,
               case .call(let function, let args, let keywords) = expression.kind {
                sites.append(CallSite(callee: function.dottedName, function: function, args: args,
                                      keywords: keywords, range: expression.range))
            }
        }
        return sites
    }

    /// Every string constant with its decoded value, in preorder. The literal text parts of
    /// f-strings are left out; string constants inside their replacement fields are included.
    public var stringConstants: [(value: String, range: SourceRange)] {
        var strings: [(String, SourceRange)] = []
        var literalParts: Set<Int> = []
        forEachNode { node in
            guard case .expression(let expression) = node else { return }
            switch expression.kind {
            case .joinedStr(let values):
                for value in values { if case .constant = value.kind { literalParts.insert(value.range.start.offset) } }
            case .constant(.string(let value)):
                if !literalParts.contains(expression.range.start.offset) { strings.append((value, expression.range)) }
            default:
                break
            }
        }
        return strings
    }
}

/// A function definition with the range of its whole statement.
public struct DefinedFunction: Hashable, Sendable {
    /// The definition.
    public var function: FunctionDefinition
    /// From `def` (or `async`) to the end of the body; decorators are not included.
    public var range: SourceRange

    /// The function's name.
    public var name: String { function.name }
    /// The names of all parameters in source order.
    public var parameterNames: [String] { function.args.allParameters.map(\.name) }
}

/// One call expression.
public struct CallSite: Hashable, Sendable {
    /// The callee as a dotted name (`boto3.client`, `os.environ.get`), or `nil` when it is not one.
    public var callee: String?
    /// The callee expression.
    public var function: Expression
    /// Positional arguments (`*x` as `Starred`).
    public var args: [Expression]
    /// Keyword arguments (`**x` without a name).
    public var keywords: [KeywordArgument]
    /// The whole call.
    public var range: SourceRange

    /// A call site from its parts (analyses that walk expressions themselves build these).
    public init(callee: String?, function: Expression, args: [Expression], keywords: [KeywordArgument], range: SourceRange) {
        self.callee = callee
        self.function = function
        self.args = args
        self.keywords = keywords
        self.range = range
    }

    /// The value of the keyword argument `name`, if given.
    public func keyword(_ name: String) -> Expression? {
        keywords.first { $0.name == name }?.value
    }

    /// The method name when the callee is an attribute (`put_item` in `table.put_item(...)`).
    public var methodName: String? {
        if case .attribute(_, let attr, _) = function.kind { return attr }
        return nil
    }

    /// The receiver when the callee is an attribute (`table` in `table.put_item(...)`).
    public var receiver: Expression? {
        if case .attribute(let value, _, _) = function.kind { return value }
        return nil
    }
}

extension Expression {
    /// `a.b.c` for a name or a chain of attributes on a name; `nil` otherwise.
    public var dottedName: String? {
        var parts: [String] = []
        var current = self
        while true {
            switch current.kind {
            case .name(let name, _):
                parts.append(name)
                return parts.reversed().joined(separator: ".")
            case .attribute(let value, let attr, _):
                parts.append(attr)
                current = value
            default:
                return nil
            }
        }
    }

    /// The value of a string constant; `nil` for anything else (f-strings included).
    public var stringValue: String? {
        if case .constant(.string(let value)) = kind { return value }
        return nil
    }
}
