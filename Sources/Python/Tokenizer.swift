/// Splits Python source bytes into tokens, with INDENT/DEDENT and NEWLINE as CPython makes them.
///
/// Works on UTF-8 bytes. Bytes at or above 0x80 may appear in names; invalid UTF-8, NUL bytes
/// and stray characters are reported as diagnostics and never stop the scan. Inside brackets a
/// line that starts with a keyword that only starts statements (such as `def` or `return`)
/// ends the brackets with a diagnostic, so that one unclosed bracket does not swallow the rest
/// of the file.
public struct Tokenizer {
    private let bytes: [UInt8]
    private let lines: LineTable
    private var index: Int
    private let limit: Int
    /// Whether this tokenizes the expression of an f-string replacement field.
    private let isFragment: Bool

    private var tokens: [Token] = []
    private var diagnostics: [Diagnostic] = []
    private var brackets: [(byte: UInt8, offset: Int)] = []
    private var indents: [Int] = [0]
    private var alternateIndents: [Int] = [0]
    private var atLineStart = true
    /// The line index of the last location looked up, to find the next one quickly.
    private var lineHint = 0
    private var lineHasTokens = false

    /// Tokenizes a whole file.
    public static func tokenize(_ bytes: [UInt8]) -> (tokens: [Token], diagnostics: [Diagnostic]) {
        var tokenizer = Tokenizer(bytes: bytes, lines: LineTable(bytes: bytes),
                                  range: 0..<bytes.count, isFragment: false)
        tokenizer.checkEncoding()
        tokenizer.run()
        // Python refuses a NUL byte anywhere, inside a string or a comment too, before anything else.
        if let nul = bytes.firstIndex(of: 0), !tokenizer.diagnostics.contains(where: { $0.summary == nullByteSummary }) {
            tokenizer.diagnostics.insert(Diagnostic(summary: nullByteSummary, detail: nullByteDetail, range: tokenizer.lines.range(nul, nul + 1)), at: 0)
        }
        return (tokenizer.tokens, tokenizer.diagnostics)
    }

    static let nullByteSummary = "source code cannot contain null bytes"
    static let nullByteDetail = "The file contains a NUL byte, which Python does not accept in source code. Remove it; the file may be binary or in another encoding."

    /// Tokenizes the expression part of an f-string replacement field: no NEWLINE, INDENT or
    /// DEDENT tokens, line breaks are plain whitespace.
    static func tokenizeFragment(_ bytes: [UInt8], lines: LineTable, range: Range<Int>)
        -> (tokens: [Token], diagnostics: [Diagnostic]) {
        var tokenizer = Tokenizer(bytes: bytes, lines: lines, range: range, isFragment: true)
        tokenizer.run()
        return (tokenizer.tokens, tokenizer.diagnostics)
    }

    private init(bytes: [UInt8], lines: LineTable, range: Range<Int>, isFragment: Bool) {
        self.bytes = bytes
        self.lines = lines
        self.index = range.lowerBound
        self.limit = range.upperBound
        self.isFragment = isFragment
        if !isFragment && range.lowerBound == 0 && bytes.count >= 3
            && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
            index = 3
        }
    }

    // MARK: - Diagnostics

    private mutating func report(_ summary: String, _ detail: String, _ start: Int, _ end: Int) {
        diagnostics.append(Diagnostic(summary: summary, detail: detail, range: lines.range(start, end)))
    }

    /// Reports the first invalid UTF-8 sequence, if any.
    private mutating func checkEncoding() {
        var position = 0
        let count = bytes.count
        while position < count {
            let lead = bytes[position]
            if lead < 0x80 {
                position += 1
                continue
            }
            var length = 0
            var minimum: UInt32 = 0
            var scalar: UInt32 = 0
            switch lead {
            case 0xC2...0xDF: length = 2; minimum = 0x80; scalar = UInt32(lead & 0x1F)
            case 0xE0...0xEF: length = 3; minimum = 0x800; scalar = UInt32(lead & 0x0F)
            case 0xF0...0xF4: length = 4; minimum = 0x10000; scalar = UInt32(lead & 0x07)
            default: length = 0
            }
            var valid = length > 0 && position + length <= count
            if valid {
                for offset in 1..<length {
                    let byte = bytes[position + offset]
                    if byte & 0xC0 != 0x80 { valid = false; break }
                    scalar = scalar << 6 | UInt32(byte & 0x3F)
                }
            }
            if valid && (scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar)) {
                valid = false
            }
            if !valid {
                report("invalid UTF-8 in source",
                       "The file is not valid UTF-8 (byte 0x\(String(lead, radix: 16, uppercase: true)) at offset \(position)). Save the file as UTF-8; names and strings around this byte may be read wrongly.",
                       position, position + 1)
                return
            }
            position += length
        }
    }

    // MARK: - Main loop

    private mutating func emit(_ kind: TokenKind, _ start: Int, _ end: Int) {
        let range = SourceRange(start: lines.location(start, hint: &lineHint), end: lines.location(end, hint: &lineHint))
        tokens.append(Token(kind: kind, range: range))
        if kind != .newline && kind != .indent && kind != .dedent { lineHasTokens = true }
    }

    private func isLineBreak(_ byte: UInt8) -> Bool { byte == 0x0A || byte == 0x0D }

    private func isNameStart(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || byte == 0x5F || byte >= 0x80
    }

    private func isNameByte(_ byte: UInt8) -> Bool {
        isNameStart(byte) || (byte >= 0x30 && byte <= 0x39)
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// Skips one line break at `index` (`\r\n` counts as one).
    private mutating func skipLineBreak() {
        if bytes[index] == 0x0D && index + 1 < limit && bytes[index + 1] == 0x0A { index += 2 } else { index += 1 }
    }

    private mutating func run() {
        while true {
            if atLineStart && brackets.isEmpty && !isFragment {
                readIndentation()
            }
            while index < limit, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0C {
                index += 1
            }
            guard index < limit else { break }
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "#"):
                while index < limit && !isLineBreak(bytes[index]) { index += 1 }
            case 0x0A, 0x0D:
                let start = index
                skipLineBreak()
                if isFragment { continue }
                if brackets.isEmpty {
                    if lineHasTokens { emit(.newline, start, index) }
                    lineHasTokens = false
                    atLineStart = true
                } else if closesBracketsForStatement() {
                    if lineHasTokens { emit(.newline, start, start) }
                    lineHasTokens = false
                    atLineStart = true
                }
            case UInt8(ascii: "\\"):
                let start = index
                index += 1
                if index < limit && isLineBreak(bytes[index]) {
                    skipLineBreak()
                    if index >= limit && !isFragment {
                        report("unexpected EOF while parsing",
                               "The file ends right after a line continuation character ('\\'). Remove the backslash or continue the statement.",
                               start, start + 1)
                    }
                } else {
                    report("unexpected character after line continuation character",
                           "A backslash outside a string must be the last character on its line. Remove what follows it, or the backslash.",
                           start, start + 1)
                    emit(.error, start, start + 1)
                }
            case 0:
                report(Self.nullByteSummary, Self.nullByteDetail, index, index + 1)
                index += 1
            case UInt8(ascii: "'"), UInt8(ascii: "\""):
                readString(prefixStart: index, quoteOffset: index)
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                readNumber()
            case UInt8(ascii: "."):
                if index + 1 < limit && isDigit(bytes[index + 1]) { readNumber() } else { readPunctuator() }
            default:
                if isNameStart(byte) {
                    readName()
                } else {
                    readPunctuator()
                }
            }
        }
        finish()
    }

    private mutating func finish() {
        if !isFragment {
            for bracket in brackets.reversed() {
                report("'\(Character(UnicodeScalar(bracket.byte)))' was never closed",
                       "The file ends before this bracket is closed. Add the matching closing bracket.",
                       bracket.offset, bracket.offset + 1)
            }
            brackets.removeAll()
            if lineHasTokens { emit(.newline, limit, limit) }
            while indents.count > 1 {
                indents.removeLast()
                emit(.dedent, limit, limit)
            }
        }
        emit(.endMarker, limit, limit)
    }

    /// Measures the indentation of the next non-blank line and emits INDENT/DEDENT tokens.
    private mutating func readIndentation() {
        while true {
            var column = 0
            var alternate = 0
            var position = index
            while position < limit {
                let byte = bytes[position]
                if byte == 0x20 {
                    column += 1
                    alternate += 1
                } else if byte == 0x09 {
                    column = (column / 8 + 1) * 8
                    alternate += 1
                } else if byte == 0x0C {
                    column = 0
                    alternate = 0
                } else {
                    break
                }
                position += 1
            }
            index = position
            guard position < limit else { atLineStart = false; return }
            let byte = bytes[position]
            if byte == UInt8(ascii: "#") || isLineBreak(byte) {
                while index < limit && !isLineBreak(bytes[index]) { index += 1 }
                if index < limit { skipLineBreak() }
                continue
            }
            atLineStart = false
            let lineStart = lines.location(position).offset - lines.location(position).column
            if column > indents[indents.count - 1] {
                if alternate <= alternateIndents[alternateIndents.count - 1] {
                    reportInconsistentTabs(position)
                }
                indents.append(column)
                alternateIndents.append(alternate)
                emit(.indent, lineStart, position)
            } else {
                while indents.count > 1 && column < indents[indents.count - 1] {
                    indents.removeLast()
                    alternateIndents.removeLast()
                    emit(.dedent, position, position)
                }
                if column != indents[indents.count - 1] {
                    report("unindent does not match any outer indentation level",
                           "This line is indented less than the block it is in, but not as far as any enclosing block. Indent it to match one of the enclosing blocks.",
                           lineStart, position)
                } else if alternate != alternateIndents[alternateIndents.count - 1] {
                    reportInconsistentTabs(position)
                }
            }
            return
        }
    }

    private mutating func reportInconsistentTabs(_ position: Int) {
        let location = lines.location(position)
        report("inconsistent use of tabs and spaces in indentation",
               "This line's indentation mixes tabs and spaces in a way that depends on the tab width. Indent with spaces only.",
               position - location.column, position)
    }

    private static let statementKeywords: Set<String> = [
        "def", "class", "return", "import", "with", "while", "try", "except", "finally", "raise",
        "pass", "break", "continue", "global", "nonlocal", "del", "assert", "elif",
    ]

    /// Inside brackets after a line break: whether the next line starts with a keyword that
    /// can only begin a statement (so the brackets cannot still be open). If so, reports and
    /// forgets the open brackets.
    private mutating func closesBracketsForStatement() -> Bool {
        var position = index
        while position < limit && (bytes[position] == 0x20 || bytes[position] == 0x09 || bytes[position] == 0x0C) {
            position += 1
        }
        let wordStart = position
        while position < limit && isNameByte(bytes[position]) { position += 1 }
        guard position > wordStart, position - wordStart <= 8 else { return false }
        let word = String(decoding: bytes[wordStart..<position], as: UTF8.self)
        guard Tokenizer.statementKeywords.contains(word) else { return false }
        for bracket in brackets.reversed() {
            report("'\(Character(UnicodeScalar(bracket.byte)))' was never closed",
                   "A new statement starts before this bracket is closed. Add the matching closing bracket.",
                   bracket.offset, bracket.offset + 1)
        }
        brackets.removeAll()
        return true
    }

    // MARK: - Tokens

    private mutating func readName() {
        let start = index
        while index < limit && isNameByte(bytes[index]) { index += 1 }
        let length = index - start
        if length <= 2 && index < limit && (bytes[index] == UInt8(ascii: "'") || bytes[index] == UInt8(ascii: "\""))
            && StringLiteralScanner.isStringPrefix(bytes[start..<index]) {
            readString(prefixStart: start, quoteOffset: index)
            return
        }
        if length <= 8, length >= 2, bytes[start] < 0x80,
           let keyword = Tokenizer.keywords[String(decoding: bytes[start..<index], as: UTF8.self)] {
            emit(.keyword(keyword), start, index)
        } else {
            emit(.name, start, index)
        }
    }

    private mutating func readString(prefixStart: Int, quoteOffset: Int) {
        var scanner = StringLiteralScanner(bytes: bytes, limit: limit)
        let result = scanner.scanLiteral(prefixStart: prefixStart, quoteOffset: quoteOffset)
        // Nested literals report their own problems first; when the literal is unterminated, only
        // the outermost "unterminated" problem (reported last) is kept, as the others follow from it.
        let outermostUnterminated = scanner.problems.lastIndex { $0.summary.hasPrefix("unterminated") }
        for (position, problem) in scanner.problems.enumerated() {
            if let outermostUnterminated, position != outermostUnterminated,
               problem.summary.hasPrefix("unterminated") || problem.summary == "f-string: expecting '}'" {
                continue
            }
            if isFragment && outermostUnterminated == nil { continue }
            report(problem.summary, problem.detail, problem.range.lowerBound, problem.range.upperBound)
        }
        index = max(result.end, quoteOffset + 1)
        emit(result.terminated ? .string : .error, prefixStart, index)
    }

    private mutating func readDigits(_ accept: (UInt8) -> Bool) -> Int {
        var count = 0
        while index < limit {
            let byte = bytes[index]
            if accept(byte) {
                count += 1
            } else if byte == UInt8(ascii: "_") && index + 1 < limit && accept(bytes[index + 1]) && count > 0 {
                // An underscore between digits.
            } else {
                break
            }
            index += 1
        }
        return count
    }

    private mutating func readNumber() {
        let start = index
        if bytes[index] == UInt8(ascii: "0") && index + 1 < limit {
            let marker = bytes[index + 1] | 0x20
            var accept: ((UInt8) -> Bool)?
            var name = ""
            switch marker {
            case UInt8(ascii: "x"):
                accept = { ($0 >= 0x30 && $0 <= 0x39) || (($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x66) }
                name = "hexadecimal"
            case UInt8(ascii: "o"):
                accept = { $0 >= 0x30 && $0 <= 0x37 }
                name = "octal"
            case UInt8(ascii: "b"):
                accept = { $0 == 0x30 || $0 == 0x31 }
                name = "binary"
            default: break
            }
            if let accept {
                index += 2
                if index < limit && bytes[index] == UInt8(ascii: "_") { index += 1 }
                let count = readDigits(accept)
                if count == 0 || (index < limit && isDigit(bytes[index])) {
                    report("invalid \(name) literal",
                           "A \(name) literal needs at least one valid digit after its prefix. Fix the digits.",
                           start, max(index, start + 2))
                    while index < limit && isNameByte(bytes[index]) { index += 1 }
                }
                emit(.number, start, index)
                return
            }
        }
        _ = readDigits(isDigit)
        if index < limit && bytes[index] == UInt8(ascii: ".") {
            index += 1
            _ = readDigits(isDigit)
        }
        if index < limit && (bytes[index] | 0x20) == UInt8(ascii: "e") {
            var probe = index + 1
            if probe < limit && (bytes[probe] == UInt8(ascii: "+") || bytes[probe] == UInt8(ascii: "-")) { probe += 1 }
            if probe < limit && isDigit(bytes[probe]) {
                index = probe
                _ = readDigits(isDigit)
            }
        }
        if index < limit && (bytes[index] | 0x20) == UInt8(ascii: "j") { index += 1 }
        emit(.number, start, index)
    }

    private static let keywords: [String: Keyword] = Dictionary(
        uniqueKeysWithValues: Keyword.allCases.map { ($0.rawValue, $0) })

    /// The operator or delimiter at `index` and its length in bytes.
    private func punctuatorAt(_ position: Int) -> (Punctuator, Int)? {
        func at(_ offset: Int) -> UInt8 { position + offset < limit ? bytes[position + offset] : 0 }
        let equal = UInt8(ascii: "=")
        let next = at(1)
        /// `plain`, or `withEqual` when followed by `=`.
        func orEqual(_ plain: Punctuator, _ withEqual: Punctuator) -> (Punctuator, Int) {
            next == equal ? (withEqual, 2) : (plain, 1)
        }
        switch bytes[position] {
        case UInt8(ascii: "("): return (.leftParen, 1)
        case UInt8(ascii: ")"): return (.rightParen, 1)
        case UInt8(ascii: "["): return (.leftBracket, 1)
        case UInt8(ascii: "]"): return (.rightBracket, 1)
        case UInt8(ascii: "{"): return (.leftBrace, 1)
        case UInt8(ascii: "}"): return (.rightBrace, 1)
        case UInt8(ascii: ","): return (.comma, 1)
        case UInt8(ascii: ";"): return (.semicolon, 1)
        case UInt8(ascii: "~"): return (.tilde, 1)
        case UInt8(ascii: ":"): return orEqual(.colon, .colonEqual)
        case UInt8(ascii: "+"): return orEqual(.plus, .plusEqual)
        case UInt8(ascii: "%"): return orEqual(.percent, .percentEqual)
        case UInt8(ascii: "&"): return orEqual(.ampersand, .ampersandEqual)
        case UInt8(ascii: "|"): return orEqual(.verticalBar, .verticalBarEqual)
        case UInt8(ascii: "^"): return orEqual(.circumflex, .circumflexEqual)
        case UInt8(ascii: "@"): return orEqual(.at, .atEqual)
        case UInt8(ascii: "="): return orEqual(.equal, .equalEqual)
        case UInt8(ascii: "!"): return orEqual(.exclamation, .notEqual)
        case UInt8(ascii: "-"):
            if next == UInt8(ascii: ">") { return (.arrow, 2) }
            return orEqual(.minus, .minusEqual)
        case UInt8(ascii: "*"):
            if next == UInt8(ascii: "*") { return at(2) == equal ? (.doubleStarEqual, 3) : (.doubleStar, 2) }
            return orEqual(.star, .starEqual)
        case UInt8(ascii: "/"):
            if next == UInt8(ascii: "/") { return at(2) == equal ? (.doubleSlashEqual, 3) : (.doubleSlash, 2) }
            return orEqual(.slash, .slashEqual)
        case UInt8(ascii: "<"):
            if next == UInt8(ascii: "<") { return at(2) == equal ? (.leftShiftEqual, 3) : (.leftShift, 2) }
            return orEqual(.less, .lessEqual)
        case UInt8(ascii: ">"):
            if next == UInt8(ascii: ">") { return at(2) == equal ? (.rightShiftEqual, 3) : (.rightShift, 2) }
            return orEqual(.greater, .greaterEqual)
        case UInt8(ascii: "."):
            if next == UInt8(ascii: ".") && at(2) == UInt8(ascii: ".") { return (.ellipsis, 3) }
            return (.dot, 1)
        default: return nil
        }
    }

    private mutating func readPunctuator() {
        let start = index
        let byte = bytes[index]
        guard let (punctuator, length) = punctuatorAt(index), punctuator != .exclamation || isFragment else {
            report("invalid character",
                   "This character cannot start a Python token here. Remove it or put it inside a string or comment.",
                   start, start + 1)
            index += 1
            emit(.error, start, index)
            return
        }
        index += length
        switch punctuator {
        case .leftParen, .leftBracket, .leftBrace:
            if !isFragment { brackets.append((byte, start)) }
        case .rightParen, .rightBracket, .rightBrace:
            if isFragment { break }
            if let open = brackets.last {
                let expected: UInt8 = open.byte == UInt8(ascii: "(") ? UInt8(ascii: ")")
                    : open.byte == UInt8(ascii: "[") ? UInt8(ascii: "]") : UInt8(ascii: "}")
                if expected != byte {
                    report("closing parenthesis '\(Character(UnicodeScalar(byte)))' does not match opening parenthesis '\(Character(UnicodeScalar(open.byte)))'",
                           "The brackets are not balanced. Close the inner bracket before the outer one.",
                           start, start + 1)
                }
                brackets.removeLast()
            } else {
                report("unmatched '\(Character(UnicodeScalar(byte)))'",
                       "This closing bracket has no matching opening bracket. Remove it or add the opening bracket.",
                       start, start + 1)
            }
        default: break
        }
        emit(.punctuator(punctuator), start, index)
    }
}
