import HCL
import Terraform
import Threading

/// Flags blocks whose text differs from what `terraform fmt` would write (`CanonicalFormat`),
/// with the exact replacement lines: one finding per block, from its first to its last line
/// that differs, carrying `replacement` (the formatted lines) and `lines` (how many differ).
///
/// Conservative by design, it stays silent where `terraform fmt` would do more than move
/// whitespace, or where the formatter might be wrong: files with syntax errors, carriage
/// returns, template strip markers (`~`) or directives, or quoted strings across lines;
/// blocks with characters beyond ASCII or a heredoc; blocks with an unquoted label, an
/// attribute whose whole value is `"${…}"` (fmt unwraps it; `terraform-deprecated-interpolation`
/// reports it), or a quoted variable type (`type = "string"`). JSON files are not judged. A
/// block with several instances is reported once.
struct TerraformFmtCheck: BlockSyntaxCheck {
    let name = "terraform-fmt"

    func verdicts(on syntax: BlockSyntax, of subject: Subject, in context: CheckContext) -> [CodedVerdict] {
        guard subject.isFirstInstance(in: context), subject.file.hasSuffix(".tf"),
              syntax.file.diagnostics.isEmpty, !Self.fmtRewrites(syntax),
              let (original, canonical) = Self.formattedLines(of: syntax.file.source, number: context.suppressions.fileNumber(of: subject.file)) else { return [] }
        guard original.count == canonical.count else { return [] }
        let block = syntax.block.range
        let lineNumbers = block.start.line...block.end.line
        guard lineNumbers.allSatisfy({ original[$0 - 1].bytes.allSatisfy { $0 < 0x80 } }) else { return [] }
        let differing = lineNumbers.filter { !original[$0 - 1].bytes.elementsEqual(canonical[$0 - 1].bytes) }
        guard let first = differing.first, let last = differing.last else { return [] }
        let start = original[first - 1], end = original[last - 1]
        let range = SourceRange(first, 1, start.offset, last, end.bytes.count + 1, end.offset + end.bytes.count)
        let replacement = (first...last).map { String(decoding: canonical[$0 - 1].bytes, as: UTF8.self) }.joined(separator: "\n")
        return [CodedVerdict(
            .fail(FailureLocation(range: range, attributePath: "fmt")),
            arguments: ["replacement": replacement, "lines": String(differing.count)])]
    }

    /// One line of a file: where it starts, and its bytes without the line break.
    typealias Line = (offset: Int, bytes: ArraySlice<UInt8>)

    /// A file's lines and those of its canonical text (nil when `CanonicalFormat` declines it).
    typealias FormattedLines = (original: [Line], canonical: [Line])?

    /// The files formatted so far in this process, by their bytes, and by their number in
    /// `SuppressionIndex` (which stands for a path and contents, and is cheaper to look up than
    /// the bytes, which every block of the file would hash again): a file's contents are
    /// formatted once, not once per block, nor again in every module tree whose modules call
    /// its module.
    private static let formattedFiles = Locked<(byNumber: [Int: FormattedLines], byContents: [FileContents: FormattedLines])>(([:], [:]))

    /// The lines of `source` and of its canonical formatting, nil when `CanonicalFormat`
    /// declines it; computed once per file contents, looked up by the file's `number` when it
    /// has one.
    static func formattedLines(of source: [UInt8], number: Int?) -> FormattedLines {
        if let number, let known = formattedFiles.withLock({ $0.byNumber[number] }) { return known }
        let key = FileContents(bytes: source)
        let formatted: FormattedLines
        if let known = formattedFiles.withLock({ $0.byContents[key] }) {
            formatted = known
        } else {
            formatted = CanonicalFormat.format(source).map { (original: lines(source), canonical: lines($0)) }
        }
        formattedFiles.withLock { files in
            files.byContents[key] = .some(formatted)
            if let number { files.byNumber[number] = .some(formatted) }
        }
        return formatted
    }

    /// The lines of `bytes` without their line breaks, with the offset where each starts.
    static func lines(_ bytes: [UInt8]) -> [Line] {
        var lines: [Line] = []
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            lines.append((start, bytes[start..<index]))
            start = index + 1
        }
        lines.append((start, bytes[start..<bytes.count]))
        return lines
    }

    /// Whether `terraform fmt` would also rewrite something in the block beyond whitespace,
    /// or the block holds a heredoc (whether its attribute joins the `=` alignment of its
    /// neighbours is not certain).
    static func fmtRewrites(_ syntax: BlockSyntax) -> Bool {
        if syntax.block.labels.contains(where: { !$0.isQuoted }) { return true }
        let hasHeredoc = syntax.expressions.contains { expression, _ in
            if expression.shape == .template, case .template(let template) = expression.kind, case .heredoc = template.style { return true }
            return false
        }
        if hasHeredoc { return true }
        if syntax.block.type == "variable", let type = syntax.block.body.attribute(named: "type"),
           type.expression.shape == .template { return true }
        return rewritesInterpolation(syntax.block.body)
    }

    private static func rewritesInterpolation(_ body: Body) -> Bool {
        body.attributes.contains { attribute in
            if attribute.expression.shape == .template, case .template(let template) = attribute.expression.kind, template.style == .quoted, template.isSingleInterpolation { return true }
            return false
        } || body.blocks.contains { $0.labels.contains { !$0.isQuoted } || rewritesInterpolation($0.body) }
    }
}
