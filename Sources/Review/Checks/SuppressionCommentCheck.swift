import HCL

/// Audits the suppression comments that apply to a subject: a `stackreview:ignore` or
/// `checkov:skip` without a reason, and any suppression past its `exp:` date (which then
/// silences nothing), are findings of their own at the comment's line.
///
/// tfsec and trivy comments have no place for a reason, so only their expiry is checked.
struct SuppressionCommentCheck: CodedCheck {
    let name = "suppression-comments"

    func evaluate(_ subject: Subject, in context: CheckContext) -> [CodedVerdict] {
        var verdicts: [CodedVerdict] = []
        for suppression in context.suppressions.suppressions(for: subject) {
            var problem: String?
            if suppression.hasExpired(today: context.today), let expires = suppression.expires {
                problem = "expired on \(expires), so it no longer silences anything"
            } else if suppression.hasReasonField && suppression.reason.isEmpty {
                problem = "gives no reason"
            }
            guard let problem, let offset = context.suppressions.offset(ofLine: suppression.line, in: subject.file) else { continue }
            let start = SourcePosition(line: suppression.line, column: 1, byte: offset)
            let range = SourceRange(start: start, end: start)
            verdicts.append(CodedVerdict(
                .fail(FailureLocation(range: range, attributePath: "suppression.\(suppression.ruleReference)")),
                arguments: ["rule": suppression.ruleReference, "problem": problem, "line": String(suppression.line)]))
        }
        return verdicts
    }
}
