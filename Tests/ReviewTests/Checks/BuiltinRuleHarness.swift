import Terraform
import Testing
@testable import Review

/// Runs one built-in rule over in-memory Terraform files, for the coded-check tests.
enum BuiltinRuleHarness {
    /// The built-in rule `id`.
    static func rule(_ id: String) -> Rule? {
        BuiltinRules.load().rules.first { $0.id == id }
    }

    /// The findings of rule `id` on `files` (path → text; the module is the top level).
    static func findings(_ id: String, _ files: [String: String], configuration: Configuration = Configuration()) -> [Finding] {
        guard let rule = rule(id) else {
            Issue.record("no built-in rule has the id \(id)")
            return []
        }
        let module = ModuleLoader(source: InMemoryFileSource(files), cache: ParsedFileCache()).loadModule(at: "")
        let runner = RuleRunner(ruleSet: RuleSet(rules: [rule]), configuration: configuration, today: "2000-01-01")
        return runner.findings(module: module, directory: "")
    }

    /// `file:line:column message` for each finding, sorted by position.
    static func summary(_ findings: [Finding]) -> [String] {
        findings
            .sorted { ($0.span.file, $0.span.start.line, $0.span.start.column) < ($1.span.file, $1.span.start.line, $1.span.start.column) }
            .map { "\($0.span.file):\($0.span.start.line):\($0.span.start.column) \($0.message.plain)" }
    }

    /// `summary` of the findings of rule `id` on one `main.tf`.
    static func run(_ id: String, _ text: String, configuration: Configuration = Configuration()) -> [String] {
        summary(findings(id, ["main.tf": text], configuration: configuration))
    }
}
