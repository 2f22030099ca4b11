import Git
import Review

/// The short terminal summary `stackreview hook pre-push` prints for a push: one paragraph per
/// pushed ref, saying what was reviewed.
public struct PrePushSummary: Sendable {
    /// Creates the summary writer.
    public init() {}

    /// Renders the reviews of one push to `remote`.
    public func render(_ reviews: [PrePushReview], remote: String) -> String {
        var output = "stackreview: reviewing the push to \(TerminalText.escape(remote))\n"
        if reviews.isEmpty { return output + "  nothing pushed\n" }
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
            }
        }
        return output
    }
}
