/// What a framework scanner found in one file, before the path decides unit or integration.
struct ScannedTests: Sendable, Hashable {
    /// One test case that runs (skipped cases are only counted in `skipped`).
    struct Case: Sendable, Hashable {
        var name: String
        var line: Int
        var assertions: Int
    }

    var framework: String
    var cases: [Case]
    var skipped: Int
    /// Assertion sites anywhere in the file's code (helpers and hooks included).
    var assertions: Int
}
