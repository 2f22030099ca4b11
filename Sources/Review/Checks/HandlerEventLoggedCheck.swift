import Python

/// Flags an entry point that logs the whole event: a log call or `print` whose argument is the
/// event parameter itself, `json.dumps(event)`, or an f-string, concatenation or `%`/`.format`
/// that embeds it. Events carry request bodies, headers and tokens; log the fields you need.
struct HandlerEventLoggedCheck: HandlerCheck {
    let name = "handler-event-logged"

    func evaluate(_ handler: HandlerSubject) -> [HandlerVerdict] {
        guard handler.isEntryPoint, let event = handler.function?.parameterNames.first else { return [] }
        for call in handler.calls where LogCall.isLogCall(named: call.name) {
            if LogCall.arguments(call.site).contains(where: { Self.embedsWhole(event, $0) }) {
                return [HandlerVerdict(range: call.site.range, attributePath: "log.event", arguments: ["event": event])]
            }
        }
        return []
    }

    /// Whether `expression` is the whole `event`, or builds text from it without picking a field.
    static func embedsWhole(_ event: String, _ expression: Expression) -> Bool {
        switch expression.kind {
        case .name(let name, _): return name == event
        case .formattedValue(let value, _, _): return embedsWhole(event, value)
        case .joinedStr(let values): return values.contains { embedsWhole(event, $0) }
        case .binOp(let left, _, let right): return embedsWhole(event, left) || embedsWhole(event, right)
        case .tuple(let elements, _), .list(let elements, _): return elements.contains { embedsWhole(event, $0) }
        case .call(let function, let args, _):
            let callee = function.dottedName ?? ""
            if ["json.dumps", "str", "repr"].contains(callee) || callee.hasSuffix(".format") {
                return args.contains { embedsWhole(event, $0) }
            }
            return false
        default: return false
        }
    }
}
