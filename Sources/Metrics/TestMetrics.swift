/// What a revision's tests and coverage reports say: the figures of the report's Key Metrics
/// and of its Testing and Quality Assurance section.
public struct TestMetrics: Sendable, Hashable, Codable {
    /// Test cases under unit-test paths and names.
    public var unitTests: Int
    /// Test cases under integration / end-to-end paths and names.
    public var integrationTests: Int
    /// Assertions counted in the test files.
    public var assertions: Int
    /// Line coverage in percent from the coverage report, when one is committed.
    public var coverage: Double?
    /// The coverage report the figure came from (repository path).
    public var coverageSource: String?
    /// The frameworks recognised (`pytest`, `unittest`, `jest`, `vitest`, `mocha`, `go`), sorted.
    public var frameworks: [String]
    /// Every test file found, with its counts, sorted by path.
    public var files: [TestFile]
    /// Coverage reports that were found but could not be read, as `path: reason`, sorted by path.
    public var unreadableCoverageReports: [String]

    /// Creates metrics.
    public init(unitTests: Int = 0, integrationTests: Int = 0, assertions: Int = 0, coverage: Double? = nil,
                coverageSource: String? = nil, frameworks: [String] = [], files: [TestFile] = [],
                unreadableCoverageReports: [String] = []) {
        self.unitTests = unitTests
        self.integrationTests = integrationTests
        self.assertions = assertions
        self.coverage = coverage
        self.coverageSource = coverageSource
        self.frameworks = frameworks
        self.files = files
        self.unreadableCoverageReports = unreadableCoverageReports
    }

    /// All test cases.
    public var totalTests: Int { unitTests + integrationTests }
}

/// One test file and what it holds.
public struct TestFile: Sendable, Hashable, Codable {
    /// Whether the file's tests count as unit or integration tests.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// Unit tests.
        case unit
        /// Integration or end-to-end tests.
        case integration
    }

    /// The repository path.
    public var path: String
    /// The framework the file uses.
    public var framework: String
    /// Unit or integration.
    public var kind: Kind
    /// Test cases in the file.
    public var tests: Int
    /// Assertions in the file.
    public var assertions: Int
    /// Test cases that assert nothing, by name, in source order.
    ///
    /// A name is the test function's name (Python, Go) or the first argument's text when it is
    /// a string literal (JavaScript), else `line N`.
    public var testsWithoutAssertions: [String]
    /// Test cases marked as skipped (`@pytest.mark.skip`, `it.skip`, `xit`, inside `describe.skip`);
    /// they are not part of `tests`.
    public var skippedTests: Int

    /// Creates a test file record.
    public init(path: String, framework: String, kind: Kind, tests: Int, assertions: Int, testsWithoutAssertions: [String] = [],
                skippedTests: Int = 0) {
        self.path = path
        self.framework = framework
        self.kind = kind
        self.tests = tests
        self.assertions = assertions
        self.testsWithoutAssertions = testsWithoutAssertions
        self.skippedTests = skippedTests
    }
}

/// Base against head, as the report shows it (`3 → 67 unit tests`).
public struct MetricsComparison: Sendable, Hashable, Codable {
    /// The figures at the base revision (nil for a first commit).
    public var base: TestMetrics?
    /// The figures at the head revision.
    public var head: TestMetrics
    /// The configured coverage target in percent.
    public var coverageTarget: Double
    /// Test files the change added (repository paths, sorted).
    public var addedTestFiles: [String]

    /// Creates a comparison.
    public init(base: TestMetrics?, head: TestMetrics, coverageTarget: Double, addedTestFiles: [String]) {
        self.base = base
        self.head = head
        self.coverageTarget = coverageTarget
        self.addedTestFiles = addedTestFiles
    }
}
