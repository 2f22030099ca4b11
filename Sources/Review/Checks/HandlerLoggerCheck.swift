import Python

/// Flags a handler file (one with an entry point) that configures no logger at module level:
/// no `logging.getLogger(...)`, `logging.basicConfig(...)` or Powertools `Logger(...)` call
/// outside its functions. Reported on the file, at its first line.
struct HandlerLoggerCheck: HandlerCheck {
    let name = "handler-logger"

    func evaluate(_ handler: HandlerSubject) -> [HandlerVerdict] {
        guard handler.function == nil, !handler.file.entryPoints.isEmpty else { return [] }
        let configured = handler.calls.contains { call in
            let name = call.name ?? ""
            return ["logging.getLogger", "logging.basicConfig", "aws_lambda_powertools.Logger", "aws_lambda_powertools.logging.Logger"].contains(name)
                || name.hasSuffix(".getLogger")
        }
        guard !configured else { return [] }
        return [HandlerVerdict(range: handler.headerRange, attributePath: "logger")]
    }
}
