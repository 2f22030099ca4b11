import Review

/// The JSON body for GitHub's "create a review for a pull request" endpoint
/// (`POST /repos/{owner}/{repo}/pulls/{number}/reviews`).
///
/// `{"body": <Markdown report>, "event": "COMMENT", "comments": [...]}`, one comment per
/// introduced, unsuppressed finding whose start line the change added (`path`, `line`,
/// `side: RIGHT`, and `start_line`/`start_side` for a multi-line comment). A finding with a fix
/// carries a `suggestion` block replacing exactly the lines the comment covers. Findings
/// outside the diff are listed in the body under "Findings outside the diff".
public struct GitHubReviewReport: ReviewReporter {
    /// Creates the report writer.
    public init() {}

    /// Renders the review request body.
    public func render(_ result: ReviewResult, context: ReportContext) -> String {
        let inline = InlineComments(result, context: context)
        let comments = inline.comments.map { comment in
            Comment(path: comment.path, line: comment.line, side: "RIGHT", start_line: comment.startLine,
                    start_side: comment.startLine == nil ? nil : "RIGHT", body: comment.body)
        }
        return ReviewJSONReport.encode(Review(body: inline.reviewBody(result, context: context), event: "COMMENT", comments: comments))
    }

    struct Review: Encodable {
        var body: String
        var event: String
        var comments: [Comment]
    }

    struct Comment: Encodable {
        var path: String
        var line: Int
        var side: String
        var start_line: Int?
        var start_side: String?
        var body: String
    }
}
