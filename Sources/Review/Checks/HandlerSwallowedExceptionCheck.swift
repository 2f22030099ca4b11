import Python

/// Flags a broad `except` (bare, `Exception` or `BaseException`) that swallows the error: its
/// body only `pass`es (or `...`, `continue`), or it neither raises nor logs and returns a
/// success (`True`, or a response whose `statusCode` is 2xx).
struct HandlerSwallowedExceptionCheck: HandlerCheck {
    let name = "handler-swallowed-exception"

    func evaluate(_ handler: HandlerSubject) -> [HandlerVerdict] {
        let walk = handler.walk
        let scope = walk.scope
        var verdicts: [HandlerVerdict] = []
        for clause in walk.exceptHandlers where Self.isBroad(clause.type) && swallows(clause, scope: scope) {
            let path = verdicts.isEmpty ? "except" : "except.\(verdicts.count + 1)"
            let keyword = Python.SourceRange(start: clause.range.start, end: SourceLocation(
                line: clause.range.start.line, column: clause.range.start.column + 6, offset: clause.range.start.offset + 6))
            verdicts.append(HandlerVerdict(range: keyword, attributePath: path))
        }
        return verdicts
    }

    static func isBroad(_ type: Expression?) -> Bool {
        guard let type else { return true }
        if case .tuple(let elements, _) = type.kind { return elements.contains { isBroad($0) } }
        return ["Exception", "BaseException", "builtins.Exception"].contains(type.dottedName ?? "")
    }

    func swallows(_ clause: ExceptHandler, scope: PythonScope) -> Bool {
        let trivial = clause.body.allSatisfy { statement in
            switch statement.kind {
            case .pass, .continue: return true
            case .expr(let value): if case .constant(.ellipsis) = value.kind { return true } else { return false }
            default: return false
            }
        }
        if trivial { return true }
        let inner = PythonScope(statements: clause.body, imports: scope.imports)
        if inner.allStatements.contains(where: { if case .raise = $0.kind { return true } else { return false } }) { return false }
        if inner.calls.contains(where: { LogCall.isLogCall($0, scope: inner) }) { return false }
        return inner.allStatements.contains { statement in
            guard case .return(let value?) = statement.kind else { return false }
            return Self.isSuccess(value)
        }
    }

    static func isSuccess(_ value: Expression) -> Bool {
        if value.booleanValue == true { return true }
        guard case .dict(let keys, let values) = value.kind else { return false }
        for (key, value) in zip(keys, values) where key?.stringValue == "statusCode" {
            if case .constant(.integer(let code)) = value.kind, code.hasPrefix("2") { return true }
        }
        return false
    }
}
