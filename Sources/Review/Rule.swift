/// One review rule, as loaded from a rule file under `rules/` or `.stackreview/rules/`.
///
/// A rule is its own documentation and its own test: besides the check it carries the messages
/// the report uses, the remediation, the equivalent ids in other scanners, and failing and
/// passing examples that the test suite runs.
public struct Rule: Sendable, Hashable {
    /// A readable slug such as `aws-lambda-tracing`; unique in a rule set.
    public var id: String
    /// What a passing resource looks like, as a short sentence.
    public var title: String
    /// How serious a finding of this rule is (configuration may override it).
    public var severity: Severity
    /// The report section its findings go to.
    public var category: ReportCategory
    /// The resource types (or handler kinds) it applies to.
    public var appliesTo: [String]
    /// The finding's message; `{address}` and other placeholders are filled in per finding.
    public var message: String
    /// The sentence used when a finding is resolved, e.g. "Enabled X-Ray tracing on `{address}`".
    public var improvement: String
    /// How to fix a finding.
    public var remediation: String
    /// Equivalent checks in other tools and links to documentation.
    public var references: RuleReferences
    /// A fix that can be proposed as a review suggestion, when one is mechanical.
    public var fix: SuggestedFix?
    /// Failing and passing examples, run as tests.
    public var examples: RuleExamples
    /// What the rule checks.
    public var check: RuleCheck
    /// The file the rule was loaded from, as given to the loader.
    public var file: String

    /// Creates a rule.
    public init(
        id: String, title: String, severity: Severity, category: ReportCategory, appliesTo: [String],
        message: String, improvement: String, remediation: String, references: RuleReferences,
        fix: SuggestedFix?, examples: RuleExamples, check: RuleCheck, file: String
    ) {
        self.id = id
        self.title = title
        self.severity = severity
        self.category = category
        self.appliesTo = appliesTo
        self.message = message
        self.improvement = improvement
        self.remediation = remediation
        self.references = references
        self.fix = fix
        self.examples = examples
        self.check = check
        self.file = file
    }
}

/// What a rule checks: declarative conditions, or the name of a check written in Swift.
public enum RuleCheck: Sendable, Hashable {
    /// Conditions evaluated on the resource's attributes and connections.
    case declarative(Condition)
    /// A check written in Swift, named by its identifier (for IAM analysis, handler data flow,
    /// cross-resource rules).
    case coded(String)
}

/// Equivalent checks in other scanners and documentation links.
public struct RuleReferences: Sendable, Hashable {
    /// checkov ids such as `CKV_AWS_50`.
    public var checkov: [String]
    /// trivy / tfsec ids such as `AVD-AWS-0066` or `aws-lambda-enable-tracing`.
    public var trivy: [String]
    /// tflint rule names.
    public var tflint: [String]
    /// bandit ids such as `B602`.
    public var bandit: [String]
    /// Documentation URLs.
    public var links: [String]

    /// Creates references; every list defaults to empty.
    public init(checkov: [String] = [], trivy: [String] = [], tflint: [String] = [], bandit: [String] = [], links: [String] = []) {
        self.checkov = checkov
        self.trivy = trivy
        self.tflint = tflint
        self.bandit = bandit
        self.links = links
    }
}

/// A mechanical fix a review comment can propose.
public struct SuggestedFix: Sendable, Hashable {
    /// Where the text goes.
    public enum Placement: String, Sendable, Hashable, CaseIterable {
        /// Appended inside the flagged block, before its closing brace.
        case addToBlock = "add-to-block"
        /// Replaces the flagged attribute's expression.
        case replaceValue = "replace-value"
    }

    /// Where the text goes.
    public var placement: Placement
    /// The text to insert, in the file's syntax.
    public var text: String

    /// Creates a fix.
    public init(placement: Placement, text: String) {
        self.placement = placement
        self.text = text
    }
}

/// A rule's examples. In a failing example, `⚑` marks where the finding must start.
public struct RuleExamples: Sendable, Hashable {
    /// The marker placed in failing examples: U+2691 BLACK FLAG.
    public static let marker = "⚑"
    /// Examples the rule must flag, each with one or more markers.
    public var failing: [String]
    /// Examples the rule must not flag.
    public var passing: [String]

    /// Creates examples.
    public init(failing: [String], passing: [String]) {
        self.failing = failing
        self.passing = passing
    }
}
