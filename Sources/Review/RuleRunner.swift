import HCL
import Terraform

/// Runs a rule set over the subjects of one loaded module tree and turns failures into
/// findings, with messages filled in and suppression comments applied.
public struct RuleRunner: Sendable {
    /// The rules to run.
    public var ruleSet: RuleSet
    /// The configuration in force.
    public var configuration: Configuration
    /// Today's date (`YYYY-MM-DD`), for suppression expiry; fixed in tests.
    public var today: String

    /// Creates a runner.
    public init(ruleSet: RuleSet, configuration: Configuration = Configuration(), today: String) {
        self.ruleSet = ruleSet
        self.configuration = configuration
        self.today = today
    }

    /// Every finding on the module loaded from `directory` (convenience for tests and tools).
    public func findings(module: Module, directory: String, only filter: ((Subject) -> Bool)? = nil) -> [Finding] {
        findings(in: CheckContext(module: module, directory: directory, configuration: configuration, today: today), only: filter)
    }

    /// Every finding on the subjects of `context` that pass `filter` (all of the module's
    /// subjects stay visible to the checks).
    public func findings(in context: CheckContext, only filter: ((Subject) -> Bool)? = nil) -> [Finding] {
        let evaluator = ConditionEvaluator(connections: context.connections)
        let suppressions = context.suppressions
        let rules = ruleSet.rules
        var findings: [Finding] = []
        // The checks of the rules that apply to each subject type, in rule order, picked once
        // per type (by index: a whole `Rule` is not copied for every subject).
        var checksByType: [String: [PreparedCheck]] = [:]
        for subject in context.subjectList where filter?(subject) ?? true {
            let checks: [PreparedCheck]
            if let known = checksByType[subject.type] {
                checks = known
            } else {
                checks = rules.indices.filter { Self.applies(rules[$0], to: subject) }.map { PreparedCheck(rule: $0, check: rules[$0].check) }
                checksByType[subject.type] = checks
            }
            // The block's kept verdicts of checks that judge only its syntax, looked up once.
            var syntaxVerdicts: BlockSyntaxVerdicts.Entry??
            for check in checks {
                let verdicts: [CodedVerdict]
                if check.judgesSyntax, let coded = check.coded {
                    if syntaxVerdicts == nil { syntaxVerdicts = .some(BlockSyntaxVerdicts.entry(for: subject, in: context)) }
                    if let entry = syntaxVerdicts ?? nil {
                        verdicts = entry.verdicts(of: coded) { coded.evaluate(subject, in: context) }
                    } else {
                        verdicts = coded.evaluate(subject, in: context)
                    }
                } else {
                    verdicts = check.verdicts(on: subject, context: context, evaluator: evaluator)
                }
                for verdict in verdicts {
                    guard case .fail(let location) = verdict.verdict else { continue }
                    var finding = Self.finding(rules[check.rule], subject, location, verdict.arguments)
                    finding.suppression = suppressions.suppression(for: rules[check.rule], finding: finding, subject: subject, today: today)
                    findings.append(finding)
                }
            }
        }
        return findings
    }

    /// A rule's check, ready to run: its declarative condition or its coded check, looked up
    /// once, and the rule's index in the rule set.
    struct PreparedCheck {
        /// The rule's index in `ruleSet.rules`.
        let rule: Int
        /// The condition, for a declarative rule.
        let condition: Condition?
        /// The coded check, for a coded rule (nil: a name no check has, which finds nothing).
        let coded: (any CodedCheck)?
        /// Whether the coded check judges only how a block is written (its verdicts are kept in
        /// `BlockSyntaxVerdicts`).
        let judgesSyntax: Bool

        init(rule: Int, check: RuleCheck) {
            self.rule = rule
            switch check {
            case .declarative(let condition):
                self.condition = condition
                self.coded = nil
                self.judgesSyntax = false
            case .coded(let name):
                self.condition = nil
                self.coded = CodedChecks.named(name)
                self.judgesSyntax = coded is any BlockSyntaxCheck
            }
        }

        /// The verdicts on `subject`, computed afresh.
        func verdicts(on subject: Subject, context: CheckContext, evaluator: ConditionEvaluator) -> [CodedVerdict] {
            if let condition { return [CodedVerdict(evaluator.verdict(condition, on: subject))] }
            return coded?.evaluate(subject, in: context) ?? []
        }
    }

    /// Whether `rule` runs on subjects of `subject`'s type: `*` matches every block, but not
    /// local values (only rules naming `local` judge those).
    static func applies(_ rule: Rule, to subject: Subject) -> Bool {
        rule.appliesTo.contains(subject.type) || (rule.appliesTo.contains("*") && subject.kind != .local)
    }

    static func finding(_ rule: Rule, _ subject: Subject, _ location: FailureLocation, _ extra: [String: String]) -> Finding {
        var arguments = extra
        arguments["address"] = subject.address
        arguments["type"] = subject.type
        arguments["name"] = subject.instance?.name ?? String(subject.address.split(separator: ".").last ?? "")
        arguments["attribute"] = location.attributePath
        if arguments["value"] == nil, let value = location.value {
            arguments["value"] = ValueText.short(value)
        }
        return Finding(
            ruleID: rule.id, title: rule.title, severity: rule.severity, category: rule.category,
            directory: subject.directory, subject: subject.address, attributePath: location.attributePath,
            message: FindingMessage(template: rule.message, arguments: arguments),
            improvement: FindingMessage(template: rule.improvement, arguments: arguments),
            span: subject.span(location.range), fix: fixProposal(rule, subject, location, arguments))
    }

    /// The rule's mechanical fix for this finding: its text (placeholders filled) either
    /// replacing the offending value, or added as new lines before the block's closing brace,
    /// indented one level inside the block. Nil when the rule has none or it cannot apply
    /// (no value to replace; a block written on one line).
    static func fixProposal(_ rule: Rule, _ subject: Subject, _ location: FailureLocation, _ arguments: [String: String]) -> FixProposal? {
        guard let fix = rule.fix else { return nil }
        var text = FindingMessage(template: fix.text, arguments: arguments).plain
        while text.hasSuffix("\n") { text.removeLast() }
        switch fix.placement {
        case .replaceValue:
            guard location.range != subject.headerRange, location.value != nil || !location.attributePath.isEmpty else { return nil }
            return FixProposal(span: subject.span(location.range), replacement: text)
        case .addToBlock:
            let end = subject.range.end
            guard end.line > subject.range.start.line else { return nil }
            let lineStart = SourcePosition(line: end.line, column: 1, byte: end.byte - (end.column - 1))
            let indent = String(repeating: " ", count: subject.range.start.column - 1 + 2)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : indent + $0 }
            return FixProposal(span: subject.span(SourceRange(at: lineStart)), replacement: lines.joined(separator: "\n") + "\n")
        }
    }
}

/// Short renderings of values for messages.
enum ValueText {
    /// A value as a reader would write it, cut to 60 characters.
    static func short(_ value: Value) -> String {
        let text: String
        switch value {
        case .null: text = "null"
        case .bool(let flag): text = flag ? "true" : "false"
        case .number: text = ValueComparison.text(value) ?? "?"
        case .string(let string): text = "\"" + string + "\""
        case .list(let items), .set(let items): text = "[" + items.map(short).joined(separator: ", ") + "]"
        case .object(let members): text = "{" + members.keys.sorted().map { "\($0) = \(short(members[$0] ?? .null))" }.joined(separator: ", ") + "}"
        case .unknown: text = "(known after apply)"
        }
        return text.count > 60 ? String(text.prefix(57)) + "..." : text
    }
}
