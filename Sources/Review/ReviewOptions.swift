/// How a review runs: the rules, the configuration and the scope.
public struct ReviewOptions: Sendable {
    /// The rules to run (configuration already applied).
    public var ruleSet: RuleSet
    /// The configuration in force.
    public var configuration: Configuration
    /// Review every module and every subject of the repository, not just what the change touched.
    public var reviewAll: Bool
    /// Today's date (`YYYY-MM-DD`), for suppression expiry.
    public var today: String
    /// Count tests, assertions and coverage at base and head for Key Metrics (reads every test
    /// file and coverage report of both revisions, so formats that do not show them skip it).
    public var collectMetrics = false
    /// Judge the test suite of each side on its own, as a state (coverage below the target, no
    /// integration tests, tests that assert nothing), never the head against the base (coverage
    /// falling, fewer tests, code changed without tests). The changelog's walk sets it: a
    /// release has a state, and a per-change verdict of one commit says nothing about it.
    public var judgeTestSuiteOnItsOwn = false
    /// Never free the analysed module trees: a process that exits right after writing its
    /// report sets it, and the operating system takes the memory back at once (freeing the
    /// modules of a 10,000-file repository object by object costs about 0.2 s of CPU). A
    /// library caller keeps the default, and the trees are freed on another thread.
    public var keepsAnalysisUntilExit = false

    /// Creates options.
    public init(ruleSet: RuleSet, configuration: Configuration = Configuration(), reviewAll: Bool = false, today: String) {
        self.ruleSet = ruleSet
        self.configuration = configuration
        self.reviewAll = reviewAll
        self.today = today
    }
}
