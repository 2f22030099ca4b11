import Python

/// Follows secrets inside a function to the places they must not reach: a log call or
/// `print`, an exception message (`raise X(...)`), or what an entry point returns.
///
/// Sources: `os.environ[...]`, `os.environ.get(...)`, `os.getenv(...)` of a secret-named
/// variable; `get_secret_value(...)`; `get_parameter(s)(..., WithDecryption=True)`; and
/// module-level variables assigned from those. A value derived from a secret stays one
/// through assignment, f-strings, `+`, `%`, `.format`, subscripts and attributes, dict, list
/// and tuple building, `str`/`repr`/`json.dumps`/`json.loads`/`base64` calls and method calls
/// on it. Other calls (hashing, `len`, an HTTP request) end the flow. The analysis is
/// flow-insensitive: a variable that ever holds a secret in the function is treated as one.
///
/// The message names the variable (or the environment variable) that carries the secret,
/// never its value; the attribute path is `sink.variable` (`log.db_password`).
struct HandlerSecretFlowCheck: HandlerCheck {
    let name = "handler-secret-flow"

    static let passThroughCalls: Set<String> = [
        "str", "repr", "bytes", "dict", "list", "tuple", "json.dumps", "json.loads", "base64.b64encode", "base64.b64decode",
        "base64.urlsafe_b64encode", "base64.standard_b64encode",
    ]

    func evaluate(_ handler: HandlerSubject) -> [HandlerVerdict] {
        guard handler.function != nil else { return [] }
        let walk = handler.walk
        let scope = walk.scope
        // Module-level variables holding secrets are sources too (found once per file, unless
        // the function's own imports change what the module-level code means to it).
        let moduleSecrets = walk.hasOwnImports
            ? Self.taint(Self.moduleStatements(of: handler.file), imports: scope.imports, initial: [:])
            : handler.file.facts.moduleSecrets(of: handler.file)
        let tainted = Self.taint(walk.allStatements, imports: scope.imports, initial: moduleSecrets)
        var verdicts: [HandlerVerdict] = []
        var seen: Set<String> = []
        func report(_ expression: Expression, _ range: Python.SourceRange, sink: String, _ label: String) {
            guard let carrier = Self.carrier(expression, tainted: tainted, imports: scope.imports) else { return }
            let path = sink + "." + carrier.lowercased()
            guard seen.insert(path).inserted else { return }
            verdicts.append(HandlerVerdict(range: range, attributePath: path, arguments: ["secret": carrier, "sink": label]))
        }
        for call in walk.calls where LogCall.isLogCall(named: call.name) {
            for argument in LogCall.arguments(call.site) { report(argument, call.site.range, sink: "log", call.name == "print" ? "print" : "a log call") }
        }
        for statement in walk.allStatements {
            switch statement.kind {
            case .raise(let exception?, _):
                if case .call(_, let args, let keywords) = exception.kind {
                    for argument in args + keywords.map(\.value) { report(argument, statement.range, sink: "exception", "an exception message") }
                } else {
                    report(exception, statement.range, sink: "exception", "an exception message")
                }
            case .return(let value?) where handler.isEntryPoint:
                report(value, statement.range, sink: "response", "the response")
            default:
                break
            }
        }
        return verdicts
    }

    /// Every statement of `file`'s module-level code (outside its module-level functions), at
    /// any depth, in preorder.
    static func moduleStatements(of file: HandlerFile) -> [Statement] {
        PythonScope(statements: file.source.module.body.filter {
            if case .functionDef = $0.kind { return false } else { return true }
        }, imports: file.imports).allStatements
    }

    /// The names holding secrets after the assignments among `statements` (every statement of
    /// a scope, at any depth), each with the name of the secret it carries.
    static func taint(_ statements: [Statement], imports: [String: String], initial: [String: String]) -> [String: String] {
        var tainted = initial
        var changed = true
        while changed {
            changed = false
            func bind(_ target: Expression, _ carrier: String) {
                SyntaxNode.expression(target).forEachDescendant { node in
                    if case .expression(let expression) = node, case .name(let name, .store) = expression.kind, tainted[name] == nil {
                        tainted[name] = carrier
                        changed = true
                    }
                }
            }
            for statement in statements {
                switch statement.kind {
                case .assign(let targets, let value):
                    if let carrier = carrier(value, tainted: tainted, imports: imports) { for target in targets { bind(target, carrier) } }
                case .annAssign(let target, _, let value?, _), .augAssign(let target, _, let value):
                    if let carrier = carrier(value, tainted: tainted, imports: imports) { bind(target, carrier) }
                case .for(let target, let iter, _, _, _):
                    if let carrier = carrier(iter, tainted: tainted, imports: imports) { bind(target, carrier) }
                case .with(let items, _, _):
                    for item in items {
                        if let target = item.optionalVars, let carrier = carrier(item.contextExpr, tainted: tainted, imports: imports) { bind(target, carrier) }
                    }
                default:
                    break
                }
            }
        }
        return tainted
    }

    /// The name of the secret `expression` carries, or nil when it carries none.
    static func carrier(_ expression: Expression, tainted: [String: String], imports: [String: String]) -> String? {
        if let source = sourceName(expression, imports: imports) { return source }
        switch expression.kind {
        case .name(let name, _):
            guard tainted[name] != nil else { return nil }
            return name
        case .attribute(let value, _, _), .subscript(let value, _, _), .formattedValue(let value, _, _), .starred(let value, _),
             .await(let value), .namedExpr(_, let value):
            return carrier(value, tainted: tainted, imports: imports)
        case .binOp(let left, _, let right):
            return carrier(left, tainted: tainted, imports: imports) ?? carrier(right, tainted: tainted, imports: imports)
        case .boolOp(_, let values), .joinedStr(let values), .list(let values, _), .tuple(let values, _), .set(let values):
            return values.lazy.compactMap { carrier($0, tainted: tainted, imports: imports) }.first
        case .ifExp(_, let body, let orelse):
            return carrier(body, tainted: tainted, imports: imports) ?? carrier(orelse, tainted: tainted, imports: imports)
        case .dict(_, let values):
            return values.lazy.compactMap { carrier($0, tainted: tainted, imports: imports) }.first
        case .call(let function, let args, let keywords):
            if case .attribute(let receiver, let method, _) = function.kind {
                if method == "format" || method == "join" {
                    if let found = (args + keywords.map(\.value)).lazy.compactMap({ carrier($0, tainted: tainted, imports: imports) }).first { return found }
                }
                if receiver.dottedName.map({ PythonScope.resolve($0, imports: imports) }).map({ ["json", "base64"].contains($0) }) ?? false {
                    // `json.dumps(secret)`: handled below as a pass-through call.
                } else if let found = carrier(receiver, tainted: tainted, imports: imports) {
                    return found
                }
            }
            guard let callee = function.dottedName.map({ PythonScope.resolve($0, imports: imports) }), passThroughCalls.contains(callee) else { return nil }
            return (args + keywords.map(\.value)).lazy.compactMap { carrier($0, tainted: tainted, imports: imports) }.first
        default:
            return nil
        }
    }

    /// The secret `expression` reads directly, if it is a source.
    static func sourceName(_ expression: Expression, imports: [String: String]) -> String? {
        switch expression.kind {
        case .subscript(let value, let slice, _):
            if let name = value.dottedName.map({ PythonScope.resolve($0, imports: imports) }), name == "os.environ",
               let key = slice.stringValue, SecretLiteral.isSecretName(key) {
                return key
            }
        case .call(let function, let args, let keywords):
            guard let callee = function.dottedName else { return nil }
            let resolved = PythonScope.resolve(callee, imports: imports)
            if ["os.environ.get", "os.getenv", "os.environ.setdefault"].contains(resolved), let key = args.first?.stringValue, SecretLiteral.isSecretName(key) {
                return key
            }
            let method = callee.split(separator: ".").last.map(String.init) ?? ""
            if method == "get_secret_value" { return "get_secret_value" }
            if method == "get_parameter" || method == "get_parameters" || method == "get_parameters_by_path",
               keywords.contains(where: { $0.name == "WithDecryption" && $0.value.booleanValue == true }) {
                return method
            }
        default:
            break
        }
        return nil
    }
}
