/// The layout `terraform fmt` gives a file of HCL native syntax, following the rules of
/// HashiCorp's `hclwrite` formatter: only whitespace between tokens changes.
///
/// - Indentation: two spaces per level. A line that opens more brackets than it closes
///   indents the following lines one level (however many it opened); a line that closes
///   brackets goes back out past the levels it closes, and takes that indentation itself.
/// - Spacing: one space between most tokens; none inside brackets, around `.`, before `,`,
///   between a function name and `(`, after a unary `-` or `!`, or inside templates; one
///   inside braces (`{ a = 1 }`) but none in `{}`.
/// - Alignment: the `=` of consecutive lines that each hold a whole single-line attribute is
///   aligned one space after the longest name; trailing comments of consecutive lines are
///   aligned the same way.
/// - Blank lines stay; spaces at the end of a line go.
///
/// Returns nil when the file holds something the formatter does not handle (see
/// `FormatLexer`): better no answer than a wrong one.
enum CanonicalFormat {
    /// One line's tokens, in `hclwrite`'s three cells: everything before the `=` (`lead`), the
    /// `=` and the value when the value is complete on the line (`assign`), and a trailing
    /// comment.
    private struct Line {
        var lead: [Int]
        var assign: [Int] = []
        var comment: [Int] = []
    }

    /// The formatted bytes of `source`, or nil when it cannot be formatted with confidence.
    static func format(_ source: [UInt8]) -> [UInt8]? {
        guard var tokens = FormatLexer.tokens(of: source) else { return nil }
        let lines = split(tokens)
        indent(lines, &tokens)
        space(lines, &tokens)
        align(lines, &tokens)
        var output: [UInt8] = []
        output.reserveCapacity(source.count)
        for token in tokens {
            output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: token.spacesBefore))
            output.append(contentsOf: token.bytes)
        }
        return output
    }

    private static func split(_ tokens: [FormatToken]) -> [Line] {
        var lines: [Line] = []
        var current: [Int] = []
        for index in tokens.indices {
            current.append(index)
            if tokens[index].endsLine {
                lines.append(Line(lead: current))
                current = []
            }
        }
        if !current.isEmpty { lines.append(Line(lead: current)) }
        for index in lines.indices {
            var line = lines[index]
            if line.lead.count > 1, let last = line.lead.last, tokens[last].kind == .comment {
                line.comment = [last]
                line.lead.removeLast()
            }
            if let equals = line.lead.indices.dropFirst().first(where: { tokens[line.lead[$0]].kind == .equal }),
               line.lead[equals...].reduce(0, { $0 + tokens[$1].bracketChange }) == 0 {
                line.assign = Array(line.lead[equals...])
                line.lead = Array(line.lead[..<equals])
            }
            lines[index] = line
        }
        return lines
    }

    private static func indent(_ lines: [Line], _ tokens: inout [FormatToken]) {
        var levels: [Int] = []
        for line in lines {
            guard let first = line.lead.first else { continue }
            if tokens[first].kind == .newline {
                tokens[first].spacesBefore = 0
                continue
            }
            var net = 0
            for index in line.lead {
                net += tokens[index].bracketChange
                if tokens[index].kind == .openHeredoc { break }
            }
            net += line.assign.reduce(0) { $0 + tokens[$1].bracketChange }
            if net > 0 {
                tokens[first].spacesBefore = 2 * levels.count
                levels.append(net)
                continue
            }
            var closed = -net
            while closed > 0, let top = levels.last {
                if closed >= top {
                    closed -= top
                    levels.removeLast()
                } else {
                    levels[levels.count - 1] = top - closed
                    closed = 0
                }
            }
            tokens[first].spacesBefore = 2 * levels.count
        }
    }

    private static func space(_ lines: [Line], _ tokens: inout [FormatToken]) {
        for line in lines {
            for (isAssign, cell) in [(false, line.lead), (true, line.assign)] {
                for (position, index) in cell.enumerated() {
                    if position == 0, isAssign { tokens[index].spacesBefore = 1 }
                    guard position + 1 < cell.count else { continue }
                    let before = position > 0 ? tokens[cell[position - 1]] : nil
                    tokens[cell[position + 1]].spacesBefore = spaceAfter(tokens[index], before: before, after: tokens[cell[position + 1]]) ? 1 : 0
                }
            }
        }
    }

    private static func align(_ lines: [Line], _ tokens: inout [FormatToken]) {
        func width(_ cell: [Int], _ tokens: [FormatToken]) -> Int { cell.reduce(0) { $0 + tokens[$1].columns } }
        var chain: [Line] = []
        func closeAssignChain() {
            let widest = chain.map { width($0.lead, tokens) }.max() ?? 0
            for line in chain { tokens[line.assign[0]].spacesBefore = widest - width(line.lead, tokens) + 1 }
            chain = []
        }
        for line in lines {
            if line.assign.isEmpty { closeAssignChain() } else { chain.append(line) }
        }
        closeAssignChain()
        func closeCommentChain() {
            let widest = chain.map { width($0.lead, tokens) + width($0.assign, tokens) }.max() ?? 0
            for line in chain { tokens[line.comment[0]].spacesBefore = widest - width(line.lead, tokens) - width(line.assign, tokens) + 1 }
            chain = []
        }
        for line in lines {
            if line.comment.isEmpty { closeCommentChain() } else { chain.append(line) }
        }
        closeCommentChain()
    }

    /// Whether `hclwrite` puts a space between `subject` and `after` (`before` precedes the
    /// subject on its line, nil at the start).
    private static func spaceAfter(_ subject: FormatToken, before: FormatToken?, after: FormatToken) -> Bool {
        let kind = subject.kind, next = after.kind
        if next == .newline { return false }
        if kind == .identifier && next == .openParen { return false }
        if (kind == .identifier && next == .doubleColon) || (kind == .doubleColon && next == .identifier) { return false }
        if kind == .dot || next == .dot { return false }
        if next == .comma || next == .ellipsis { return false }
        if kind == .comma { return true }
        if [.quotedLiteral, .heredocLiteral, .openQuote, .openHeredoc].contains(kind)
            || [.quotedLiteral, .heredocLiteral, .closeQuote, .closeHeredoc].contains(next) { return false }
        if kind == .identifier, subject.bytes.elementsEqual("in".utf8), before?.kind == .identifier { return true }
        if next == .openBracket && (kind == .identifier || kind == .number || subject.bracketChange < 0) { return false }
        if kind == .bang { return false }
        if kind == .minus {
            guard let previous = before?.kind else { return false }
            let negationContext: [FormatToken.Kind] = [
                .openParen, .openBrace, .openBracket, .equal, .colon, .comma, .question,
                .plus, .star, .slash, .percent, .minus, .comparison, .and, .or, .bang,
            ]
            return !negationContext.contains(previous)
        }
        if kind == .openBrace || next == .closeBrace { return !(kind == .openBrace && next == .closeBrace) }
        if (kind == .interpolation || kind == .directive) && next == .openBrace { return true }
        if kind == .closeBrace && next == .sequenceEnd { return true }
        if kind == .sequenceEnd && (next == .interpolation || next == .directive) { return false }
        if subject.bracketChange > 0 { return false }
        if after.bracketChange < 0 { return false }
        return true
    }
}
