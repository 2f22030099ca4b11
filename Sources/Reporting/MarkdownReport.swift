import Git
import Metrics
import Review

/// The failures-analysis report in GitHub-flavoured Markdown, for a pull-request comment or a
/// job summary.
///
/// Layout: a title naming the range; a one-paragraph summary; the six numbered sections in the
/// report's order, each with **Original Issues**, **Improvements Made** and **Open Issues**
/// (introduced first, marked new), empty parts and sections left out; `## Key Metrics`; the
/// test suites the change added; files not analysed. Lists longer than ten items are folded in
/// `<details>` blocks. Everything from the repository goes through `MarkdownText`. When the
/// document exceeds `context.markdownLimit`, lists are shortened (most severe items kept) and
/// a note says how many items were left out and where the full report is.
public struct MarkdownReport: ReviewReporter {
    /// Lists longer than this are folded in a `<details>` block.
    public static let foldThreshold = 10

    /// Creates the report writer.
    public init() {}

    /// Renders `result` as one Markdown document no longer than `context.markdownLimit` UTF-8 bytes.
    public func render(_ result: ReviewResult, context: ReportContext) -> String {
        // Every finding of the sections is one list item of at least three bytes (`- ` and a
        // line break) in the full document: when those alone pass the limit, the full
        // document is not written only to be found too long.
        let comparison = result.comparison
        let listed = result.baseFindings.count + comparison.resolved.count + comparison.introduced.count
            + comparison.persisting.count + comparison.removed.count
        if listed * 3 <= context.markdownLimit {
            var full = Document(result: result, context: context, itemCap: nil)
            let text = full.render()
            if text.utf8.count <= context.markdownLimit { return text }
        }
        for cap in [50, 20, 10, 5, 2, 1, 0] {
            var shortened = Document(result: result, context: context, itemCap: cap)
            let text = shortened.render()
            if text.utf8.count <= context.markdownLimit { return text }
        }
        var smallest = Document(result: result, context: context, itemCap: 0)
        return Self.cut(smallest.render(), limit: context.markdownLimit)
    }

    /// The last resort: the document cut at a line boundary, with a closing note.
    static func cut(_ text: String, limit: Int) -> String {
        let note = "\n\n> **Report cut here:** it does not fit in one comment. The full report is in the job summary and the build artifact.\n"
        var kept = ""
        var size = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let lineSize = line.utf8.count + 1
            if size + lineSize + note.utf8.count > limit { break }
            kept += line + "\n"
            size += lineSize
        }
        return kept + note
    }

    /// One rendering of the report, with at most `itemCap` items per list (nil: all).
    struct Document {
        let result: ReviewResult
        let context: ReportContext
        let itemCap: Int?
        /// Items not listed because of `itemCap`.
        var leftOut = 0

        init(result: ReviewResult, context: ReportContext, itemCap: Int?) {
            self.result = result
            self.context = context
            self.itemCap = itemCap
        }

        mutating func render() -> String {
            var body = ""
            for category in ReportCategory.allCases { body += section(category) }
            body += keyMetrics()
            body += addedTestSuites()
            body += notAnalysed()
            var output = "## stackreview: review of " + MarkdownText.codeSpan(result.range.description) + "\n\n"
            output += summary() + "\n\n"
            if leftOut > 0 {
                output += "> **Shortened to fit one comment:** " + ReportOrder.count(leftOut, "list item") + " not shown"
                output += " (each list keeps its most severe items first). The full report is in the job summary and the build artifact.\n\n"
            }
            return output + body
        }

        // MARK: Summary

        func summary() -> String {
            let comparison = result.comparison
            let files = result.changeSet.files
            var text = "This change edits " + ReportOrder.count(files.count, "file")
            let kinds = ChangeSetTextReport.summary(files)
            if !files.isEmpty { text += " (" + String(kinds.dropLast()) + ")" }
            text += " and touches " + ReportOrder.count(result.touched.count, "subject")
            text += " in " + ReportOrder.count(result.modules.count, "module") + ". "
            text += "It fixes " + ReportOrder.count(comparison.resolved.count, "finding")
            text += ", introduces " + String(comparison.introduced.count)
            text += " and leaves " + String(comparison.persisting.count) + " open"
            if !comparison.removed.isEmpty {
                text += "; " + String(comparison.removed.count) + " went away with the subjects it deleted"
            }
            text += ". "
            let blocking = result.blocking(failOn: context.failOn)
            if let threshold = context.failOn {
                text += blocking.isEmpty
                    ? "**It does not block:** nothing it introduces is at or above \(threshold.rawValue)."
                    : "**It blocks:** " + ReportOrder.count(blocking.count, "introduced finding") + " at or above \(threshold.rawValue)."
            } else {
                text += "**It does not block:** the review is configured never to fail."
            }
            if !result.problems.isEmpty {
                text += " " + ReportOrder.count(Set(result.problems.map(\.file)).count, "file") + " could not be fully analysed (see the end)."
            }
            return text
        }

        // MARK: Sections

        mutating func section(_ category: ReportCategory) -> String {
            let comparison = result.comparison
            let original = ReportOrder.sorted(result.baseFindings.filter { $0.category == category })
            let improved = comparison.resolved.filter { $0.category == category }
            let introduced = comparison.introduced.filter { $0.category == category }
            let persisting = comparison.persisting.filter { $0.category == category }
            let removed = comparison.removed.filter { $0.category == category }
            guard !(original.isEmpty && improved.isEmpty && introduced.isEmpty && persisting.isEmpty) else { return "" }
            var output = "### \(category.number). \(category.title)\n\n"
            // Items are written only for what is shown (a whole repository's review has hundreds
            // of thousands of findings, and `itemCap` shows a few).
            let document = self
            output += part("Original Issues", count: original.count, summary: Self.severityCounts(original)) {
                document.issueItem(original[$0], isNew: false, atBase: true)
            }
            output += part("Improvements Made", count: improved.count, summary: nil) { document.improvementItem(improved[$0]) }
            let openSummary = Self.severityCounts(introduced + persisting) + (introduced.isEmpty ? "" : ", \(introduced.count) new")
            output += part("Open Issues", count: introduced.count + persisting.count, summary: openSummary) { index in
                index < introduced.count
                    ? document.issueItem(introduced[index], isNew: true, atBase: false)
                    : document.issueItem(persisting[index - introduced.count], isNew: false, atBase: false)
            }
            output += part("Gone With Their Subject", count: removed.count, summary: nil) { document.removedItem(removed[$0]) }
            return output
        }

        /// A bold label and its list; folded when long; shortened to `itemCap`.
        mutating func part(_ label: String, _ items: [String], summary: String?) -> String {
            part(label, count: items.count, summary: summary) { items[$0] }
        }

        /// A bold label and its list of `count` items, the item at each index written by `item`
        /// (only for the items shown); folded when long; shortened to `itemCap`.
        mutating func part(_ label: String, count: Int, summary: String?, item: (Int) -> String) -> String {
            guard count > 0 else { return "" }
            var shown = count
            var note = ""
            if let itemCap, count > itemCap {
                shown = itemCap
                leftOut += count - itemCap
                note = "- … and \(count - itemCap) more, not shown here\n"
            }
            let list = (0..<shown).map { "- " + item($0) + "\n" }.joined() + note
            var output = "**\(label):**\n\n"
            if count > MarkdownReport.foldThreshold {
                let counts = summary.map { " (" + $0 + ")" } ?? ""
                output += "<details><summary>\(count) items\(counts)</summary>\n\n" + list + "\n</details>\n\n"
            } else {
                output += list + "\n"
            }
            return output
        }

        func issueItem(_ finding: Finding, isNew: Bool, atBase: Bool) -> String {
            var item = MarkdownReport.badge(finding.severity)
            if isNew { item += " · **new**" }
            item += " · " + MarkdownReport.messageNamingSubject(finding.message, subject: finding.subject)
            item += " — " + location(finding, atBase: atBase) + " · " + MarkdownText.codeSpan(finding.ruleID)
            if let suppression = finding.suppression {
                item += " · *suppressed*" + (suppression.reason.isEmpty ? " (no reason given)" : ": " + MarkdownText.escape(suppression.reason))
            }
            return item
        }

        func improvementItem(_ finding: Finding) -> String {
            "✅ " + MarkdownReport.messageNamingSubject(finding.improvement, subject: finding.subject)
                + " (was " + finding.severity.rawValue + ", " + location(finding, atBase: true) + " at base)"
        }

        func removedItem(_ finding: Finding) -> String {
            MarkdownReport.messageNamingSubject(finding.message, subject: finding.subject) + " · " + MarkdownText.codeSpan(finding.ruleID)
        }

        func location(_ finding: Finding, atBase: Bool) -> String {
            let commit = atBase ? result.changeSet.baseCommit : result.changeSet.headCommit
            return MarkdownReport.link(file: finding.span.file, line: finding.span.start.line, commit: commit, linkBase: context.linkBase)
        }

        static func severityCounts(_ findings: [Finding]) -> String {
            Severity.allCases.reversed().compactMap { severity -> String? in
                let count = findings.filter { $0.severity == severity }.count
                return count == 0 ? nil : "\(count) \(severity.rawValue)"
            }.joined(separator: ", ")
        }

        // MARK: Metrics and the rest

        mutating func keyMetrics() -> String {
            var output = "## Key Metrics\n\n"
            let base = result.baseFindings.filter { !$0.isSuppressed }
            let head = result.headFindings.filter { !$0.isSuppressed }
            output += "| Severity | Base | Head |\n|---|---:|---:|\n"
            for severity in Severity.allCases.reversed() {
                let before = base.filter { $0.severity == severity }.count
                let after = head.filter { $0.severity == severity }.count
                output += "| \(MarkdownReport.badge(severity)) | \(before) | \(after) |\n"
            }
            output += "\n"
            let suppressed = result.headFindings.filter(\.isSuppressed).count
            if suppressed > 0 { output += "Suppressed at head and not counted above: \(suppressed).\n\n" }
            let notAnalysed = result.problems.isEmpty ? "" : "- **Files Not Analysed:** "
                + ReportOrder.count(Set(result.problems.map(\.file)).count, "file") + ", "
                + ReportOrder.count(result.problems.count, "problem") + " (listed under Not Analysed)\n"
            if let metrics = result.metrics {
                let head = metrics.head
                let base = metrics.base
                output += "- **Unit Tests:** " + Self.change(base?.unitTests, head.unitTests) + "\n"
                output += "- **Integration Tests:** " + Self.change(base?.integrationTests, head.integrationTests) + "\n"
                output += "- **Total Test Assertions:** " + Self.change(base?.assertions, head.assertions) + "\n"
                let target = "(target: ≥" + Self.percent(metrics.coverageTarget) + ")"
                if let coverage = head.coverage {
                    let before = base?.coverage.map { Self.percent($0) + " → " } ?? ""
                    let verdict = coverage >= metrics.coverageTarget ? "" : " — **below target**"
                    output += "- **Test Coverage:** " + before + Self.percent(coverage) + " " + target + verdict + "\n"
                } else {
                    output += "- **Test Coverage:** no coverage report committed " + target + "\n"
                }
                if !head.frameworks.isEmpty {
                    output += "- **Frameworks:** " + head.frameworks.map(MarkdownText.escape).joined(separator: ", ") + "\n"
                }
                output += notAnalysed + "\n"
            } else if !notAnalysed.isEmpty {
                output += notAnalysed + "\n"
            }
            return output
        }

        static func change(_ before: Int?, _ after: Int) -> String {
            guard let before, before != after else { return "\(after)" }
            return "\(before) → \(after)"
        }

        /// `85.91%`, `70%`: two decimals at most, trailing zeros dropped.
        static func percent(_ value: Double) -> String {
            let hundredths = Int((value * 100).rounded())
            let whole = hundredths / 100, fraction = hundredths % 100
            if fraction == 0 { return "\(whole)%" }
            if fraction % 10 == 0 { return "\(whole).\(fraction / 10)%" }
            return "\(whole)." + String(fraction).leftPadded(to: 2) + "%"
        }

        mutating func addedTestSuites() -> String {
            guard let metrics = result.metrics, !metrics.addedTestFiles.isEmpty else { return "" }
            let files = Dictionary(metrics.head.files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
            let items = metrics.addedTestFiles.map { path -> String in
                var item = MarkdownText.codeSpan(path)
                if let file = files[path] {
                    item += " — " + MarkdownText.escape(file.framework) + ", \(file.kind.rawValue): "
                    item += ReportOrder.count(file.tests, "test") + ", " + ReportOrder.count(file.assertions, "assertion")
                    if !file.testsWithoutAssertions.isEmpty {
                        item += " (" + ReportOrder.count(file.testsWithoutAssertions.count, "test") + " without assertions)"
                    }
                }
                return item
            }
            return "## Test Suites Added\n\n" + part("Files", items, summary: nil)
        }

        mutating func notAnalysed() -> String {
            guard !result.problems.isEmpty else { return "" }
            let items = result.problems.sorted().map { problem -> String in
                let place = problem.line > 0 ? "\(problem.file):\(problem.line)" : problem.file
                return MarkdownText.codeSpan(place) + ": " + MarkdownText.escape(problem.message)
            }
            return "## Not Analysed\n\n" + part("Files stackreview could not fully analyse", items, summary: nil)
        }
    }

    // MARK: Shared pieces (also used by the review-comment formats)

    /// The severity at a glance: a colored mark and the word.
    public static func badge(_ severity: Severity) -> String {
        switch severity {
        case .critical: return "🔴 **critical**"
        case .high: return "🔴 **high**"
        case .medium: return "🟠 **medium**"
        case .low: return "🟡 **low**"
        case .info: return "⚪ **info**"
        }
    }

    /// The message as Markdown, preceded by the subject in a code span when the message does not name it.
    static func messageNamingSubject(_ message: FindingMessage, subject: String) -> String {
        let text = MarkdownText.message(message)
        return message.plain.contains(subject) ? text : MarkdownText.codeSpan(subject) + ": " + text
    }

    /// `[path:line](LINKBASE/blob/<sha>/path#Lline)` with a link base and a commit; `` `path:line` `` otherwise.
    static func link(file: String, line: Int, commit: ObjectID?, linkBase: String?) -> String {
        let place = line > 0 ? "\(file):\(line)" : file
        guard let linkBase, let commit else { return MarkdownText.codeSpan(place) }
        let anchor = line > 0 ? "#L\(line)" : ""
        let url = MarkdownText.urlBase(linkBase) + "/blob/" + commit.hex + "/" + MarkdownText.urlPath(file) + anchor
        return "[" + MarkdownText.escape(place) + "](" + url + ")"
    }
}
