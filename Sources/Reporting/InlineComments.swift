import Git
import Review

/// Decides which introduced findings can be posted as inline review comments, and writes their
/// bodies; shared by the GitHub and GitLab review formats.
///
/// A finding is commentable when its start line lies in a range of lines the change added to
/// its file (`ChangedFile.addedLines`), or failing that when a later line of its span does; the
/// others are listed in the review's body, never lost.
/// Suppressed findings are not commented.
struct InlineComments {
    /// One comment on a file's head side.
    struct Comment {
        var finding: Finding
        var path: String
        var oldPath: String
        /// The first line, when the comment spans several lines.
        var startLine: Int?
        var line: Int
        var body: String
    }

    let comments: [Comment]
    /// Introduced, unsuppressed findings outside the diff.
    let outside: [Finding]

    init(_ result: ReviewResult, context: ReportContext) {
        var comments: [Comment] = []
        var outside: [Finding] = []
        for finding in ReportOrder.sorted(result.comparison.introduced) where !finding.isSuppressed {
            guard let file = result.changeSet.file(at: finding.span.file), let lines = Self.commentLines(finding, in: file.addedLines) else {
                outside.append(finding)
                continue
            }
            let suggestion = Self.suggestion(finding, lines: lines, context: context)
            var body = Self.body(finding, context: context)
            if let suggestion { body += "\n\n" + suggestion }
            comments.append(Comment(
                finding: finding, path: file.path, oldPath: file.oldPath ?? file.path,
                startLine: lines.count > 1 ? lines.lowerBound : nil, line: lines.upperBound, body: body))
        }
        self.comments = comments
        self.outside = outside
    }

    /// The lines a comment covers, or nil when the finding is outside the diff.
    ///
    /// When the start line was added: the fix's lines if the finding has a fix inside that added
    /// run (so a suggestion replaces exactly them), else the finding's lines clipped to the run.
    /// When the start line was not added but a later line of the span was (Git may align an
    /// insertion a few lines away from where the rule points): that first added line alone.
    static func commentLines(_ finding: Finding, in addedLines: [LineRange]) -> ClosedRange<Int>? {
        let lines = finding.span.lines
        guard let added = addedLines.first(where: { $0.contains(lines.lowerBound) }) else {
            guard let overlap = addedLines.first(where: { $0.overlaps(lines) }) else { return nil }
            let line = max(overlap.lowerBound, lines.lowerBound)
            return line...line
        }
        if let fix = finding.fix, fix.span.file == finding.span.file,
           added.contains(fix.span.lines.lowerBound), added.contains(fix.span.lines.upperBound) {
            return fix.span.lines
        }
        return lines.lowerBound...min(lines.upperBound, added.upperBound)
    }

    /// The comment's text: severity, message, rule, remediation.
    static func body(_ finding: Finding, context: ReportContext) -> String {
        var body = MarkdownReport.badge(finding.severity) + " · " + MarkdownReport.messageNamingSubject(finding.message, subject: finding.subject)
        body += "\n\nRule " + MarkdownText.codeSpan(finding.ruleID) + ": " + MarkdownText.message(FindingMessage(template: finding.title, arguments: [:]))
        if let rule = context.rules[finding.ruleID], !rule.remediation.isEmpty {
            body += "\n\n**How to fix:** " + MarkdownText.message(FindingMessage(template: rule.remediation, arguments: [:]))
        }
        return body
    }

    /// A ```` ```suggestion ```` block replacing exactly `lines` with the fixed text, when the
    /// finding has a fix covering those lines and the head text of the file is known; without the
    /// file text, the replacement is shown as a plain code block (it cannot be applied in one click).
    static func suggestion(_ finding: Finding, lines: ClosedRange<Int>, context: ReportContext) -> String? {
        guard let fix = finding.fix else { return nil }
        if fix.span.lines == lines, let text = context.headFiles[fix.span.file],
           let newText = replacedLines(fix, in: FileLines(text)) {
            return fenced(newText, info: "suggestion")
        }
        return "**Proposed change** (lines \(fix.span.start.line)–\(fix.span.end.line)):\n\n" + fenced(fix.replacement, info: "")
    }

    /// The new text of the lines `fix` covers: the first line's text before the fix, the
    /// replacement, and the last line's text after it.
    static func replacedLines(_ fix: FixProposal, in file: FileLines) -> String? {
        guard let first = file.split(line: fix.span.start.line, atByteColumn: fix.span.start.column),
              let last = file.split(line: fix.span.lines.upperBound,
                                    atByteColumn: fix.span.end.line > fix.span.lines.upperBound ? Int.max : fix.span.end.column)
        else { return nil }
        var text = first.before + fix.replacement + last.after
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    /// `text` in a fenced code block whose fence is longer than any backtick run in it.
    static func fenced(_ text: String, info: String) -> String {
        var longest = 0, run = 0
        for character in text {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        return fence + info + "\n" + text + "\n" + fence
    }

    /// The body's list of findings that could not be commented inline, at most `budget` UTF-8
    /// bytes long: past that, a last line says how many more there are.
    func outsideList(_ result: ReviewResult, context: ReportContext, budget: Int) -> String {
        guard !outside.isEmpty else { return "" }
        var text = "\n## Findings outside the diff\n\nThese introduced findings are on lines the change did not add, so they cannot be commented inline:\n\n"
        for (index, finding) in outside.enumerated() {
            var item = "- " + MarkdownReport.badge(finding.severity) + " · " + MarkdownReport.messageNamingSubject(finding.message, subject: finding.subject)
            item += " — " + MarkdownReport.link(file: finding.span.file, line: finding.span.start.line, commit: result.changeSet.headCommit, linkBase: context.linkBase)
            item += " · " + MarkdownText.codeSpan(finding.ruleID) + "\n"
            if text.utf8.count + item.utf8.count + 200 > budget {
                text += "- … and \(outside.count - index) more, not shown here: the full list is in the job summary and the build artifact.\n"
                break
            }
            text += item
        }
        return text
    }

    /// The review body: the Markdown report, then the findings outside the diff, within the limit.
    func reviewBody(_ result: ReviewResult, context: ReportContext) -> String {
        let extra = outsideList(result, context: context, budget: context.markdownLimit / 2)
        var reportContext = context
        reportContext.markdownLimit = max(1000, context.markdownLimit - extra.utf8.count)
        let body = MarkdownReport().render(result, context: reportContext) + extra
        return body.utf8.count <= context.markdownLimit ? body : MarkdownReport.cut(body, limit: context.markdownLimit)
    }
}
