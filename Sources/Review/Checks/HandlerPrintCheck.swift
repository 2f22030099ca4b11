import Python

/// Flags `print(...)` in handler code: it writes unstructured lines without level, timestamp
/// or request id, and cannot be turned down in production. One finding per subject, at the
/// first call, with the number of calls.
struct HandlerPrintCheck: HandlerCheck {
    let name = "handler-print"

    func evaluate(_ handler: HandlerSubject) -> [HandlerVerdict] {
        let prints = handler.calls.filter { $0.name == "print" }
        guard let first = prints.first else { return [] }
        return [HandlerVerdict(range: first.site.range, attributePath: "print", arguments: ["count": String(prints.count)])]
    }
}
