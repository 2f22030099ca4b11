import Terraform

/// Runs a rule's own examples: each failing example must produce findings exactly at its
/// `⚑` markers, each passing example none. This is how every rule is tested, built-in or not
/// (`stackreview rules test DIR`).
public struct RuleExampleRunner: Sendable {
    /// One example that did not behave as written.
    public struct Failure: Sendable, Hashable, CustomStringConvertible {
        /// The rule.
        public var ruleID: String
        /// The rule file.
        public var file: String
        /// `fail` or `pass`, and the example's 1-based index.
        public var example: String
        /// Marker positions (`line:column` in the example, markers removed), expected.
        public var expected: [String]
        /// Finding positions, found.
        public var found: [String]

        /// `file: rule-id example fail #1: expected findings at [2:3], found [1:1]`.
        public var description: String {
            "\(file): \(ruleID) example \(example): expected findings at [\(expected.joined(separator: ", "))], found [\(found.joined(separator: ", "))]"
        }
    }

    /// The date suppressions are judged against.
    public var today: String

    /// Creates a runner.
    public init(today: String = "2000-01-01") {
        self.today = today
    }

    /// The examples of `rule` that misbehave; empty when all pass.
    public func failures(of rule: Rule, configuration: Configuration = Configuration()) -> [Failure] {
        var failures: [Failure] = []
        for (index, example) in rule.examples.failing.enumerated() {
            let (files, markers) = Self.prepare(example)
            let found = positions(rule, files, configuration)
            if found != markers {
                failures.append(Failure(ruleID: rule.id, file: rule.file, example: "fail #\(index + 1)", expected: markers, found: found))
            }
        }
        for (index, example) in rule.examples.passing.enumerated() {
            let (files, _) = Self.prepare(example)
            let found = positions(rule, files, configuration)
            if !found.isEmpty {
                failures.append(Failure(ruleID: rule.id, file: rule.file, example: "pass #\(index + 1)", expected: [], found: found))
            }
        }
        return failures
    }

    private func positions(_ rule: Rule, _ files: [String: String], _ configuration: Configuration) -> [String] {
        let source = InMemoryFileSource(files)
        let module = ModuleLoader(source: source, cache: ParsedFileCache()).loadModule(at: "")
        let runner = RuleRunner(ruleSet: RuleSet(rules: [rule]), configuration: configuration, today: today)
        let findings = runner.findings(module: module, directory: "").filter { !$0.isSuppressed }
        return findings.map { "\($0.span.file):\($0.span.start.line):\($0.span.start.column)" }.sorted()
    }

    /// Splits an example into files (`# file: name.tf` lines start a new file; the first file
    /// is `main.tf`) and removes the markers, returning where they were as `file:line:column`
    /// (columns in UTF-8 bytes).
    static func prepare(_ example: String) -> (files: [String: String], markers: [String]) {
        var files: [String: String] = [:]
        var markers: [String] = []
        var current = "main.tf"
        var text = ""
        var lineNumber = 0
        func flush() {
            if !text.isEmpty || files[current] == nil { files[current, default: ""] += text }
            text = ""
            lineNumber = 0
        }
        for line in example.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("# file: ") {
                flush()
                current = String(line.dropFirst("# file: ".count)).trimmedOfSpaces
                continue
            }
            lineNumber += 1
            var cleaned = ""
            var column = 1
            for character in line {
                if String(character) == RuleExamples.marker {
                    markers.append("\(current):\(lineNumber):\(column)")
                } else {
                    cleaned.append(character)
                    column += String(character).utf8.count
                }
            }
            text += cleaned + "\n"
        }
        flush()
        if let main = files["main.tf"], main.allSatisfy({ $0 == "\n" }), files.count > 1 { files["main.tf"] = nil }
        return (files, markers.sorted())
    }
}
