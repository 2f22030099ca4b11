import Python
import Threading

/// What the handler checks work out about one `HandlerSubject` and share: its scope (statements
/// and imports) and its call sites, each computed on first use.
///
/// About twenty handler checks run on every subject, and each used to build the scope and walk
/// the syntax tree for the calls again.
final class HandlerSubjectFacts: Sendable {
    private let scope = Locked<PythonScope?>(nil)
    private let calls = Locked<[CallSite]?>(nil)

    /// The scope of `subject` (the subject that owns these facts).
    func scope(of subject: HandlerSubject) -> PythonScope {
        if let known = scope.withLock({ $0 }) { return known }
        let built = PythonScope(subject)
        scope.withLock { $0 = built }
        return built
    }

    /// The call sites in the scope of `subject` (the subject that owns these facts).
    func calls(of subject: HandlerSubject) -> [CallSite] {
        if let known = calls.withLock({ $0 }) { return known }
        let found = scope(of: subject).calls
        calls.withLock { $0 = found }
        return found
    }
}
