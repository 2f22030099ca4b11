import Terraform
import Testing
@testable import Review

/// Every placeholder a built-in rule's message or improvement names is filled in on the
/// findings of its failing examples, so no report shows a raw `{value}`.
@Suite struct BuiltinRuleMessagesTests {
    /// The `{name}` placeholders of a template (lowercase letters and underscores).
    static func placeholders(in template: String) -> [String] {
        var found: [String] = []
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            let after = rest.index(after: open)
            guard let close = rest[after...].firstIndex(of: "}") else { break }
            let name = rest[after..<close]
            if !name.isEmpty, name.allSatisfy({ $0 == "_" || ("a"..."z").contains($0) }) { found.append(String(name)) }
            rest = rest[after...]
        }
        return found
    }

    @Test func placeholderScanning() {
        #expect(Self.placeholders(in: "`{address}` uses {value} at `\"${...}\"` {Not} {}") == ["address", "value"])
    }

    @Test func everyPlaceholderIsFilledOnFailingExamples() {
        var unfilled: [String] = []
        for rule in BuiltinRules.load().rules {
            for example in rule.examples.failing {
                let (files, _) = RuleExampleRunner.prepare(example)
                let module = ModuleLoader(source: InMemoryFileSource(files), cache: ParsedFileCache()).loadModule(at: "")
                let runner = RuleRunner(ruleSet: RuleSet(rules: [rule]), configuration: Configuration(), today: "2000-01-01")
                for finding in runner.findings(module: module, directory: "") {
                    for message in [finding.message, finding.improvement] {
                        for name in Self.placeholders(in: message.template) where message.arguments[name] == nil {
                            unfilled.append("\(rule.id): {\(name)}")
                        }
                    }
                }
            }
        }
        #expect(Array(Set(unfilled)).sorted() == [])
    }
}
