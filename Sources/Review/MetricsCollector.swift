import Git
import Metrics

/// Reads the test files and coverage reports of both sides of a change and computes the Key
/// Metrics comparison.
struct MetricsCollector {
    let repository: Repository

    /// Files larger than this are not read for metrics (generated fixtures, vendored bundles).
    static let largestFile = 4 << 20
    /// Folders never searched for tests.
    static let skippedFolders: Set<Substring> = ["node_modules", ".git", "vendor", ".venv", "venv", "dist", "build", ".terraform"]

    /// The comparison for `range`; nil when the head side cannot be listed. When the change
    /// touches no test file or coverage report, the base figures are the head figures, and the
    /// base tree is not read again.
    func comparison(_ range: ResolvedRange, changeSet: ChangeSet, coverageTarget: Double) -> MetricsComparison? {
        guard let head = files(range.head) else { return nil }
        let base = range.base == .emptyTree ? nil : ReviewEngine.touchesTestSuite(changeSet) ? files(range.base) : head
        return MetricsCalculator().comparison(base: base, head: head, coverageTarget: coverageTarget)
    }

    /// The test files and coverage reports of one side.
    func files(_ side: RevisionSide) -> [RevisionFile]? {
        guard let entries = try? repository.listFiles(under: "", in: side, recursive: true) else { return nil }
        let analyzer = TestFileAnalyzer(), reader = CoverageReportReader()
        var files: [RevisionFile] = []
        for entry in entries where entry.mode == .regular || entry.mode == .executable {
            let folders = entry.path.split(separator: "/").dropLast()
            guard !folders.contains(where: Self.skippedFolders.contains) else { continue }
            guard analyzer.language(ofPath: entry.path) != nil || reader.format(ofPath: entry.path) != nil else { continue }
            guard let blob = try? repository.file(at: entry.path, in: side), blob.bytes.count <= Self.largestFile else { continue }
            files.append(RevisionFile(path: entry.path, bytes: blob.bytes))
        }
        return files
    }
}
