/// A token of HCL native syntax as the canonical formatter sees it: its kind, its exact
/// bytes, and the spaces the formatter puts before it.
///
/// The kinds follow HCL's own scanner closely enough for `terraform fmt`'s spacing rules:
/// templates are split into their literal parts, `${` / `%{` openers and closing braces, and
/// a single-line comment keeps its line break (it ends its line).
struct FormatToken {
    enum Kind: Equatable {
        case newline, comment, identifier, number
        case openBrace, closeBrace, openBracket, closeBracket, openParen, closeParen
        case comma, dot, ellipsis, colon, doubleColon, question, equal, fatArrow
        case bang, minus, plus, star, slash, percent, comparison, and, or
        case openQuote, closeQuote, quotedLiteral
        case openHeredoc, heredocLiteral, closeHeredoc
        case interpolation, directive, sequenceEnd
    }

    var kind: Kind
    var bytes: ArraySlice<UInt8>
    var spacesBefore = 0

    /// True for a newline, and for a `#` or `//` comment, which ends with its line break.
    var endsLine: Bool { kind == .newline || (kind == .comment && bytes.last == UInt8(ascii: "\n")) }

    /// +1 for an opening bracket (and a template's `${` or `%{`), -1 for a closing one.
    var bracketChange: Int {
        switch kind {
        case .openBrace, .openBracket, .openParen, .interpolation, .directive: return 1
        case .closeBrace, .closeBracket, .closeParen, .sequenceEnd: return -1
        default: return 0
        }
    }

    /// The display width: bytes, which is the column count for the ASCII lines the formatter
    /// aligns (lines with other characters are left alone).
    var columns: Int { spacesBefore + bytes.count }
}

/// Splits a native-syntax file into `FormatToken`s; nil for input the formatter does not
/// handle (carriage returns, template strip markers `~`, quoted strings across lines, bytes
/// that are not HCL, template directives), so that no finding is ever based on a guess.
struct FormatLexer {
    private let source: [UInt8]
    private var offset = 0
    private var tokens: [FormatToken] = []

    /// The tokens of `source`, or nil when it holds something the formatter does not handle.
    static func tokens(of source: [UInt8]) -> [FormatToken]? {
        var lexer = FormatLexer(source: source)
        guard lexer.scanExpressions(insideInterpolation: false), lexer.offset == source.count else { return nil }
        return lexer.tokens
    }

    private init(source: [UInt8]) { self.source = source }

    private func byte(_ at: Int) -> UInt8 { at < source.count ? source[at] : 0 }

    private mutating func emit(_ kind: FormatToken.Kind, _ length: Int) {
        tokens.append(FormatToken(kind: kind, bytes: source[offset..<(offset + length)]))
        offset += length
    }

    private static func isNameStart(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || byte == 0x5F || byte >= 0x80
    }

    private static func isNamePart(_ byte: UInt8) -> Bool {
        isNameStart(byte) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// Scans expression tokens; inside an interpolation, stops before the `}` that closes it.
    private mutating func scanExpressions(insideInterpolation: Bool) -> Bool {
        var braces = 0
        while offset < source.count {
            let current = byte(offset), next = byte(offset + 1)
            switch current {
            case 0x20, 0x09: offset += 1
            case 0x0D: return false
            case 0x0A:
                if insideInterpolation { return false }
                emit(.newline, 1)
            case UInt8(ascii: "#"): scanLineComment()
            case UInt8(ascii: "/") where next == UInt8(ascii: "/"): scanLineComment()
            case UInt8(ascii: "/") where next == UInt8(ascii: "*"):
                var end = offset + 2
                while end < source.count, !(source[end] == UInt8(ascii: "*") && byte(end + 1) == UInt8(ascii: "/")) { end += 1 }
                guard end < source.count else { return false }
                emit(.comment, end + 2 - offset)
            case UInt8(ascii: "\""):
                guard scanQuotedTemplate() else { return false }
            case UInt8(ascii: "<") where next == UInt8(ascii: "<"):
                guard scanHeredoc() else { return false }
            case UInt8(ascii: "{"):
                braces += 1
                emit(.openBrace, 1)
            case UInt8(ascii: "}"):
                if insideInterpolation && braces == 0 { return true }
                braces -= 1
                emit(.closeBrace, 1)
            default:
                guard scanOperatorOrWord(current, next) else { return false }
            }
        }
        return !insideInterpolation
    }

    private mutating func scanLineComment() {
        var end = offset
        while end < source.count, source[end] != 0x0A { end += 1 }
        emit(.comment, min(end + 1, source.count) - offset)
    }

    private mutating func scanOperatorOrWord(_ current: UInt8, _ next: UInt8) -> Bool {
        if Self.isNameStart(current) {
            var end = offset + 1
            while end < source.count, Self.isNamePart(source[end]) { end += 1 }
            emit(.identifier, end - offset)
            return true
        }
        if Self.isDigit(current) {
            var end = offset + 1
            while Self.isDigit(byte(end)) { end += 1 }
            if byte(end) == UInt8(ascii: "."), Self.isDigit(byte(end + 1)) {
                end += 1
                while Self.isDigit(byte(end)) { end += 1 }
            }
            if byte(end) == UInt8(ascii: "e") || byte(end) == UInt8(ascii: "E") {
                var exponent = end + 1
                if byte(exponent) == UInt8(ascii: "+") || byte(exponent) == UInt8(ascii: "-") { exponent += 1 }
                if Self.isDigit(byte(exponent)) {
                    end = exponent
                    while Self.isDigit(byte(end)) { end += 1 }
                }
            }
            emit(.number, end - offset)
            return true
        }
        let pair = (current, next)
        switch pair {
        case (UInt8(ascii: "."), UInt8(ascii: ".")):
            guard byte(offset + 2) == UInt8(ascii: ".") else { return false }
            emit(.ellipsis, 3)
        case (UInt8(ascii: ":"), UInt8(ascii: ":")): emit(.doubleColon, 2)
        case (UInt8(ascii: "="), UInt8(ascii: ">")): emit(.fatArrow, 2)
        case (UInt8(ascii: "="), UInt8(ascii: "=")), (UInt8(ascii: "!"), UInt8(ascii: "=")),
             (UInt8(ascii: "<"), UInt8(ascii: "=")), (UInt8(ascii: ">"), UInt8(ascii: "=")): emit(.comparison, 2)
        case (UInt8(ascii: "&"), UInt8(ascii: "&")): emit(.and, 2)
        case (UInt8(ascii: "|"), UInt8(ascii: "|")): emit(.or, 2)
        default:
            let single: [UInt8: FormatToken.Kind] = [
                UInt8(ascii: "["): .openBracket, UInt8(ascii: "]"): .closeBracket, UInt8(ascii: "("): .openParen,
                UInt8(ascii: ")"): .closeParen, UInt8(ascii: ","): .comma, UInt8(ascii: "."): .dot, UInt8(ascii: ":"): .colon,
                UInt8(ascii: "?"): .question, UInt8(ascii: "="): .equal, UInt8(ascii: "!"): .bang, UInt8(ascii: "-"): .minus,
                UInt8(ascii: "+"): .plus, UInt8(ascii: "*"): .star, UInt8(ascii: "/"): .slash, UInt8(ascii: "%"): .percent,
                UInt8(ascii: "<"): .comparison, UInt8(ascii: ">"): .comparison,
            ]
            guard let kind = single[current] else { return false }
            emit(kind, 1)
        }
        return true
    }

    /// `"…"`: the quote, literal runs, interpolations and directives, the closing quote.
    private mutating func scanQuotedTemplate() -> Bool {
        emit(.openQuote, 1)
        var literalStart = offset
        while offset < source.count {
            let current = source[offset]
            if current == 0x0A || current == 0x0D { return false }
            if current == UInt8(ascii: "\\") { offset += 2; continue }
            if current == UInt8(ascii: "\"") {
                flushLiteral(.quotedLiteral, from: literalStart)
                emit(.closeQuote, 1)
                return true
            }
            guard stepOverTemplateText(.quotedLiteral, literalStart: &literalStart) else { return false }
        }
        return false
    }

    /// Moves past one piece of template text: an escaped opener, an interpolation (after the
    /// literal run before it, which `literalStart` marks), or one byte. False when an
    /// interpolation cannot be read.
    private mutating func stepOverTemplateText(_ literal: FormatToken.Kind, literalStart: inout Int) -> Bool {
        if isEscapedOpener() {
            offset += 3
        } else if let opener = templateOpener() {
            flushLiteral(literal, from: literalStart)
            guard scanTemplateSequence(opener) else { return false }
            literalStart = offset
        } else {
            offset += 1
        }
        return true
    }

    /// `$${` or `%%{` at the current offset: a literal `${` / `%{`.
    private func isEscapedOpener() -> Bool {
        let current = source[offset]
        return (current == UInt8(ascii: "$") || current == UInt8(ascii: "%")) && byte(offset + 1) == current && byte(offset + 2) == UInt8(ascii: "{")
    }

    /// `${` or `%{` at the current offset.
    private func templateOpener() -> FormatToken.Kind? {
        let current = source[offset]
        guard byte(offset + 1) == UInt8(ascii: "{") else { return nil }
        if current == UInt8(ascii: "$") { return .interpolation }
        if current == UInt8(ascii: "%") { return .directive }
        return nil
    }

    private mutating func flushLiteral(_ kind: FormatToken.Kind, from start: Int) {
        guard offset > start else { return }
        let end = offset
        offset = start
        emit(kind, end - start)
    }

    /// `${ … }`: the opener, the expression tokens, the closing brace. Template directives
    /// (`%{ if }`, `%{ for }`) are declined: how `terraform fmt` spaces them is not certain.
    private mutating func scanTemplateSequence(_ opener: FormatToken.Kind) -> Bool {
        guard opener == .interpolation else { return false }
        emit(opener, 2)
        guard byte(offset) != UInt8(ascii: "~"), scanExpressions(insideInterpolation: true), byte(offset) == UInt8(ascii: "}") else { return false }
        emit(.sequenceEnd, 1)
        return true
    }

    /// `<<EOF` / `<<-EOF` and its lines up to the closing marker, kept byte for byte except
    /// for the spacing inside interpolations.
    private mutating func scanHeredoc() -> Bool {
        var end = offset + 2
        if byte(end) == UInt8(ascii: "-") { end += 1 }
        let markerStart = end
        guard Self.isNameStart(byte(end)) else { return false }
        while Self.isNamePart(byte(end)) { end += 1 }
        let marker = source[markerStart..<end]
        guard byte(end) == 0x0A else { return false }
        emit(.openHeredoc, end + 1 - offset)
        while offset < source.count {
            var lineEnd = offset
            while lineEnd < source.count, source[lineEnd] != 0x0A { lineEnd += 1 }
            let line = source[offset..<lineEnd].drop { $0 == 0x20 || $0 == 0x09 }
            if line.elementsEqual(marker) {
                emit(.closeHeredoc, lineEnd - offset)
                return true
            }
            var literalStart = offset
            while offset < lineEnd {
                guard source[offset] != 0x0D, stepOverTemplateText(.heredocLiteral, literalStart: &literalStart) else { return false }
            }
            offset = min(lineEnd + 1, source.count)
            flushLiteral(.heredocLiteral, from: literalStart)
        }
        return false
    }
}
