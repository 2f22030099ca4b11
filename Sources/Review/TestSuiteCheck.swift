import Git
import Metrics

/// What the test-suite rules (report section 3, Testing and Quality Assurance) see: the test
/// and coverage figures of one revision, those of the revision before it when there is one, and
/// what the change touched.
public struct TestSuiteFacts: Sendable {
    /// The figures of the revision being judged.
    public var current: TestMetrics
    /// The figures of the revision before it (nil at the base side, or for a first commit).
    public var previous: TestMetrics?
    /// Terraform and handler files the change added or modified (head paths); empty at the base side.
    public var changedSources: [String]
    /// Test files the change added or modified (head paths); empty at the base side.
    public var changedTests: [String]
    /// The coverage target in percent.
    public var coverageTarget: Double
}

/// One failure of a test-suite check: the file and line it points at, and what it is about.
public struct TestSuiteVerdict: Sendable, Hashable {
    /// The repository path the finding points at.
    public var file: String
    /// The 1-based line.
    public var line: Int
    /// The subject: `tests`, `coverage`, or a test file's path.
    public var subject: String
    /// The attribute path (part of the identity), often empty.
    public var attribute: String
    /// Message arguments.
    public var arguments: [String: String]
}

/// A check of the whole test suite (rules with `applies_to: [test_suite]`); registered in
/// `CodedChecks.all` like the others. Its `evaluate(_:in:)` for Terraform subjects finds nothing.
public protocol TestSuiteCheck: CodedCheck {
    /// The failures for `facts`.
    func evaluate(_ facts: TestSuiteFacts) -> [TestSuiteVerdict]
}

extension TestSuiteCheck {
    /// Test-suite checks have nothing to say about a single Terraform subject.
    public func evaluate(_ subject: Subject, in context: CheckContext) -> [CodedVerdict] { [] }
}

/// The subject type test-suite rules name in `applies_to`.
public enum TestSuiteSubject {
    /// `test_suite`.
    public static let type = "test_suite"
}

extension RuleRunner {
    /// The findings of the test-suite rules for `facts`.
    public func testSuiteFindings(_ facts: TestSuiteFacts) -> [Finding] {
        var findings: [Finding] = []
        for rule in ruleSet.rules where rule.appliesTo.contains(TestSuiteSubject.type) {
            guard case .coded(let name) = rule.check, let check = CodedChecks.named(name) as? any TestSuiteCheck else { continue }
            for verdict in check.evaluate(facts) {
                var arguments = verdict.arguments
                arguments["subject"] = verdict.subject
                arguments["target"] = Self.percent(facts.coverageTarget)
                let position = SourceSpan.Position(line: verdict.line, column: 1, offset: 0)
                findings.append(Finding(
                    ruleID: rule.id, title: rule.title, severity: rule.severity, category: rule.category, directory: "",
                    subject: verdict.subject, attributePath: verdict.attribute,
                    message: FindingMessage(template: rule.message, arguments: arguments),
                    improvement: FindingMessage(template: rule.improvement, arguments: arguments),
                    span: SourceSpan(file: verdict.file, start: position, end: position)))
            }
        }
        return findings
    }

    /// `85.91%`, `70%`.
    static func percent(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return (rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)) + "%"
    }
}
