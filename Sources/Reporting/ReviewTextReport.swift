import Git
import Review
import Threading

/// The plain-text review for a terminal or a log: what the change introduced, what is still
/// open, what it fixed, and the problems met, most severe first.
///
/// With `ReportContext.color`, severities and underlines are colored with ANSI escapes (the
/// caller decides: standard output is a terminal and `NO_COLOR` is not set). With head file
/// texts in `ReportContext.headFiles`, each open finding shows a code frame: its first line and
/// a caret underline under the span. A finding of a rule whose id contains `secret`, and any
/// finding whose line may show a secret (`SecretLine`), shows that line with every string literal
/// redacted (`"********" (24 characters)`), so a secret's value never reaches a terminal or a CI log.
public struct ReviewTextReport: ReviewReporter {
    /// Creates the report writer.
    public init() {}

    /// Renders `result` without color or code frames; `failOn` is the severity that blocks (nil: never).
    public func render(_ result: ReviewResult, failOn: Severity?) -> String {
        render(result, context: ReportContext(failOn: failOn, toolVersion: ""))
    }

    /// Renders `result` with the context's threshold, color choice and file texts.
    public func render(_ result: ReviewResult, context: ReportContext) -> String {
        let comparison = result.comparison
        let failOn = context.failOn
        let frames = FileLines.of(context.headFiles)
        let resolved = ChangeSetTextReport.sideText(result.changeSet.base) + ".." + ChangeSetTextReport.sideText(result.changeSet.head)
        var output = "stackreview: \(TerminalText.escape(result.range.description)) = \(resolved)"
        output += " — " + ChangeSetTextReport.count(result.changeSet.files.count, "file") + " changed"
        output += ", " + ChangeSetTextReport.count(result.modules.count, "module") + " loaded"
        output += ", " + ChangeSetTextReport.count(result.touched.count, "subject") + " touched\n"
        section("Introduced", comparison.introduced, frames: frames, color: context.color, into: &output)
        section("Still open", comparison.persisting, frames: frames, color: context.color, into: &output)
        if !comparison.resolved.isEmpty {
            output += "\nFixed (\(comparison.resolved.count)):\n"
            for finding in comparison.resolved {
                output += "  " + Self.paint("✓", "32", context.color) + " " + TerminalText.escape(finding.improvement.plain) + "  (" + Self.location(finding) + " at base)\n"
            }
        }
        if !comparison.removed.isEmpty {
            output += "\nGone with their subject (\(comparison.removed.count)):\n"
            for finding in comparison.removed {
                output += "  - " + TerminalText.escape(finding.message.plain) + "  [\(TerminalText.escape(finding.ruleID))]\n"
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
            let line = "\(ChangeSetTextReport.count(blocking.count, "introduced finding")) at or above \(failOn?.rawValue ?? "") block this change."
            output += Self.paint(line, "1;31", context.color) + "\n"
        }
        return output
    }

    /// Appends the section of `findings` under `title` to `output` (nothing when there are none).
    func section(_ title: String, _ findings: [Finding], frames: [String: FileLines], color: Bool, into output: inout String) {
        guard !findings.isEmpty else { return }
        // A review of a whole repository lists hundreds of thousands of findings: their lines
        // are written in slices on every core and appended in order, straight to the report,
        // a batch of slices at a time (tens of megabytes are neither copied twice nor held
        // twice). The room reserved is generous: memory not written to costs nothing.
        let heading = "\n\(title) (\(findings.count)):\n"
        output.reserveCapacity(output.utf8.count + heading.utf8.count + findings.count * 320 + 4_096)
        output += heading
        let slices = stride(from: 0, to: findings.count, by: Self.sliceSize).map { $0..<min($0 + Self.sliceSize, findings.count) }
        for batch in stride(from: 0, to: slices.count, by: Self.slicesPerBatch) {
            let texts = ParallelMap.map(Array(slices[batch..<min(batch + Self.slicesPerBatch, slices.count)])) { slice in
                Self.lines(findings[slice], frames: frames, color: color)
            }
            for text in texts { output += text }
        }
    }

    /// How many findings one task of `section` writes.
    static let sliceSize = 2_048

    /// How many slices `section` writes before appending them to the report.
    static let slicesPerBatch = 8

    /// The lines of `findings` in a section: each one's severity, place, message and rule, and
    /// its code frame when its file's text is known.
    static func lines(_ findings: ArraySlice<Finding>, frames: [String: FileLines], color: Bool) -> String {
        var output = ""
        output.reserveCapacity(findings.count * 256)
        let labels = Dictionary(uniqueKeysWithValues: Severity.allCases.map { severity in
            let name = severity.rawValue.uppercased()
            return (severity, "  " + paint(name, colorCode(severity), color) + String(repeating: " ", count: max(1, 9 - name.count)))
        })
        // Findings sort by severity and then by place, so those in one file, and those of one
        // rule, mostly follow each other: what depends only on the file or the rule is kept
        // from the finding before.
        var file: (path: String, escaped: String, lines: FileLines?)?
        var rule: (id: String, escaped: String)?
        var secrets = SecretChecks()
        // Findings on the same span (one block checked in every module tree that calls its
        // module) follow each other and share one code frame; those that also have the same
        // severity, rule, message and suppression (the same module call in several roots) are
        // listed alike, and their entry is written once and repeated.
        var lastFrame: (key: FrameKey, text: String)?
        var spanEntries: (span: SourceSpan, entries: [(finding: Finding, text: String)])?
        for finding in findings {
            let span = finding.span
            if spanEntries?.span != span { spanEntries = (span, []) }
            if let known = spanEntries?.entries.first(where: { Self.listedAlike($0.finding, finding) }) {
                output += known.text
                continue
            }
            if file?.path != span.file { file = (span.file, TerminalText.escape(span.file), frames[span.file]) }
            if rule?.id != finding.ruleID { rule = (finding.ruleID, TerminalText.escape(finding.ruleID)) }
            var entry = labels[finding.severity] ?? ""
            entry += file?.escaped ?? ""
            entry += ":" + String(span.start.line) + ":" + String(span.start.column) + "  "
            entry += TerminalText.escape(finding.message.plain)
            entry += "  [" + (rule?.escaped ?? "") + "]"
            if let suppression = finding.suppression {
                entry += "  (suppressed at line \(suppression.line)" + (suppression.reason.isEmpty ? ")" : ": " + TerminalText.escape(suppression.reason) + ")")
            }
            entry += "\n"
            if let lines = file?.lines {
                let key = FrameKey(finding)
                if let lastFrame, lastFrame.key == key {
                    entry += lastFrame.text
                } else {
                    let frame = codeFrame(finding, lines: lines, color: color, secrets: &secrets)
                    lastFrame = (key, frame)
                    entry += frame
                }
            }
            output += entry
            spanEntries?.entries.append((finding, entry))
        }
        return output
    }

    /// Whether two findings on one span are listed alike: what their entry shows besides the
    /// span (severity, message, rule, suppression) is the same.
    static func listedAlike(_ left: Finding, _ right: Finding) -> Bool {
        left.severity == right.severity && left.ruleID == right.ruleID && left.message == right.message && left.suppression == right.suppression
    }

    /// What a code frame depends on: the span, the severity (its color) and the rule (a rule
    /// about secrets has the line redacted).
    struct FrameKey: Equatable {
        let span: SourceSpan
        let severity: Severity
        let ruleID: String

        init(_ finding: Finding) {
            span = finding.span
            severity = finding.severity
            ruleID = finding.ruleID
        }
    }

    /// Whether a code frame is shown redacted, remembered by rule id and by line text (both
    /// answers depend on nothing else) while one slice of a section is written: the same
    /// rules and, in a repository of similar modules, the same lines come back again and again.
    struct SecretChecks {
        private var rules: [String: Bool] = [:]
        private var lines: [String: Bool] = [:]

        /// Whether the rule `ruleID` is about secrets or `line` may show one.
        mutating func redact(ruleID: String, line: String) -> Bool {
            let secretRule = rules[ruleID] ?? {
                let answer = ruleID.lowercased().contains("secret")
                rules[ruleID] = answer
                return answer
            }()
            if secretRule { return true }
            if let known = lines[line] { return known }
            let answer = SecretLine.mayReveal(line)
            lines[line] = answer
            return answer
        }
    }

    static func location(_ finding: Finding) -> String {
        TerminalText.escape(finding.span.file) + ":\(finding.span.start.line):\(finding.span.start.column)"
    }

    /// The finding's first line with its number, and a caret line under the span (to the end
    /// of the line when the span goes on); empty when the line is not in the file.
    static func codeFrame(_ finding: Finding, lines: FileLines, color: Bool, secrets: inout SecretChecks) -> String {
        let number = finding.span.start.line
        guard let raw = lines.line(number) else { return "" }
        var text = String(raw)
        if text.hasSuffix("\r") { text.removeLast() }
        let gutter = String(number)
        let pad = String(repeating: " ", count: gutter.count)
        var caretStart: Int, caretWidth: Int
        let leading: String
        if secrets.redact(ruleID: finding.ruleID, line: text) {
            text = TerminalText.escape(redactingValues(text))
            let indent = text.prefix { $0 == " " || $0 == "\t" }.count
            caretStart = indent
            caretWidth = max(1, text.count - indent)
            leading = text.prefix(caretStart).map { $0 == "\t" ? "\t" : " " }.joined()
        } else if raw.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\\") }) {
            // Printable ASCII without a backslash (nearly every line of Terraform or Python):
            // escaping changes nothing, and a byte column counts characters, without a tab.
            let count = raw.utf8.count
            let endBytes = finding.span.end.line == number ? finding.span.end.column : Int.max
            caretStart = min(max(finding.span.start.column - 1, 0), count)
            caretWidth = max(1, min(max(endBytes - 1, 0), count) - caretStart)
            leading = String(repeating: " ", count: caretStart)
        } else {
            let startBytes = finding.span.start.column
            let endBytes = finding.span.end.line == number ? finding.span.end.column : Int.max
            guard let head = lines.split(line: number, atByteColumn: startBytes),
                  let tail = lines.split(line: number, atByteColumn: endBytes) else { return "" }
            let before = TerminalText.escape(head.before)
            let through = TerminalText.escape(tail.before)
            text = TerminalText.escape(text)
            caretStart = before.count
            caretWidth = max(1, min(through.count, text.count) - before.count)
            leading = text.prefix(caretStart).map { $0 == "\t" ? "\t" : " " }.joined()
        }
        var frame = "      " + gutter + " | " + text + "\n"
        frame += "      " + pad + " | " + leading + paint(String(repeating: "^", count: caretWidth), colorCode(finding.severity), color) + "\n"
        return frame
    }

    /// `line` with the string literals after its first `=` or `:` (outside quotes) redacted, or
    /// all of them when it has neither; a value without quotes (`password: hunter2` in a heredoc)
    /// leaves only what comes before the `=` or `:`, followed by `********`.
    static func redactingValues(_ line: String) -> String {
        var quote: Character?
        var cut: String.Index?
        for index in line.indices {
            let character = line[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "=" || character == ":" {
                cut = index
                break
            }
        }
        guard let cut else { return redactingStringLiterals(line) }
        let value = line[line.index(after: cut)...]
        let redacted = redactingStringLiterals(String(value))
        return String(line[...cut]) + (redacted == String(value) ? " ********" : redacted)
    }

    /// `line` with each double- or single-quoted string literal replaced by
    /// `"********" (N characters)`, N counting the literal's content.
    static func redactingStringLiterals(_ line: String) -> String {
        var result = ""
        var iterator = Array(line)[...]
        while let character = iterator.first {
            iterator = iterator.dropFirst()
            guard character == "\"" || character == "'" else {
                result.append(character)
                continue
            }
            var length = 0
            var closed = false
            while let next = iterator.first {
                iterator = iterator.dropFirst()
                if next == "\\", iterator.first != nil {
                    iterator = iterator.dropFirst()
                    length += 2
                    continue
                }
                if next == character {
                    closed = true
                    break
                }
                length += 1
            }
            result += "\"********\" (" + ReportOrder.count(length, "character") + ")"
            if !closed { break }
        }
        return result
    }

    static func colorCode(_ severity: Severity) -> String {
        switch severity {
        case .critical: return "1;31"
        case .high: return "31"
        case .medium: return "33"
        case .low: return "36"
        case .info: return "2"
        }
    }

    static func paint(_ text: String, _ code: String, _ color: Bool) -> String {
        color ? "\u{1B}[" + code + "m" + text + "\u{1B}[0m" : text
    }
}
