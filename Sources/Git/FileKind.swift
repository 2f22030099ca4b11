/// What stackreview makes of a file, judged from its path alone.
public enum FileKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Terraform configuration: `.tf` or `.tf.json`.
    case terraform
    /// Terraform variable values: `.tfvars` or `.tfvars.json`.
    case terraformVariables
    /// Python source that may hold Lambda handlers: `.py`, not a test.
    case pythonSource
    /// JavaScript or TypeScript source (`.js`, `.ts`, `.mjs`, `.cjs`), not a test. Recognised but
    /// not analysed yet.
    case javaScriptSource
    /// A test: `test_*.py`, `*_test.py`, `*.test.{js,ts}`, `*.spec.{js,ts}`, `*_test.go`, or a
    /// Python, JavaScript or TypeScript file under a `tests/`, `test/` or `__tests__/` folder.
    case test
    /// A coverage report: `coverage-summary.json`, `lcov.info`, `coverage.xml`,
    /// `cobertura*.xml` or `coverage.json`.
    case coverageReport
    /// Anything else.
    case other

    /// Whether stackreview analyses files of this kind today.
    public var isAnalysed: Bool {
        switch self {
        case .terraform, .terraformVariables, .pythonSource, .test, .coverageReport: return true
        case .javaScriptSource, .other: return false
        }
    }

    /// Classifies a repository path (with `/` separators). Case matters for folder names and is
    /// ignored for extensions.
    public init(path: String) {
        let components = path.split(separator: "/", omittingEmptySubsequences: true)
        let name = components.last.map(String.init) ?? ""
        let lowerName = name.lowercased()
        let folders = components.dropLast().map(String.init)

        if lowerName.hasSuffix(".tf") || lowerName.hasSuffix(".tf.json") {
            self = .terraform
            return
        }
        if lowerName.hasSuffix(".tfvars") || lowerName.hasSuffix(".tfvars.json") {
            self = .terraformVariables
            return
        }
        if Self.coverageReportNames.contains(lowerName)
            || (lowerName.hasPrefix("cobertura") && lowerName.hasSuffix(".xml")) {
            self = .coverageReport
            return
        }
        if lowerName.hasSuffix("_test.go") {
            self = .test
            return
        }

        let isPython = lowerName.hasSuffix(".py")
        let javaScriptExtension = Self.javaScriptExtensions.first { lowerName.hasSuffix($0) }
        guard isPython || javaScriptExtension != nil else {
            self = .other
            return
        }
        let underTestFolder = folders.contains { Self.testFolderNames.contains($0) }
        if underTestFolder {
            self = .test
            return
        }
        if isPython {
            let stem = String(lowerName.dropLast(3))
            self = stem.hasPrefix("test_") || stem.hasSuffix("_test") ? .test : .pythonSource
            return
        }
        if let javaScriptExtension {
            let stem = lowerName.dropLast(javaScriptExtension.count)
            if stem.hasSuffix(".test") || stem.hasSuffix(".spec") {
                self = .test
                return
            }
        }
        self = .javaScriptSource
    }

    private static let coverageReportNames: Set<String> = [
        "coverage-summary.json", "lcov.info", "coverage.xml", "coverage.json",
    ]
    private static let javaScriptExtensions = [".js", ".ts", ".mjs", ".cjs"]
    private static let testFolderNames: Set<String> = ["tests", "test", "__tests__"]
}
