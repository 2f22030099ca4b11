import Python

/// Flags `except:` without an exception type: it also catches `SystemExit`,
/// `KeyboardInterrupt` and the runtime's own timeout signals, and hides the kind of error.
///
/// The finding is at the `except` keyword; its attribute path is `except` followed by the
/// clause's position among the subject's bare clauses (`except`, `except.2`), so an edit
/// elsewhere keeps its identity.
struct HandlerBareExceptCheck: HandlerCheck {
    let name = "handler-bare-except"

    func evaluate(_ handler: HandlerSubject) -> [HandlerVerdict] {
        var verdicts: [HandlerVerdict] = []
        for clause in handler.walk.exceptHandlers where clause.type == nil {
            let path = verdicts.isEmpty ? "except" : "except.\(verdicts.count + 1)"
            let keyword = Python.SourceRange(start: clause.range.start, end: SourceLocation(
                line: clause.range.start.line, column: clause.range.start.column + 6, offset: clause.range.start.offset + 6))
            verdicts.append(HandlerVerdict(range: keyword, attributePath: path))
        }
        return verdicts
    }
}
