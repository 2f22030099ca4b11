import Git
import Review

/// The short terminal summary `stackreview hook pre-push` prints for a push: one paragraph per
/// pushed ref, saying what was reviewed.
public struct PrePushSummary: Sendable {
    /// Creates the summary writer.
    public init() {}

    /// Renders the reviews of one push to `remote`; findings introduced at or above `failOn`
    /// are listed with how to suppress or bypass them.
    public func render(_ reviews: [PrePushReview], remote: String, failOn: Severity? = .high) -> String {
        var output = "stackreview: reviewing the push to \(TerminalText.escape(remote))\n"
        if reviews.isEmpty { return output + "  nothing pushed\n" }
        var blockingCount = 0
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
                let blocking = change.blocking(failOn: failOn)
                for finding in blocking {
                    output += "    \(finding.severity.rawValue.uppercased()) \(TerminalText.escape(finding.span.file)):\(finding.span.start.line)  "
                    output += TerminalText.escape(finding.message.plain) + "  [\(finding.ruleID)]\n"
                }
                blockingCount += blocking.count
            }
        }
        if blockingCount > 0 {
            output += "stackreview: this push introduces \(ChangeSetTextReport.count(blockingCount, "finding")) at or above \(failOn?.rawValue ?? "")."
            output += " Fix them, or accept one with a comment `# stackreview:ignore <rule-id> <reason>` above its block,"
            output += " or push once without review: git push --no-verify\n"
        }
        return output
    }
}
