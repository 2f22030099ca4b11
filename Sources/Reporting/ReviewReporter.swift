import Review

/// One output format of a review: a value in (the review and its context), text out.
///
/// Every format of `stackreview review` is one type conforming to this protocol, in its own
/// file. A reporter never reads the repository or the environment: everything it needs comes
/// in `result` and `context`, so the same inputs always give byte-identical output.
public protocol ReviewReporter: Sendable {
    /// Renders `result` as this format's complete document.
    func render(_ result: ReviewResult, context: ReportContext) -> String
}

/// What a reporter needs besides the review itself: the threshold, links, the tool's version,
/// the rules (for their documentation) and, when available, the head texts of the files.
public struct ReportContext: Sendable {
    /// The severity at or above which an introduced finding blocks (nil: never).
    public var failOn: Severity?
    /// The repository's web address (`https://github.com/org/repo`) for file links, if any.
    public var linkBase: String?
    /// The version of stackreview, written into SARIF, rdjson and JUnit.
    public var toolVersion: String
    /// The rules of the review, by id, for remediation, references and descriptions.
    public var rules: [String: Rule]
    /// Head-side file texts by repository path, when the caller has them: used for code frames,
    /// UTF-16 columns and suggestion blocks. A file missing here degrades gracefully.
    public var headFiles: [String: String]
    /// Whether the terminal output may use ANSI colors (only the text format uses it).
    public var color: Bool
    /// The largest Markdown body a reporter writes (GitHub's comment limit by default).
    public var markdownLimit: Int

    /// GitHub's limit on the length of an issue or review comment body, in characters.
    public static let gitHubCommentLimit = 65_536

    /// Creates a context; only `toolVersion` has no sensible default.
    public init(
        failOn: Severity? = .high, linkBase: String? = nil, toolVersion: String, rules: [Rule] = [],
        headFiles: [String: String] = [:], color: Bool = false, markdownLimit: Int = ReportContext.gitHubCommentLimit
    ) {
        self.failOn = failOn
        self.linkBase = linkBase.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
        self.toolVersion = toolVersion
        var byID: [String: Rule] = [:]
        for rule in rules { byID[rule.id] = rule }
        self.rules = byID
        self.headFiles = headFiles
        self.color = color
        self.markdownLimit = markdownLimit
    }
}
