/// A rule's verdict on one subject: what is wrong, where, and how serious it is.
public struct Finding: Sendable, Hashable {
    /// The rule that produced it.
    public var ruleID: String
    /// The rule's title (what passing looks like).
    public var title: String
    /// The severity, after configuration overrides.
    public var severity: Severity
    /// The report section.
    public var category: ReportCategory
    /// The root module's directory the subject belongs to (`""` at the top level, and for
    /// handler subjects, whose address carries their path).
    public var directory: String
    /// The subject's address: `aws_lambda_function.api`, `module.net.aws_vpc.main`,
    /// `lambda/handler.py::lambda_handler`, or a file path for file-level findings.
    public var subject: String
    /// The attribute path the finding is about (`tracing_config.mode`), empty for the whole subject.
    public var attributePath: String
    /// The message; its arguments never hold a secret's value.
    public var message: FindingMessage
    /// The improvement sentence, used if the finding is resolved later.
    public var improvement: FindingMessage
    /// Where the finding is reported.
    public var span: SourceSpan
    /// The suppression comment that silences it, if any.
    public var suppression: Suppression?
    /// A mechanical fix, when the rule has one and it applies here.
    public var fix: FixProposal?

    /// Creates a finding.
    public init(
        ruleID: String, title: String, severity: Severity, category: ReportCategory, directory: String = "", subject: String,
        attributePath: String, message: FindingMessage, improvement: FindingMessage, span: SourceSpan,
        suppression: Suppression? = nil, fix: FixProposal? = nil
    ) {
        self.ruleID = ruleID
        self.title = title
        self.severity = severity
        self.category = category
        self.directory = directory
        self.subject = subject
        self.attributePath = attributePath
        self.message = message
        self.improvement = improvement
        self.span = span
        self.suppression = suppression
        self.fix = fix
    }

    /// What makes two findings "the same" across revisions: never the line number.
    public var identity: FindingIdentity {
        FindingIdentity(ruleID: ruleID, directory: directory, subject: subject, attributePath: attributePath)
    }

    /// Whether a suppression comment silences it.
    public var isSuppressed: Bool { suppression != nil }
}

/// A finding's identity: rule id, subject address and attribute path.
public struct FindingIdentity: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The rule id.
    public var ruleID: String
    /// The root module's directory (`""` at the top level).
    public var directory: String
    /// The subject's address.
    public var subject: String
    /// The attribute path, possibly empty.
    public var attributePath: String

    /// Creates an identity.
    public init(ruleID: String, directory: String = "", subject: String, attributePath: String) {
        self.ruleID = ruleID
        self.directory = directory
        self.subject = subject
        self.attributePath = attributePath
    }

    /// `rule-id@subject`, with `directory:` before the subject when not at the top level and
    /// `#attribute.path` after it when there is one.
    public var description: String {
        let place = directory.isEmpty ? subject : directory + ":" + subject
        return attributePath.isEmpty ? "\(ruleID)@\(place)" : "\(ruleID)@\(place)#\(attributePath)"
    }

    /// Orders by subject, then rule, then attribute path.
    public static func < (lhs: FindingIdentity, rhs: FindingIdentity) -> Bool {
        (lhs.directory, lhs.subject, lhs.ruleID, lhs.attributePath) < (rhs.directory, rhs.subject, rhs.ruleID, rhs.attributePath)
    }
}

/// A concrete edit proposed for one finding: replace the bytes of `span` with `replacement`.
public struct FixProposal: Sendable, Hashable {
    /// The text to replace (an empty span inserts).
    public var span: SourceSpan
    /// The new text.
    public var replacement: String

    /// Creates a proposal.
    public init(span: SourceSpan, replacement: String) {
        self.span = span
        self.replacement = replacement
    }
}
