/// Recognises test files by path and counts their test cases and assertions.
///
/// Which paths are test files:
/// - Python: `test_*.py`, `*_test.py`, `tests.py` (pytest or unittest, decided by the content).
/// - JavaScript / TypeScript (`.js .jsx .mjs .cjs .ts .tsx .mts .cts`, not `.d.ts`): names with
///   `.test.` or `.spec.`, files under a `__tests__` folder, and files under a `test` or
///   `tests` folder that hold at least one test case (mocha's default layout; a helper module
///   there with no test is not a test file).
/// - Go: `*_test.go`.
///
/// Unit or integration: integration when a folder of the path is named `integration`,
/// `integration_tests`, `integration-tests`, `e2e`, `it`, `functional` or `acceptance`
/// (ignoring case), or the file name contains `integration`, `e2e` or `.int.`; unit otherwise.
///
/// Counting rules per framework are on `PythonTestScanner`, `JavaScriptTestScanner` and
/// `GoTestScanner`; in short: tests and assertions inside comments and strings never count,
/// a parametrized test counts once, skipped tests are not counted (they are in `skippedTests`),
/// and a file's assertion count is every assertion site in its code, helpers included.
public struct TestFileAnalyzer: Sendable {
    /// The language a test file is written in, by its path.
    public enum Language: String, Sendable, Hashable {
        /// Python (pytest, unittest).
        case python
        /// JavaScript or TypeScript (jest, vitest, mocha).
        case javaScript
        /// Go (`go test`).
        case go
    }

    /// Creates an analyzer.
    public init() {}

    /// The test language of `path`, or nil when the path is not a test file name.
    ///
    /// A JavaScript file under `test/` or `tests/` is a candidate: `analyze` keeps it only when
    /// it holds a test case.
    public func language(ofPath path: String) -> Language? {
        let components = path.split(separator: "/", omittingEmptySubsequences: true)
        guard let name = components.last.map({ String($0) }) else { return nil }
        let folders = components.dropLast().map { $0.lowercased() }
        if name.hasSuffix(".py") {
            return name.hasPrefix("test_") || name.hasSuffix("_test.py") || name == "tests.py" ? .python : nil
        }
        if name.hasSuffix("_test.go") { return .go }
        let scriptExtensions = [".js", ".jsx", ".mjs", ".cjs", ".ts", ".tsx", ".mts", ".cts"]
        guard scriptExtensions.contains(where: { name.hasSuffix($0) }), !name.hasSuffix(".d.ts") else { return nil }
        if name.contains(".test.") || name.contains(".spec.") { return .javaScript }
        if folders.contains(where: { $0 == "__tests__" || $0 == "test" || $0 == "tests" }) { return .javaScript }
        return nil
    }

    /// Whether `path` names integration or end-to-end tests rather than unit tests.
    public func kind(ofPath path: String) -> TestFile.Kind {
        let components = path.split(separator: "/", omittingEmptySubsequences: true)
        guard let name = components.last?.lowercased() else { return .unit }
        let integrationFolders: Set<String> = ["integration", "integration_tests", "integration-tests", "e2e", "it",
                                               "functional", "acceptance"]
        if components.dropLast().contains(where: { integrationFolders.contains($0.lowercased()) }) { return .integration }
        if name.contains("integration") || name.contains("e2e") || name.contains(".int.") { return .integration }
        return .unit
    }

    /// The test file record for `path`, or nil when the path is not a test file.
    ///
    /// `testsWithoutAssertions` lists, in source order, the test cases whose body holds no
    /// assertion site (calls into helper functions are not followed).
    public func analyze(path: String, bytes: [UInt8]) -> TestFile? {
        guard let language = language(ofPath: path) else { return nil }
        let scanned: ScannedTests
        switch language {
        case .python: scanned = PythonTestScanner().scan(bytes)
        case .javaScript: scanned = JavaScriptTestScanner().scan(bytes)
        case .go: scanned = GoTestScanner().scan(bytes)
        }
        if language == .javaScript, !isExplicitScriptTestName(path), scanned.cases.isEmpty, scanned.skipped == 0 {
            return nil
        }
        return TestFile(path: path, framework: scanned.framework, kind: kind(ofPath: path), tests: scanned.cases.count,
                        assertions: scanned.assertions,
                        testsWithoutAssertions: scanned.cases.filter { $0.assertions == 0 }.map(\.name),
                        skippedTests: scanned.skipped)
    }

    /// The test file record for `path` from its text.
    public func analyze(path: String, text: String) -> TestFile? {
        analyze(path: path, bytes: Array(text.utf8))
    }

    private func isExplicitScriptTestName(_ path: String) -> Bool {
        let components = path.split(separator: "/")
        guard let name = components.last else { return false }
        return name.contains(".test.") || name.contains(".spec.") || components.dropLast().contains("__tests__")
    }
}
