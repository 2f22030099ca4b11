import Review

/// `stackreview rules` and `stackreview explain`: the rules as plain text.
public enum RuleListing {
    /// One line per rule: id, severity, report section, equivalent checkov and trivy ids.
    public static func table(_ rules: [Rule]) -> String {
        let idWidth = rules.map(\.id.count).max() ?? 2
        var output = "id".padding(idWidth) + "  severity  section                          checkov / trivy\n"
        for rule in rules {
            let references = (rule.references.checkov + rule.references.trivy + rule.references.tflint.map { "tflint:" + $0 } + rule.references.bandit)
            output += rule.id.padding(idWidth) + "  " + rule.severity.rawValue.padding(8) + "  "
            output += "\(rule.category.number). \(rule.category.title)".padding(31) + "  "
            output += (references.isEmpty ? "-" : references.joined(separator: ", ")) + "\n"
        }
        output += "\(rules.count) rules. `stackreview explain <id>` shows one rule's documentation and examples.\n"
        return output
    }

    /// The full documentation of one rule.
    public static func explain(_ rule: Rule) -> String {
        var output = "\(rule.id): \(rule.title)\n\n"
        output += "Severity:   \(rule.severity.rawValue)\n"
        output += "Section:    \(rule.category.number). \(rule.category.title)\n"
        output += "Applies to: \(rule.appliesTo.joined(separator: ", "))\n"
        switch rule.check {
        case .declarative: output += "Check:      declarative conditions (see the rule file)\n"
        case .coded(let name): output += "Check:      written in Swift (\(name))\n"
        }
        output += "Defined in: \(rule.file)\n"
        let references = [
            ("checkov", rule.references.checkov), ("trivy", rule.references.trivy), ("tflint", rule.references.tflint),
            ("bandit", rule.references.bandit), ("docs", rule.references.links),
        ].filter { !$0.1.isEmpty }
        if !references.isEmpty {
            output += "\nEquivalent checks and documentation:\n"
            for (tool, ids) in references { output += "  \(tool): \(ids.joined(separator: ", "))\n" }
        }
        output += "\nFinding:     \(rule.message)\nImprovement: \(rule.improvement)\n"
        output += "\nHow to fix:\n  \(rule.remediation)\n"
        if let fix = rule.fix {
            output += "\nSuggested fix (\(fix.placement.rawValue)):\n" + indent(fix.text)
        }
        for (index, example) in rule.examples.failing.enumerated() {
            output += "\nFailing example \(index + 1) (\(RuleExamples.marker) marks where the finding is reported):\n" + indent(example)
        }
        for (index, example) in rule.examples.passing.enumerated() {
            output += "\nPassing example \(index + 1):\n" + indent(example)
        }
        output += "\nSilence one finding with `# stackreview:ignore \(rule.id) <reason>` above its block"
        if let checkov = rule.references.checkov.first { output += " (or `#checkov:skip=\(checkov):<reason>`)" }
        output += ".\n"
        return output
    }

    static func indent(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).dropLast(text.hasSuffix("\n") ? 1 : 0)
            .map { $0.isEmpty ? "" : "    " + $0 }.joined(separator: "\n") + "\n"
    }
}

extension String {
    /// The string padded with spaces to `width` characters (never cut).
    func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
