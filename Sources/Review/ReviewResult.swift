import Git
import Metrics

/// Everything one review found: the change, what it touched, the findings at both sides and
/// their comparison.
public struct ReviewResult: Sendable {
    /// The range reviewed.
    public var range: ResolvedRange
    /// The files the range changes.
    public var changeSet: ChangeSet
    /// The module directories loaded (repository-relative, sorted).
    public var modules: [String]
    /// The subjects the change touched, with reasons, sorted.
    public var touched: [TouchedSubject]
    /// Findings at the base revision, on the touched subjects.
    public var baseFindings: [Finding]
    /// Findings at the head revision, on the touched subjects.
    public var headFindings: [Finding]
    /// Base against head.
    public var comparison: FindingComparison
    /// Files stackreview could not fully analyse, with the reason (never silently skipped).
    public var problems: [ReviewProblem]
    /// Tests, assertions and coverage at base and head, when computed (`ReviewOptions.collectMetrics`).
    public var metrics: MetricsComparison? = nil
    /// The head text of every file a head finding points into, for code frames, suggestions
    /// and column conversion (repository path → text).
    public var headFiles: [String: String] = [:]

    /// Creates a result (reporters' tests build them directly).
    public init(
        range: ResolvedRange, changeSet: ChangeSet, modules: [String], touched: [TouchedSubject], baseFindings: [Finding],
        headFindings: [Finding], comparison: FindingComparison, problems: [ReviewProblem], metrics: MetricsComparison? = nil,
        headFiles: [String: String] = [:]
    ) {
        self.range = range
        self.changeSet = changeSet
        self.modules = modules
        self.touched = touched
        self.baseFindings = baseFindings
        self.headFindings = headFindings
        self.comparison = comparison
        self.problems = problems
        self.metrics = metrics
        self.headFiles = headFiles
    }

    /// The findings that make the review fail under `threshold` (nil never fails).
    public func blocking(failOn threshold: Severity?) -> [Finding] {
        guard let threshold else { return [] }
        return comparison.blocking(atOrAbove: threshold)
    }
}

/// A file stackreview could not fully analyse: a syntax error, an unreadable blob, a module it
/// could not load. Reported in every format and counted, never dropped.
public struct ReviewProblem: Sendable, Hashable, Comparable {
    /// The repository path.
    public var file: String
    /// 1-based line, 0 when the whole file is concerned.
    public var line: Int
    /// What went wrong, in a sentence.
    public var message: String

    /// The check name machine formats (SARIF, rdjson, Code Climate, JUnit) give a problem.
    public static let checkName = "stackreview-not-analysed"

    /// Creates a problem.
    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// Orders by file, then line, then message.
    public static func < (lhs: ReviewProblem, rhs: ReviewProblem) -> Bool {
        (lhs.file, lhs.line, lhs.message) < (rhs.file, rhs.line, rhs.message)
    }
}
