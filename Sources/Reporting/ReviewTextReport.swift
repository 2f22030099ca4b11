import Git
import Review

/// The plain-text review for a terminal or a log: what the change introduced, what is still
/// open, what it fixed, and the problems met, most severe first.
public struct ReviewTextReport: Sendable {
    /// Creates the report writer.
    public init() {}

    /// Renders `result`; `failOn` is the severity that blocks (nil: never).
    public func render(_ result: ReviewResult, failOn: Severity?) -> String {
        let comparison = result.comparison
        let resolved = ChangeSetTextReport.sideText(result.changeSet.base) + ".." + ChangeSetTextReport.sideText(result.changeSet.head)
        var output = "stackreview: \(TerminalText.escape(result.range.description)) = \(resolved)"
        output += " — " + ChangeSetTextReport.count(result.changeSet.files.count, "file") + " changed"
        output += ", " + ChangeSetTextReport.count(result.modules.count, "module") + " loaded"
        output += ", " + ChangeSetTextReport.count(result.touched.count, "subject") + " touched\n"
        output += section("Introduced", comparison.introduced, newLabel: true)
        output += section("Still open", comparison.persisting, newLabel: false)
        if !comparison.resolved.isEmpty {
            output += "\nFixed (\(comparison.resolved.count)):\n"
            for finding in comparison.resolved {
                output += "  ✓ " + TerminalText.escape(finding.improvement.plain) + "  (" + location(finding) + " at base)\n"
            }
        }
        if !comparison.removed.isEmpty {
            output += "\nGone with their subject (\(comparison.removed.count)):\n"
            for finding in comparison.removed {
                output += "  - " + TerminalText.escape(finding.message.plain) + "  [\(finding.ruleID)]\n"
            }
        }
        if !result.problems.isEmpty {
            output += "\nNot analysed (\(result.problems.count)):\n"
            for problem in result.problems {
                let place = problem.line > 0 ? "\(problem.file):\(problem.line)" : problem.file
                output += "  ! " + TerminalText.escape(place) + ": " + TerminalText.escape(problem.message) + "\n"
            }
        }
        let blocking = result.blocking(failOn: failOn)
        output += "\n"
        if blocking.isEmpty {
            output += comparison.introduced.isEmpty && comparison.persisting.isEmpty
                ? "No findings on what this change touched.\n"
                : "Nothing blocking" + (failOn.map { " at or above \($0.rawValue)" } ?? "") + ".\n"
        } else {
            output += "\(ChangeSetTextReport.count(blocking.count, "introduced finding")) at or above \(failOn?.rawValue ?? "") block this change.\n"
        }
        return output
    }

    func section(_ title: String, _ findings: [Finding], newLabel: Bool) -> String {
        guard !findings.isEmpty else { return "" }
        var output = "\n\(title) (\(findings.count)):\n"
        for finding in findings {
            let severity = finding.severity.rawValue.uppercased()
            output += "  " + severity + String(repeating: " ", count: max(1, 9 - severity.count))
            output += location(finding) + "  " + TerminalText.escape(finding.message.plain) + "  [\(finding.ruleID)]"
            if let suppression = finding.suppression {
                output += "  (suppressed at line \(suppression.line)" + (suppression.reason.isEmpty ? ")" : ": " + TerminalText.escape(suppression.reason) + ")")
            }
            output += "\n"
        }
        return output
    }

    func location(_ finding: Finding) -> String {
        TerminalText.escape(finding.span.file) + ":\(finding.span.start.line):\(finding.span.start.column)"
    }
}
