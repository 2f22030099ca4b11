/// Computes a revision's `TestMetrics` from its files, and the base → head comparison.
///
/// Coverage precedence: the first report that reads without error, trying formats in the
/// order of `CoverageReport.Format.allCases` (istanbul summary, lcov, Cobertura, coverage.py)
/// and, within a format, shallower paths first, then paths in byte order. Reports that fail
/// to read are listed in `unreadableCoverageReports` whether or not another one gave a figure.
public struct MetricsCalculator: Sendable {
    private let analyzer = TestFileAnalyzer()
    private let coverageReader = CoverageReportReader()

    /// Creates a calculator.
    public init() {}

    /// The metrics of one revision: every test file's counts, and the coverage figure.
    public func metrics(of files: [RevisionFile]) -> TestMetrics {
        var metrics = TestMetrics()
        var testFiles: [TestFile] = []
        var reports: [(format: CoverageReport.Format, depth: Int, file: RevisionFile)] = []
        for file in files {
            if let testFile = analyzer.analyze(path: file.path, bytes: file.bytes) {
                testFiles.append(testFile)
            } else if let format = coverageReader.format(ofPath: file.path) {
                reports.append((format, file.path.split(separator: "/").count, file))
            }
        }
        testFiles.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        for testFile in testFiles {
            switch testFile.kind {
            case .unit: metrics.unitTests += testFile.tests
            case .integration: metrics.integrationTests += testFile.tests
            }
            metrics.assertions += testFile.assertions
        }
        metrics.files = testFiles
        metrics.frameworks = Set(testFiles.map(\.framework)).sorted()

        let order = CoverageReport.Format.allCases
        reports.sort { left, right in
            let leftRank = order.firstIndex(of: left.format) ?? 0
            let rightRank = order.firstIndex(of: right.format) ?? 0
            if leftRank != rightRank { return leftRank < rightRank }
            if left.depth != right.depth { return left.depth < right.depth }
            return left.file.path.utf8.lexicographicallyPrecedes(right.file.path.utf8)
        }
        var problems: [(path: String, reason: String)] = []
        for report in reports {
            switch coverageReader.read(path: report.file.path, bytes: report.file.bytes, format: report.format) {
            case .success(let coverage):
                if metrics.coverage == nil {
                    metrics.coverage = coverage.linePercent
                    metrics.coverageSource = coverage.path
                }
            case .failure(let error):
                problems.append((report.file.path, error.description))
            }
        }
        problems.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        metrics.unreadableCoverageReports = problems.map { "\($0.path): \($0.reason)" }
        return metrics
    }

    /// Base against head: both revisions' metrics and the test files the change added.
    ///
    /// `baseFiles` is nil for a first commit (no base revision); then every head test file is added.
    public func comparison(base baseFiles: [RevisionFile]?, head headFiles: [RevisionFile], coverageTarget: Double) -> MetricsComparison {
        let head = metrics(of: headFiles)
        let base = baseFiles.map { metrics(of: $0) }
        let basePaths = Set(base?.files.map(\.path) ?? [])
        let added = head.files.map(\.path).filter { !basePaths.contains($0) }
        return MetricsComparison(base: base, head: head, coverageTarget: coverageTarget, addedTestFiles: added)
    }
}
