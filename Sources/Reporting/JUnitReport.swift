import Review

/// The review as JUnit XML, for CI systems that show test reports.
///
/// One `<testsuite>` per report section that has findings, named after the section. Each
/// introduced or persisting finding is a `<testcase>` (class name: the rule id; name: the
/// subject and attribute) with a `<failure>`; a suppressed one is `<skipped>` with the reason;
/// each resolved finding is a passing `<testcase>`. Files stackreview could not fully analyse
/// form a last suite, "Not analysed", one `<testcase>` with an `<error>` each. Every text is
/// XML-escaped, and characters XML 1.0 cannot hold are written as `\u{…}`.
public struct JUnitReport: ReviewReporter {
    /// Creates the report writer.
    public init() {}

    /// Renders the XML document.
    public func render(_ result: ReviewResult, context: ReportContext) -> String {
        let comparison = result.comparison
        var suites = ""
        var totalTests = 0, totalFailures = 0, totalSkipped = 0
        for category in ReportCategory.allCases {
            let open = (ReportOrder.sorted(comparison.introduced).map { ($0, true) } + ReportOrder.sorted(comparison.persisting).map { ($0, false) })
                .filter { $0.0.category == category }
            let fixed = ReportOrder.sorted(comparison.resolved).filter { $0.category == category }
            guard !open.isEmpty || !fixed.isEmpty else { continue }
            let skipped = open.filter { $0.0.isSuppressed }.count
            let failures = open.count - skipped
            let tests = open.count + fixed.count
            totalTests += tests
            totalFailures += failures
            totalSkipped += skipped
            suites += "  <testsuite name=\"\(Self.escape("\(category.number). \(category.title)"))\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"0\" skipped=\"\(skipped)\">\n"
            for (finding, isNew) in open {
                suites += "    <testcase " + Self.caseAttributes(finding) + ">\n"
                if let suppression = finding.suppression {
                    let reason = suppression.reason.isEmpty ? "suppressed without a reason" : "suppressed: " + suppression.reason
                    suites += "      <skipped message=\"\(Self.escape(reason))\"/>\n"
                } else {
                    let state = isNew ? "introduced" : "persisting"
                    suites += "      <failure message=\"\(Self.escape(finding.message.plain))\" type=\"\(finding.severity.rawValue)\">"
                    var detail = "\(finding.severity.rawValue) (\(state)) at \(finding.span.file):\(finding.span.start.line):\(finding.span.start.column)\n"
                    detail += "rule \(finding.ruleID): \(finding.title)"
                    if let rule = context.rules[finding.ruleID], !rule.remediation.isEmpty { detail += "\nhow to fix: " + rule.remediation }
                    suites += Self.escape(detail) + "</failure>\n"
                }
                suites += "    </testcase>\n"
            }
            for finding in fixed {
                suites += "    <testcase " + Self.caseAttributes(finding) + "/>\n"
            }
            suites += "  </testsuite>\n"
        }
        if !result.problems.isEmpty {
            suites += "  <testsuite name=\"Not analysed\" tests=\"\(result.problems.count)\" failures=\"0\" errors=\"\(result.problems.count)\" skipped=\"0\">\n"
            for problem in result.problems {
                suites += "    <testcase classname=\"\(ReviewProblem.checkName)\" name=\"\(Self.escape(problem.file))\" file=\"\(Self.escape(problem.file))\" line=\"\(problem.line)\">\n"
                suites += "      <error message=\"\(Self.escape(problem.message))\" type=\"not-analysed\"/>\n"
                suites += "    </testcase>\n"
            }
            suites += "  </testsuite>\n"
        }
        let totalErrors = result.problems.count
        var output = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        output += "<testsuites name=\"stackreview \(Self.escape(context.toolVersion))\" tests=\"\(totalTests + totalErrors)\" failures=\"\(totalFailures)\" errors=\"\(totalErrors)\" skipped=\"\(totalSkipped)\">\n"
        return output + suites + "</testsuites>\n"
    }

    static func caseAttributes(_ finding: Finding) -> String {
        let place = finding.directory.isEmpty ? finding.subject : finding.directory + ":" + finding.subject
        let name = finding.attributePath.isEmpty ? place : place + "#" + finding.attributePath
        return "classname=\"\(escape(finding.ruleID))\" name=\"\(escape(name))\" file=\"\(escape(finding.span.file))\" line=\"\(finding.span.start.line)\""
    }

    /// `text` escaped for XML text and attribute values (double-quoted).
    static func escape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\n": result += "&#10;"
            case "\t": result += "&#9;"
            case "\r": result += "&#13;"
            default:
                let value = scalar.value
                if value < 0x20 || value == 0xFFFE || value == 0xFFFF {
                    result += "\\u{" + String(value, radix: 16, uppercase: true) + "}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }
}
