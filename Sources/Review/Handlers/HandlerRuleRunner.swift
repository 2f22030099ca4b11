import Python

extension RuleRunner {
    /// Every finding of the handler rules (`applies_to: [python_handler]`) on the subjects of
    /// `file` that pass `filter`. Findings have directory `""` and the subject's address
    /// (`lambda/handler.py::lambda_handler`), so a Git rename of the file carries them.
    ///
    /// Suppression comments work as in Terraform: on the finding's line, inside the function,
    /// or in the comment lines right above its `def`.
    public func handlerFindings(in file: HandlerFile, only filter: ((HandlerSubject) -> Bool)? = nil) -> [Finding] {
        handlerFindings(in: file, checks: handlerChecks, only: filter)
    }

    /// The handler rules of the rule set with their checks: found once for all the files of a
    /// review rather than for each.
    var handlerChecks: HandlerRuleChecks {
        var prepared = HandlerRuleChecks()
        for rule in ruleSet.rules where rule.appliesTo.contains(HandlerSubject.type) {
            guard case .coded(let name) = rule.check, let check = CodedChecks.named(name) as? any HandlerCheck else { continue }
            prepared.rules.append(rule)
            prepared.checks.append(check)
        }
        return prepared
    }

    /// `handlerFindings(in:only:)` with the handler rules' checks found already (`handlerChecks`).
    func handlerFindings(in file: HandlerFile, checks prepared: HandlerRuleChecks, only filter: ((HandlerSubject) -> Bool)? = nil) -> [Finding] {
        let checks = prepared.checks
        guard !checks.isEmpty else { return [] }
        // The file's lines and suppression comments are read when a check first fails (most
        // files pass every check).
        var comments: (lines: TextLines, suppressions: [Suppression])?
        func readComments() -> (lines: TextLines, suppressions: [Suppression]) {
            if let comments { return comments }
            let lines = TextLines(String(decoding: file.source.bytes, as: UTF8.self))
            let read = (lines: lines, suppressions: SuppressionScanner.scan(lines: lines.all, file: file.path).suppressions)
            comments = read
            return read
        }
        var findings: [Finding] = []
        for subject in file.subjects where filter?(subject) ?? true {
            var subjectWindow: ClosedRange<Int>?
            for index in checks.indices {
                let verdicts = checks[index].evaluate(subject)
                guard !verdicts.isEmpty else { continue }
                let rule = prepared.rules[index]
                let (lines, suppressions) = readComments()
                let window = subjectWindow ?? Self.suppressionWindow(subject, lines: lines)
                subjectWindow = window
                for verdict in verdicts {
                    var finding = Self.finding(rule, subject, verdict)
                    finding.suppression = suppressions.first { suppression in
                        suppression.names(rule) && !suppression.hasExpired(today: today)
                            && (suppression.line == finding.span.start.line || (subject.function != nil && window.contains(suppression.line)))
                    }
                    findings.append(finding)
                }
            }
        }
        return findings
    }

    /// The lines whose suppression comments cover a function subject: its `def` (and
    /// decorators) through its end, and the comment lines right above.
    static func suppressionWindow(_ subject: HandlerSubject, lines: TextLines) -> ClosedRange<Int> {
        var first = subject.range.start.line
        if let decorator = subject.function?.function.decoratorList.first { first = min(first, decorator.range.start.line) }
        while first > 1, let line = lines[first - 2], line.drop(while: { $0 == " " || $0 == "\t" }).hasPrefix("#") {
            first -= 1
        }
        return first...max(first, subject.range.end.line)
    }

    static func finding(_ rule: Rule, _ subject: HandlerSubject, _ verdict: HandlerVerdict) -> Finding {
        var arguments = verdict.arguments
        arguments["address"] = subject.address
        arguments["type"] = HandlerSubject.type
        arguments["name"] = subject.function?.name ?? subject.file.path
        arguments["file"] = subject.file.path
        arguments["attribute"] = verdict.attributePath
        arguments["line"] = String(verdict.range.start.line)
        return Finding(
            ruleID: rule.id, title: rule.title, severity: rule.severity, category: rule.category,
            directory: "", subject: subject.address, attributePath: verdict.attributePath,
            message: FindingMessage(template: rule.message, arguments: arguments),
            improvement: FindingMessage(template: rule.improvement, arguments: arguments),
            span: subject.span(verdict.range))
    }
}

/// The handler rules of a rule set (`applies_to: [python_handler]`, coded handler checks) and
/// their checks, in rule order: `checks[i]` is the check of `rules[i]`, kept apart so that
/// running the checks does not copy the rules.
struct HandlerRuleChecks: Sendable {
    var rules: [Rule] = []
    var checks: [any HandlerCheck] = []
}

/// The lines of a text as `split(separator: "\n", omittingEmptySubsequences: false)` on its
/// characters gives them, found by a scan of its bytes instead: a line ends at each `\n` not
/// preceded by `\r` (`\r\n` is a single character, which that split does not break).
struct TextLines {
    /// The lines, without their `\n`.
    let all: [Substring]

    init(_ text: String) {
        var lines: [Substring] = []
        var start = text.startIndex
        var previous: UInt8 = 0
        for index in text.utf8.indices {
            let byte = text.utf8[index]
            if byte == UInt8(ascii: "\n") && previous != UInt8(ascii: "\r") {
                lines.append(text[start..<index])
                start = text.utf8.index(after: index)
            }
            previous = byte
        }
        lines.append(text[start...])
        all = lines
    }

    /// The line at `index` (0-based), or nil past the last line.
    subscript(index: Int) -> Substring? {
        all.indices.contains(index) ? all[index] : nil
    }
}
