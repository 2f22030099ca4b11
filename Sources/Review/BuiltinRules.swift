/// The rules that ship with stackreview: the files under `rules/`, embedded in the binary so
/// an installed stackreview needs nothing beside it.
///
/// `BuiltinRules+Files.swift` is generated from `rules/` by the test suite
/// (`STACKREVIEW_UPDATE_GOLDEN=1 swift test --filter BuiltinRulesTests`), and a test fails
/// when it is stale.
public enum BuiltinRules {
    /// Loads every built-in rule; errors would be a bug in a shipped rule file.
    public static func load() -> (rules: [Rule], errors: [RuleLoadError]) {
        RuleSet.load(files: files.map { ($0.path, $0.text) })
    }

    /// The Swift source of `BuiltinRules+Files.swift` for `files`.
    public static func generatedSource(for files: [(path: String, text: String)]) -> String {
        var output = """
            // Generated from rules/ by BuiltinRulesTests; do not edit.
            // Regenerate: STACKREVIEW_UPDATE_GOLDEN=1 swift test --filter BuiltinRulesTests

            extension BuiltinRules {
                /// The rule files under `rules/`, by repository path.
                public static let files: [(path: String, text: String)] = [

            """
        for (path, text) in files {
            let hashes = String(repeating: "#", count: delimiterLength(for: text))
            output += "        (\"\(path)\", \(hashes)\"\"\"\n"
            for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast(text.hasSuffix("\n") ? 1 : 0) {
                output += line.isEmpty ? "\n" : "        " + line + "\n"
            }
            output += text.hasSuffix("\n") ? "\n" : ""
            output += "        \"\"\"\(hashes)),\n"
        }
        output += "    ]\n}\n"
        return output
    }

    /// How many `#` a raw string literal needs so that nothing in `text` ends it early or
    /// reads as an escape (`"##` or `\##` runs).
    static func delimiterLength(for text: String) -> Int {
        var longest = 0
        var run = -1
        for character in text {
            if character == "\"" || character == "\\" {
                run = 0
            } else if character == "#", run >= 0 {
                run += 1
                longest = max(longest, run)
            } else {
                run = -1
            }
        }
        return longest + 1
    }
}
