/// A problem found while reading a file, pointing at the exact source that caused it.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    /// How serious a diagnostic is.
    public enum Severity: String, Hashable, Sendable {
        /// The file is invalid; the tree holds what could be recovered.
        case error
        /// The file is valid but probably not what the author meant.
        case warning
    }

    /// Whether this is an error or a warning.
    public var severity: Severity
    /// A terse summary without a final period, e.g. "Unterminated template string".
    public var summary: String
    /// One or more full sentences that say what is wrong and what to do.
    public var detail: String
    /// The name of the file the ranges refer to, as given to the parser.
    public var fileName: String
    /// The exact source that caused the problem.
    public var subject: SourceRange
    /// An optional wider range that gives context (e.g. the whole block).
    public var context: SourceRange?

    /// Creates a diagnostic.
    public init(severity: Severity, summary: String, detail: String, fileName: String, subject: SourceRange, context: SourceRange? = nil) {
        self.severity = severity
        self.summary = summary
        self.detail = detail
        self.fileName = fileName
        self.subject = subject
        self.context = context
    }

    /// `file:line:column: severity: summary; detail`.
    public var description: String {
        "\(fileName):\(subject.start.line):\(subject.start.column): \(severity.rawValue): \(summary); \(detail)"
    }
}

extension Array where Element == Diagnostic {
    /// True when any element is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }
}
