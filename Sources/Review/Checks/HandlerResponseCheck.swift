import Python

/// Checks the API Gateway proxy responses an entry point returns: `return` of a dict literal
/// with a `"body"` or `"statusCode"` key. Registered three times:
/// - `handler-response-status-code`: a `"body"` without `"statusCode"` (API Gateway answers 502);
/// - `handler-response-body`: a `"body"` written as a dict or list literal instead of a string
///   (`json.dumps(...)`), which API Gateway rejects;
/// - `handler-response-headers`: `"statusCode"` and `"body"` without `"headers"` (no
///   `Content-Type`, no CORS or security headers).
///
/// Only the first offending `return` of a function is reported.
struct HandlerResponseCheck: HandlerCheck {
    enum Aspect: Sendable { case statusCode, body, headers }

    let name: String
    let aspect: Aspect

    static let statusCode = HandlerResponseCheck(name: "handler-response-status-code", aspect: .statusCode)
    static let body = HandlerResponseCheck(name: "handler-response-body", aspect: .body)
    static let headers = HandlerResponseCheck(name: "handler-response-headers", aspect: .headers)

    func evaluate(_ handler: HandlerSubject) -> [HandlerVerdict] {
        guard handler.isEntryPoint else { return [] }
        for statement in handler.walk.allStatements {
            guard case .return(let value?) = statement.kind, case .dict(let keys, let values) = value.kind else { continue }
            var members: [String: Expression] = [:]
            for (key, member) in zip(keys, values) { if let name = key?.stringValue { members[name] = member } }
            if keys.contains(where: { $0 == nil }) { continue }  // `**base`: the keys are not all known
            guard members["body"] != nil || members["statusCode"] != nil else { continue }
            switch aspect {
            case .statusCode:
                if members["statusCode"] == nil { return [HandlerVerdict(range: value.range, attributePath: "response.statusCode")] }
            case .body:
                if let body = members["body"], Self.isStructured(body) { return [HandlerVerdict(range: body.range, attributePath: "response.body")] }
            case .headers:
                if members["statusCode"] != nil, members["body"] != nil, members["headers"] == nil, members["multiValueHeaders"] == nil {
                    return [HandlerVerdict(range: value.range, attributePath: "response.headers")]
                }
            }
        }
        return []
    }

    static func isStructured(_ expression: Expression) -> Bool {
        switch expression.kind {
        case .dict, .list, .dictComp, .listComp: return true
        default: return false
        }
    }
}
