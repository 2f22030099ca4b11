import Python

/// Flags an entry point that returns internal error detail to its caller: inside an `except …
/// as error` clause, a `return` whose value uses the exception (`str(error)`, `f"{error}"`,
/// `error.args`) or a traceback (`traceback.format_exc()`).
struct HandlerErrorDetailCheck: HandlerCheck {
    let name = "handler-error-detail"

    func evaluate(_ handler: HandlerSubject) -> [HandlerVerdict] {
        guard handler.isEntryPoint else { return [] }
        let scope = handler.scope
        var verdicts: [HandlerVerdict] = []
        for clause in handler.walk.exceptHandlers {
            let inner = PythonScope(statements: clause.body, imports: scope.imports)
            for statement in inner.allStatements {
                guard case .return(let value?) = statement.kind else { continue }
                let leaks = value.contains { expression in
                    if let name = clause.name, case .name(name, _) = expression.kind { return true }
                    if case .call(let function, _, _) = expression.kind, let callee = function.dottedName {
                        let resolved = PythonScope.resolve(callee, imports: scope.imports)
                        return resolved.hasPrefix("traceback.format")
                    }
                    return false
                }
                guard leaks else { continue }
                verdicts.append(HandlerVerdict(range: value.range, attributePath: verdicts.isEmpty ? "response" : "response.\(verdicts.count + 1)"))
            }
        }
        return verdicts
    }
}
