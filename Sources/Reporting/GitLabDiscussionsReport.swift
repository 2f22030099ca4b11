import Review

/// GitLab merge-request discussions, as a JSON array ready to post one by one to
/// `POST /projects/:id/merge_requests/:iid/discussions`.
///
/// The first element is the summary note (the Markdown report, with findings outside the diff
/// listed), without a position; each further element is one introduced, unsuppressed finding on
/// an added line, with a `text` position (`base_sha`, `start_sha`, `head_sha`, `new_path`,
/// `old_path`, `new_line`). The start SHA is the base commit (stackreview reviews from the
/// merge base).
public struct GitLabDiscussionsReport: ReviewReporter {
    /// Creates the report writer.
    public init() {}

    /// Renders the discussions.
    public func render(_ result: ReviewResult, context: ReportContext) -> String {
        let inline = InlineComments(result, context: context)
        let base = result.changeSet.baseCommit?.hex ?? ""
        let head = result.changeSet.headCommit?.hex ?? ""
        var discussions = [Discussion(body: inline.reviewBody(result, context: context), position: nil)]
        for comment in inline.comments {
            discussions.append(Discussion(
                body: comment.body,
                position: Position(base_sha: base, start_sha: base, head_sha: head, position_type: "text",
                                   new_path: comment.path, old_path: comment.oldPath, new_line: comment.line)))
        }
        return ReviewJSONReport.encode(discussions)
    }

    struct Discussion: Encodable {
        var body: String
        var position: Position?
    }

    struct Position: Encodable {
        var base_sha: String
        var start_sha: String
        var head_sha: String
        var position_type: String
        var new_path: String
        var old_path: String
        var new_line: Int
    }
}
