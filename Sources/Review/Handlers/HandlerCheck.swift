import Python

/// A check on Python handler code: one module-level function of a handler file, or the file's
/// module-level code. Rule files name it with `check: { coded: NAME }` and
/// `applies_to: [python_handler]`.
///
/// A handler check is a `CodedCheck` (so it is registered once, in `CodedChecks.all`, and a
/// rule naming it loads) that has nothing to say about Terraform subjects.
public protocol HandlerCheck: CodedCheck {
    /// The failures on `handler`; an empty list means it passes.
    func evaluate(_ handler: HandlerSubject) -> [HandlerVerdict]
}

extension HandlerCheck {
    /// Handler checks never fire on Terraform subjects.
    public func evaluate(_ subject: Subject, in context: CheckContext) -> [CodedVerdict] { [] }
}

/// One failure of a handler check.
public struct HandlerVerdict: Sendable, Hashable {
    /// Where the finding starts and ends.
    public var range: Python.SourceRange
    /// What the finding is about inside the subject (part of its identity, so it must not
    /// depend on line numbers): `except`, `print`, `response.body`, `secret.db_password`.
    public var attributePath: String
    /// Extra message arguments; never a secret's value.
    public var arguments: [String: String]

    /// Creates a verdict.
    public init(range: Python.SourceRange, attributePath: String, arguments: [String: String] = [:]) {
        self.range = range
        self.attributePath = attributePath
        self.arguments = arguments
    }
}
