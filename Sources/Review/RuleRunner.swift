import HCL
import Terraform

/// Runs a rule set over the subjects of one loaded module tree and turns failures into
/// findings, with messages filled in and suppression comments applied.
public struct RuleRunner: Sendable {
    /// The rules to run.
    public var ruleSet: RuleSet {
        didSet { prepared = ruleSet.rules.map(PreparedCheck.init) }
    }
    /// The configuration in force.
    public var configuration: Configuration
    /// Today's date (`YYYY-MM-DD`), for suppression expiry; fixed in tests.
    public var today: String

    /// Every rule of `ruleSet` with its check looked up, in rule order: prepared once, not
    /// once per module tree.
    private var prepared: [PreparedCheck]

    /// Creates a runner.
    public init(ruleSet: RuleSet, configuration: Configuration = Configuration(), today: String) {
        self.ruleSet = ruleSet
        self.prepared = ruleSet.rules.map(PreparedCheck.init)
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
        var findings: [Finding] = []
        /// Adds the finding of `rule` failing on `subject` at `location`, with its suppression.
        func report(_ check: PreparedCheck, _ rule: Rule, _ subject: Subject, _ location: FailureLocation, _ arguments: [String: String]) {
            var finding = Self.finding(rule, subject, location, arguments, placeholders: check.placeholders)
            finding.suppression = suppressions.suppression(for: rule, finding: finding, subject: subject, today: today)
            findings.append(finding)
        }
        // The indices of the rules that apply to each subject type, in rule order, picked once
        // per type (a whole `Rule` is not copied for every subject).
        var rulesByType: [String: [Int]] = [:]
        // The subjects of one file follow each other: its number is looked up once.
        var lastFile: (path: String, number: Int?)?
        for subject in context.subjectList where filter?(subject) ?? true {
            let applicable: [Int]
            if let known = rulesByType[subject.type] {
                applicable = known
            } else {
                applicable = prepared.indices.filter { prepared[$0].applies(to: subject) }
                rulesByType[subject.type] = applicable
            }
            // The block's kept verdicts of checks that judge only its syntax (by slot):
            // looked up once, and the ones computed here kept once, after every rule has run.
            // The block's syntax is built once for the checks whose verdicts are not kept yet.
            var syntaxKey: BlockSyntaxVerdicts.Key??
            var keptSyntaxVerdicts: BlockSyntaxVerdicts.Kept?
            var newSyntaxVerdicts: BlockSyntaxVerdicts.Kept?
            var syntax: BlockSyntax??
            for index in applicable {
                let check = prepared[index]
                let verdicts: [CodedVerdict]
                if let condition = check.condition {
                    // One verdict, without arguments: a finding when it fails (no list of one).
                    guard case .fail(let location) = evaluator.verdict(condition, on: subject) else { continue }
                    report(check, check.rule, subject, location, [:])
                    continue
                } else if let slot = check.syntaxSlot {
                    if syntaxKey == nil {
                        if lastFile?.path != subject.file { lastFile = (subject.file, context.suppressions.fileNumber(of: subject.file)) }
                        let key = lastFile?.number.map { BlockSyntaxVerdicts.key(for: subject, fileNumber: $0, in: context) }
                        syntaxKey = .some(key)
                        if let key { keptSyntaxVerdicts = BlockSyntaxVerdicts.verdicts(at: key) }
                    }
                    if let known = keptSyntaxVerdicts?[slot] ?? nil {
                        verdicts = known
                    } else {
                        if syntax == nil { syntax = .some(BlockSyntax(of: subject, in: context)) }
                        verdicts = check.syntaxVerdicts(on: syntax ?? nil, of: subject, in: context)
                        if newSyntaxVerdicts == nil { newSyntaxVerdicts = BlockSyntaxVerdicts.nothingKept }
                        newSyntaxVerdicts?[slot] = verdicts
                    }
                } else {
                    verdicts = check.evaluate(subject, in: context)
                }
                guard !verdicts.isEmpty else { continue }
                // One copy of the rule for all of the verdicts, not one per use.
                let rule = check.rule
                for verdict in verdicts {
                    guard case .fail(let location) = verdict.verdict else { continue }
                    report(check, rule, subject, location, verdict.arguments)
                }
            }
            if let newSyntaxVerdicts, let key = syntaxKey ?? nil {
                BlockSyntaxVerdicts.keep(newSyntaxVerdicts, at: key)
            }
        }
        return findings
    }

    /// A rule with its check ready to run: its declarative condition or its coded check, looked
    /// up once (a class, so that running it on a subject, or making a finding of it, copies
    /// neither the rule nor an existential: the checks are held by closures, which call them in
    /// place).
    final class PreparedCheck: Sendable {
        /// The rule.
        let rule: Rule
        /// The condition, for a declarative rule.
        let condition: Condition?
        /// Runs the coded check, for a coded rule (nil: a name no check has, which finds nothing).
        private let coded: (@Sendable (Subject, CheckContext) -> [CodedVerdict])?
        /// Runs the coded check on a block's syntax, when it judges only how a block is written
        /// (its verdicts are kept in `BlockSyntaxVerdicts`).
        private let syntaxCheck: (@Sendable (BlockSyntax, Subject, CheckContext) -> [CodedVerdict])?
        /// The slot of the syntax check, what its kept verdicts are filed by.
        let syntaxSlot: Int?
        /// The placeholders of the rule's message, improvement and fix: the arguments its
        /// findings keep.
        let placeholders: [String]
        /// The rule's `applies_to` types, and whether they include `*`.
        private let types: Set<String>
        private let appliesToEveryBlock: Bool

        init(rule: Rule) {
            self.rule = rule
            self.types = Set(rule.appliesTo)
            self.appliesToEveryBlock = rule.appliesTo.contains("*")
            self.placeholders = FindingMessage.placeholders(in: [rule.message, rule.improvement, rule.fix?.text ?? ""])
            switch rule.check {
            case .declarative(let condition):
                self.condition = condition
                self.coded = nil
                self.syntaxCheck = nil
                self.syntaxSlot = nil
            case .coded(let name):
                let entry = CodedChecks.entry(named: name)
                self.condition = nil
                if let check = entry?.check {
                    self.coded = { subject, context in check.evaluate(subject, in: context) }
                } else {
                    self.coded = nil
                }
                if let check = entry?.syntaxCheck {
                    self.syntaxCheck = { syntax, subject, context in check.verdicts(on: syntax, of: subject, in: context) }
                } else {
                    self.syntaxCheck = nil
                }
                self.syntaxSlot = entry?.syntaxSlot
            }
        }

        /// Whether the rule runs on subjects of `subject`'s type: `*` matches every block, but
        /// not local values (only rules naming `local` judge those).
        func applies(to subject: Subject) -> Bool {
            types.contains(subject.type) || (appliesToEveryBlock && subject.kind != .local)
        }

        /// The coded check's verdicts on `subject` (none for a declarative rule).
        func evaluate(_ subject: Subject, in context: CheckContext) -> [CodedVerdict] {
            coded?(subject, context) ?? []
        }

        /// The block-syntax check's verdicts on `subject`, whose block is written as `syntax`
        /// (none when its file is not loaded).
        func syntaxVerdicts(on syntax: BlockSyntax?, of subject: Subject, in context: CheckContext) -> [CodedVerdict] {
            guard let syntax, let syntaxCheck else { return [] }
            return syntaxCheck(syntax, subject, context)
        }
    }

    /// The finding of `rule` failing on `subject` at `location`. Its messages' arguments are the
    /// check's `extra` ones and the subject's `address`, `type`, `name`, `attribute` and `value`
    /// (the failing value; the check's own `value` comes first), each kept only when one of the
    /// rule's texts names it (`placeholders`): a whole repository's review holds hundreds of
    /// thousands of findings, most of whose templates name one or two.
    static func finding(_ rule: Rule, _ subject: Subject, _ location: FailureLocation, _ extra: [String: String], placeholders: [String]) -> Finding {
        var arguments: [String: String] = [:]
        arguments.reserveCapacity(placeholders.count)
        for name in placeholders {
            let value: String?
            switch name {
            case "address": value = subject.address
            case "type": value = subject.type
            case "name": value = subject.instance?.name ?? Self.lastComponent(of: subject.address)
            case "attribute": value = location.attributePath
            case "value": value = extra["value"] ?? location.value.map(ValueText.short)
            default: value = extra[name]
            }
            if let value { arguments[name] = value }
        }
        return Finding(
            ruleID: rule.id, title: rule.title, severity: rule.severity, category: rule.category,
            directory: subject.directory, subject: subject.address, attributePath: location.attributePath,
            message: FindingMessage(template: rule.message, arguments: arguments),
            improvement: FindingMessage(template: rule.improvement, arguments: arguments),
            span: subject.span(location.range), fix: fixProposal(rule, subject, location, arguments))
    }

    /// The text after the last dot of `address` (the last non-empty one, as splitting at dots
    /// gives it), found without splitting the whole address.
    static func lastComponent(of address: String) -> String {
        if let dot = address.utf8.lastIndex(of: UInt8(ascii: ".")), address.utf8.index(after: dot) != address.utf8.endIndex {
            return String(address[address.utf8.index(after: dot)...])
        }
        return String(address.split(separator: ".").last ?? "")
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
