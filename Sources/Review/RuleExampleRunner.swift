import Metrics
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
            let (files, markers) = Self.prepare(example, firstFile: Self.firstFile(of: rule))
            let found = positions(rule, files, configuration)
            if found != markers {
                failures.append(Failure(ruleID: rule.id, file: rule.file, example: "fail #\(index + 1)", expected: markers, found: found))
            }
        }
        for (index, example) in rule.examples.passing.enumerated() {
            let (files, _) = Self.prepare(example, firstFile: Self.firstFile(of: rule))
            let found = positions(rule, files, configuration)
            if !found.isEmpty {
                failures.append(Failure(ruleID: rule.id, file: rule.file, example: "pass #\(index + 1)", expected: [], found: found))
            }
        }
        return failures
    }

    private func positions(_ rule: Rule, _ files: [String: String], _ configuration: Configuration) -> [String] {
        let source = InMemoryFileSource(files.filter { !$0.key.hasPrefix("base:") })
        let module = ModuleLoader(source: source, cache: ParsedFileCache()).loadModule(at: "")
        let runner = RuleRunner(ruleSet: RuleSet(rules: [rule]), configuration: configuration, today: today)
        var findings = runner.findings(module: module, directory: "").filter { !$0.isSuppressed }
        if rule.appliesTo.contains(HandlerSubject.type) {
            findings += handlerFindings(runner, files: files, module: module).filter { !$0.isSuppressed }
        }
        if rule.appliesTo.contains(TestSuiteSubject.type) {
            findings += runner.testSuiteFindings(Self.testSuiteFacts(files, configuration: configuration))
        }
        return findings.map { "\($0.span.file):\($0.span.start.line):\($0.span.start.column)" }.sorted()
    }

    /// The facts of a test-suite example: files under `base:` (from `# base file: NAME` lines)
    /// are the revision before; every other file is the head, and counts as changed when the
    /// base has no file with the same text.
    static func testSuiteFacts(_ files: [String: String], configuration: Configuration) -> TestSuiteFacts {
        let calculator = MetricsCalculator(), analyzer = TestFileAnalyzer()
        let head = files.filter { !$0.key.hasPrefix("base:") }
        let base = Dictionary(uniqueKeysWithValues: files.filter { $0.key.hasPrefix("base:") }.map { (String($0.key.dropFirst(5)), $0.value) })
        let changed = head.keys.sorted().filter { base[$0] != head[$0] }
        let current = calculator.metrics(of: head.keys.sorted().map { RevisionFile(path: $0, text: head[$0] ?? "") })
        let previous = base.isEmpty ? nil : calculator.metrics(of: base.keys.sorted().map { RevisionFile(path: $0, text: base[$0] ?? "") })
        return TestSuiteFacts(
            current: current, previous: previous,
            changedSources: changed.filter { analyzer.language(ofPath: $0) == nil && ($0.hasSuffix(".tf") || $0.hasSuffix(".py")) },
            changedTests: changed.filter { analyzer.language(ofPath: $0) != nil }, coverageTarget: configuration.coverageTarget)
    }

    /// The file an example starts in: `handler.py` for handler rules, else `main.tf`.
    static func firstFile(of rule: Rule) -> String {
        rule.appliesTo.contains(HandlerSubject.type) ? "handler.py" : "main.tf"
    }

    /// The findings of a handler rule on every `.py` file of an example: the entry points are
    /// those the example's Terraform names, else every `(event, context)` function.
    private func handlerFindings(_ runner: RuleRunner, files: [String: String], module: Module) -> [Finding] {
        let context = CheckContext(module: module, directory: "", configuration: runner.configuration, today: today)
        let named = LambdaHandlerReference.entryPoints(in: [context])
        return files.keys.sorted().filter { $0.hasSuffix(".py") }.flatMap { path in
            var file = HandlerFile(path: path, bytes: Array((files[path] ?? "").utf8), entryPoints: named[path] ?? [])
            if named[path] == nil { file.entryPoints = file.conventionalEntryPoints }
            return runner.handlerFindings(in: file)
        }
    }

    /// Splits an example into files (`# file: name.tf` lines start a new file; the first file
    /// is `firstFile`) and removes the markers, returning where they were as `file:line:column`
    /// (columns in UTF-8 bytes).
    static func prepare(_ example: String, firstFile: String = "main.tf") -> (files: [String: String], markers: [String]) {
        var files: [String: String] = [:]
        var markers: [String] = []
        var current = firstFile
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
            if line.hasPrefix("# base file: ") {
                flush()
                current = "base:" + String(line.dropFirst("# base file: ".count)).trimmedOfSpaces
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
        if let main = files[firstFile], main.allSatisfy({ $0 == "\n" }), files.count > 1 { files[firstFile] = nil }
        return (files, markers.sorted())
    }
}
