import HCL
import Terraform

/// Flags `//` comments: Terraform's style uses `#` for single-line comments (`/* */` stays
/// allowed). A comment belongs to the block it is written in, or else to the next block of its
/// file that rules run on (comments in a `locals` block go to the next such block, comments
/// after the last one to the last); each finding carries `replacement`, the comment with `#`
/// for `//`. A block with several instances is reported once.
struct CommentSyntaxCheck: CodedCheck {
    let name = "comment-syntax"

    func evaluate(_ subject: Subject, in context: CheckContext) -> [CodedVerdict] {
        // Most files have no `//` comment: nothing to look for then.
        guard context.parsedFiles[subject.file]?.comments.contains(where: { $0.style == .doubleSlash }) == true,
              subject.isFirstInstance(in: context), let syntax = BlockSyntax(of: subject, in: context) else { return [] }
        let subjectStarts = context.subjectStartsByFile[subject.file] ?? []
        let blocks = syntax.file.body.blocks.filter { subjectStarts.contains($0.range.start.byte) }
        guard let index = blocks.firstIndex(where: { $0.range == subject.range }) else { return [] }
        let start = index == 0 ? 0 : blocks[index - 1].range.end.byte
        let end = index == blocks.count - 1 ? Int.max : subject.range.end.byte
        var seen: [String: Int] = [:]
        return syntax.file.comments.compactMap { comment in
            guard comment.style == .doubleSlash, comment.range.start.byte >= start, comment.range.start.byte < end else { return nil }
            let text = syntax.text(comment.range)
            // The comment's text identifies the finding, so edits elsewhere in the block keep it.
            let occurrence = seen[text, default: 0]
            seen[text] = occurrence + 1
            let path = "comment:" + text.dropFirst(2).trimmingPrefix(" ") + (occurrence == 0 ? "" : "#\(occurrence + 1)")
            return CodedVerdict(
                .fail(FailureLocation(range: comment.range, attributePath: path)),
                arguments: ["replacement": "#" + text.dropFirst(2)])
        }
    }
}
