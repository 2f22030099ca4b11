/// A rule's verdict on one subject: what is wrong, where, and how serious it is.
///
/// Its fields live in one shared, copy-on-write object: a review of a whole repository copies
/// hundreds of thousands of findings (collecting, comparing, sorting), and a copy is then one
/// reference instead of a dozen.
public struct Finding: Sendable, Hashable {
    /// The fields, shared between copies until one of them changes.
    private final class Storage: @unchecked Sendable {
        var ruleID: String
        var title: String
        var severity: Severity
        var category: ReportCategory
        var directory: String
        var subject: String
        var attributePath: String
        var message: FindingMessage
        var improvement: FindingMessage
        var span: SourceSpan
        /// The suppression and the fix, which most findings have neither of: each is kept out
        /// of line, so a finding without them holds two empty references, not their fields.
        private var suppressionBox: OutOfLine<Suppression>?
        private var fixBox: OutOfLine<FixProposal>?
        var suppression: Suppression? {
            get { suppressionBox?.value }
            set { suppressionBox = newValue.map(OutOfLine.init) }
        }
        var fix: FixProposal? {
            get { fixBox?.value }
            set { fixBox = newValue.map(OutOfLine.init) }
        }

        init(_ ruleID: String, _ title: String, _ severity: Severity, _ category: ReportCategory, _ directory: String, _ subject: String,
             _ attributePath: String, _ message: FindingMessage, _ improvement: FindingMessage, _ span: SourceSpan,
             _ suppression: Suppression?, _ fix: FixProposal?) {
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
            self.suppressionBox = suppression.map(OutOfLine.init)
            self.fixBox = fix.map(OutOfLine.init)
        }

        /// A copy, for a finding about to change while another still shares this one.
        func copy() -> Storage {
            Storage(ruleID, title, severity, category, directory, subject, attributePath, message, improvement, span, suppression, fix)
        }
    }

    private var storage: Storage

    /// The storage, copied first when another finding shares it (its `@unchecked Sendable` is
    /// safe because shared storage is never written).
    private var uniqueStorage: Storage {
        mutating get {
            if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
            return storage
        }
    }

    /// The rule that produced it.
    public var ruleID: String {
        get { storage.ruleID }
        set { uniqueStorage.ruleID = newValue }
    }
    /// The rule's title (what passing looks like).
    public var title: String {
        get { storage.title }
        set { uniqueStorage.title = newValue }
    }
    /// The severity, after configuration overrides.
    public var severity: Severity {
        get { storage.severity }
        set { uniqueStorage.severity = newValue }
    }
    /// The report section.
    public var category: ReportCategory {
        get { storage.category }
        set { uniqueStorage.category = newValue }
    }
    /// The root module's directory the subject belongs to (`""` at the top level, and for
    /// handler subjects, whose address carries their path).
    public var directory: String {
        get { storage.directory }
        set { uniqueStorage.directory = newValue }
    }
    /// The subject's address: `aws_lambda_function.api`, `module.net.aws_vpc.main`,
    /// `lambda/handler.py::lambda_handler`, or a file path for file-level findings.
    public var subject: String {
        get { storage.subject }
        set { uniqueStorage.subject = newValue }
    }
    /// The attribute path the finding is about (`tracing_config.mode`), empty for the whole subject.
    public var attributePath: String {
        get { storage.attributePath }
        set { uniqueStorage.attributePath = newValue }
    }
    /// The message; its arguments never hold a secret's value.
    public var message: FindingMessage {
        get { storage.message }
        set { uniqueStorage.message = newValue }
    }
    /// The improvement sentence, used if the finding is resolved later.
    public var improvement: FindingMessage {
        get { storage.improvement }
        set { uniqueStorage.improvement = newValue }
    }
    /// Where the finding is reported.
    public var span: SourceSpan {
        get { storage.span }
        set { uniqueStorage.span = newValue }
    }
    /// The suppression comment that silences it, if any.
    public var suppression: Suppression? {
        get { storage.suppression }
        set { uniqueStorage.suppression = newValue }
    }
    /// A mechanical fix, when the rule has one and it applies here.
    public var fix: FixProposal? {
        get { storage.fix }
        set { uniqueStorage.fix = newValue }
    }

    /// Creates a finding.
    public init(
        ruleID: String, title: String, severity: Severity, category: ReportCategory, directory: String = "", subject: String,
        attributePath: String, message: FindingMessage, improvement: FindingMessage, span: SourceSpan,
        suppression: Suppression? = nil, fix: FixProposal? = nil
    ) {
        storage = Storage(ruleID, title, severity, category, directory, subject, attributePath, message, improvement, span, suppression, fix)
    }

    /// Two findings are equal when every field is.
    public static func == (lhs: Finding, rhs: Finding) -> Bool {
        if lhs.storage === rhs.storage { return true }
        let left = lhs.storage, right = rhs.storage
        return left.ruleID == right.ruleID && left.title == right.title && left.severity == right.severity
            && left.category == right.category && left.directory == right.directory && left.subject == right.subject
            && left.attributePath == right.attributePath && left.message == right.message && left.improvement == right.improvement
            && left.span == right.span && left.suppression == right.suppression && left.fix == right.fix
    }

    /// Hashes every field.
    public func hash(into hasher: inout Hasher) {
        let fields = storage
        hasher.combine(fields.ruleID)
        hasher.combine(fields.title)
        hasher.combine(fields.severity)
        hasher.combine(fields.category)
        hasher.combine(fields.directory)
        hasher.combine(fields.subject)
        hasher.combine(fields.attributePath)
        hasher.combine(fields.message)
        hasher.combine(fields.improvement)
        hasher.combine(fields.span)
        hasher.combine(fields.suppression)
        hasher.combine(fields.fix)
    }

    /// What makes two findings "the same" across revisions: never the line number.
    public var identity: FindingIdentity {
        FindingIdentity(ruleID: ruleID, directory: directory, subject: subject, attributePath: attributePath)
    }

    /// Whether a suppression comment silences it.
    public var isSuppressed: Bool { suppression != nil }

    /// Which fields this finding shares with its copies: two findings with the same storage
    /// identity are equal (a context taken over from one side of a review to the other brings
    /// its findings, and their storage, along).
    var storageIdentity: ObjectIdentifier { ObjectIdentifier(storage) }

    /// Whether `span.file` is `file`, compared in place (without a copy of the span).
    func isInFile(_ file: String) -> Bool { storage.span.file == file }

    /// `span.start` and `span.end`, read in place (without a copy of the span's file name,
    /// which every thread sorting findings would otherwise retain and release).
    var spanPositions: (start: SourceSpan.Position, end: SourceSpan.Position) { (storage.span.start, storage.span.end) }

    /// `identity.shape`, read in place.
    var identityShape: Int {
        let fields = storage
        return FindingIdentity.shape(fields.ruleID, fields.directory, fields.subject, fields.attributePath)
    }
}

/// A value kept in an object of its own, shared by its copies.
private final class OutOfLine<Value: Sendable>: Sendable {
    let value: Value

    init(_ value: Value) {
        self.value = value
    }
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

    /// The lengths of the four fields in one number: equal identities have equal shapes, and
    /// reading it touches no text, so it sorts out cheaply most identities that cannot be equal.
    var shape: Int { Self.shape(ruleID, directory, subject, attributePath) }

    /// The shape of the identity with these fields.
    static func shape(_ ruleID: String, _ directory: String, _ subject: String, _ attributePath: String) -> Int {
        (ruleID.utf8.count << 48) ^ (directory.utf8.count << 32) ^ (subject.utf8.count << 16) ^ attributePath.utf8.count
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
