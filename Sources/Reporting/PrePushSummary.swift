import Git
import Review

/// The short terminal summary `stackreview hook pre-push` prints for a push: one paragraph per
/// pushed ref, saying what was reviewed, with each introduced finding at or above the threshold
/// as `SEVERITY file:line  message  [rule-id]`; when any blocks the push, how to suppress one
/// (`# stackreview:ignore <rule-id> <reason>`) and how to bypass the hook (`git push --no-verify`).
public struct PrePushSummary: Sendable {
    /// Creates the summary writer.
    public init() {}

    /// Renders the reviews of one push to `remote`; findings introduced at or above `failOn`
    /// are listed with how to suppress or bypass them.
    public func render(_ reviews: [PrePushReview], remote: String, failOn: Severity? = .high) -> String {
        var output = "stackreview: reviewing the push to \(TerminalText.escape(remote))\n"
        if reviews.isEmpty { return output + "  nothing pushed\n" }
        var blocking: [Finding] = []
        for review in reviews {
            let line = review.update.line
            let ref = TerminalText.escape(line.remoteRef)
            switch review.update.kind {
            case .deletion:
                output += "  \(ref): deleted, nothing to review\n"
            case .newBranch, .update:
                let kind = review.update.kind == .newBranch ? "new branch" : "update"
                guard let change = review.review else { continue }
                let files = change.changeSet.files
                let analysed = files.filter { $0.kind.isAnalysed && $0.kind != .other }
                output += "  \(ref) (\(kind), \(TerminalText.escape(change.range.description))): "
                output += ChangeSetTextReport.count(files.count, "file") + " changed"
                output += analysed.isEmpty ? ", none of them Terraform, handler or test files\n" : "; " + ChangeSetTextReport.summary(files) + "\n"
                let introduced = change.blocking(failOn: failOn)
                for finding in introduced {
                    output += "    \(finding.severity.rawValue.uppercased()) \(TerminalText.escape(finding.span.file)):\(finding.span.start.line)  "
                    output += TerminalText.escape(finding.message.plain) + "  [\(finding.ruleID)]\n"
                }
                blocking += introduced
            }
        }
        if let first = blocking.first {
            let count = ChangeSetTextReport.count(blocking.count, "finding")
            let them = blocking.count == 1 ? "it" : "them"
            output += "stackreview: this push introduces \(count) at or above \(failOn?.rawValue ?? "never"), so it was not pushed.\n"
            output += "  Fix \(them) and push again, or accept one with a comment on the line above its block, naming its rule:\n"
            output += "    # stackreview:ignore \(TerminalText.escape(first.ruleID)) <why it is acceptable>\n"
            output += "  To push once without the review: git push --no-verify\n"
        }
        return output
    }
}
