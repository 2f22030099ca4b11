/// The output formats `stackreview review` can write.
///
/// An `enum` so that an unknown format is a usage error at the command line, never a silent
/// fallback to another format.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// Plain text for a terminal or a log (see `ReviewTextReport`).
    case text
    /// A versioned JSON document (see `ReviewJSONReport`).
    case json
    /// The change set only: each changed file with its kind and changed line ranges, to see
    /// what the review starts from.
    case changes
    /// The failures-analysis report in GitHub-flavoured Markdown (see `MarkdownReport`).
    case markdown
    /// The body of a GitHub pull-request review with inline comments (see `GitHubReviewReport`).
    case githubReview = "github-review"
    /// GitLab merge-request discussions (see `GitLabDiscussionsReport`).
    case gitlab
    /// SARIF 2.1.0 (see `SARIFReport`).
    case sarif
    /// reviewdog's Diagnostic Format (see `RDJSONReport`).
    case rdjson
    /// GitLab Code Quality / Code Climate issues (see `CodeClimateReport`).
    case codeclimate
    /// JUnit XML (see `JUnitReport`).
    case junit

    /// The reporter that writes this format; nil for `changes`, which renders the change set alone
    /// (see `ChangeSetTextReport`).
    public var reporter: (any ReviewReporter)? {
        switch self {
        case .text: return ReviewTextReport()
        case .json: return ReviewJSONReport()
        case .changes: return nil
        case .markdown: return MarkdownReport()
        case .githubReview: return GitHubReviewReport()
        case .gitlab: return GitLabDiscussionsReport()
        case .sarif: return SARIFReport()
        case .rdjson: return RDJSONReport()
        case .codeclimate: return CodeClimateReport()
        case .junit: return JUnitReport()
        }
    }
}

extension OutputFormat {
    /// Whether the format shows Key Metrics (tests, assertions, coverage), which costs reading
    /// every test file and coverage report of both revisions.
    public var showsMetrics: Bool {
        switch self {
        case .markdown, .githubReview, .gitlab, .json: return true
        default: return false
        }
    }
}
