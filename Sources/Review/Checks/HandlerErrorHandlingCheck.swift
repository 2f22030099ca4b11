import Python

/// Flags an entry point whose body has no `try` with an `except` clause at its top level: an
/// unexpected error then escapes to the Lambda runtime, which logs a raw traceback and, behind
/// API Gateway, answers 502 with no useful body.
///
/// A function whose body makes no call at all (a constant response) passes.
struct HandlerErrorHandlingCheck: HandlerCheck {
    let name = "handler-error-handling"

    func evaluate(_ handler: HandlerSubject) -> [HandlerVerdict] {
        guard handler.isEntryPoint, let function = handler.function else { return [] }
        let hasTry = function.function.body.contains { statement in
            if case .try(_, let handlers, _, _, _) = statement.kind { return !handlers.isEmpty }
            return false
        }
        guard !hasTry, !handler.calls.isEmpty else { return [] }
        return [HandlerVerdict(range: function.function.nameRange, attributePath: "")]
    }
}
