import Python

/// Read-only queries over the statements of a handler subject, with the file's imports
/// resolved so `from subprocess import run as r; r(...)` is seen as `subprocess.run`.
public struct PythonScope: Sendable {
    /// The statements searched.
    public var statements: [Statement]
    /// Local names bound by imports, to the dotted name they stand for (`np` → `numpy`,
    /// `run` → `subprocess.run`).
    public var imports: [String: String]

    /// The scope of `subject`, with the imports of the whole file (module level and the
    /// subject's own).
    public init(_ subject: HandlerSubject) {
        statements = subject.statements
        // The file's imports (collected once per file), then the function's own again, so
        // that they win over any later module-level binding of the same name.
        var imports = subject.file.imports
        if let function = subject.function {
            for statement in function.function.body { Self.collectImports(statement, into: &imports) }
        }
        self.imports = imports
    }

    /// Binds the names imported by `statement` and the statements nested in it, in preorder.
    static func collectImports(_ statement: Statement, into imports: inout [String: String]) {
        statement.forEachStatement { inner in bindImports(of: inner, into: &imports) }
    }

    /// Binds the names `statement` imports, when it is an `import` or absolute `from … import`
    /// (the statement alone, not the statements below it); returns whether it is one.
    @discardableResult
    static func bindImports(of statement: Statement, into imports: inout [String: String]) -> Bool {
        switch statement.kind {
        case .import(let names):
            for alias in names {
                if let asname = alias.asname { imports[asname] = alias.name } else {
                    let first = String(alias.name.split(separator: ".").first ?? "")
                    imports[first] = first
                }
            }
            return true
        case .importFrom(let module, let names, let level) where level == 0:
            for alias in names where alias.name != "*" {
                imports[alias.asname ?? alias.name] = (module.map { $0 + "." } ?? "") + alias.name
            }
            return true
        default:
            return false
        }
    }

    /// Every node of the statements, in preorder (nested functions included).
    public func forEachNode(_ visit: (SyntaxNode) -> Void) {
        for statement in statements { SyntaxNode.statement(statement).forEachDescendant(visit) }
    }

    /// Every call in the statements, in source order.
    public var calls: [CallSite] {
        var sites: [CallSite] = []
        forEachNode { node in
            if case .expression(let expression) = node, case .call(let function, let args, let keywords) = expression.kind {
                sites.append(CallSite(callee: function.dottedName, function: function, args: args, keywords: keywords, range: expression.range))
            }
        }
        return sites
    }

    /// The callee of `call` with its first part resolved through the imports
    /// (`yaml.load`, `subprocess.run`, `print`); nil when the callee is not a dotted name.
    public func qualifiedName(_ call: CallSite) -> String? {
        guard let callee = call.callee else { return nil }
        return Self.resolve(callee, imports: imports)
    }

    /// Every `except` clause in the statements.
    public var exceptHandlers: [ExceptHandler] {
        var handlers: [ExceptHandler] = []
        forEachNode { node in
            if case .exceptHandler(let handler) = node { handlers.append(handler) }
        }
        return handlers
    }

    /// Every statement (at any depth), in preorder.
    public var allStatements: [Statement] {
        var result: [Statement] = []
        forEachNode { node in
            if case .statement(let statement) = node { result.append(statement) }
        }
        return result
    }
}

extension Expression {
    /// Whether any node of this expression satisfies `predicate`.
    func contains(where predicate: (Expression) -> Bool) -> Bool {
        var found = false
        SyntaxNode.expression(self).forEachDescendant { node in
            if !found, case .expression(let expression) = node, predicate(expression) { found = true }
        }
        return found
    }

    /// Whether this expression mentions the variable `name`.
    func mentions(_ name: String) -> Bool {
        contains { if case .name(let other, _) = $0.kind { return other == name } else { return false } }
    }

    /// The constant's boolean value, when the expression is `True` or `False`.
    var booleanValue: Bool? {
        if case .constant(.boolean(let flag)) = kind { return flag }
        return nil
    }
}

/// Names for log calls: `logger.info(...)`, `logging.error(...)`, `log.exception(...)`, `print`.
enum LogCall {
    /// The logging methods.
    static let levels: Set<String> = ["debug", "info", "warning", "warn", "error", "exception", "critical", "log", "fatal"]

    /// Whether `call` writes to the logs: `print(...)`, or a logging method on `logging` or
    /// on a receiver whose name says it is a logger.
    static func isLogCall(_ call: CallSite, scope: PythonScope) -> Bool {
        isLogCall(named: scope.qualifiedName(call))
    }

    /// Whether a call whose qualified name is `name` writes to the logs.
    static func isLogCall(named name: String?) -> Bool {
        guard let name else { return false }
        if name == "print" { return true }
        // A dotted name's parts are identifiers, never empty: the method follows the last dot.
        guard let dot = name.utf8.lastIndex(of: UInt8(ascii: ".")), levels.contains(String(name[name.utf8.index(after: dot)...])) else { return false }
        let receiver = name[..<dot].lowercased()
        return receiver == "logging" || receiver.contains("log")
    }

    /// The arguments of `call` (positional and keyword values).
    static func arguments(_ call: CallSite) -> [Expression] {
        call.args + call.keywords.map(\.value)
    }
}

extension PythonScope {
    /// A scope over `statements` with the given imports.
    public init(statements: [Statement], imports: [String: String]) {
        self.statements = statements
        self.imports = imports
    }
}

extension PythonScope {
    /// `callee` with its first part resolved through `imports` (a dotted name's parts are
    /// identifiers, never empty).
    static func resolve(_ callee: String, imports: [String: String]) -> String {
        guard let dot = callee.utf8.firstIndex(of: UInt8(ascii: ".")) else { return imports[callee] ?? callee }
        guard let resolved = imports[String(callee[..<dot])] else { return callee }
        return resolved + callee[dot...]
    }
}
