/// Finds the extent and the parts of string literals in a byte buffer.
///
/// The tokenizer uses it to find where a literal ends; the parser uses it again to split an
/// f-string into literal text and replacement fields. Replacement fields follow PEP 701
/// (Python 3.12): a field may hold strings with the same quotes as the enclosing f-string.
struct StringLiteralScanner {
    /// One piece of an f-string body or format spec.
    enum Piece {
        /// Literal text, still with escapes and doubled braces, as byte offsets.
        case literal(Range<Int>)
        /// A replacement field `{...}`.
        case field(Field)
    }

    /// A replacement field of an f-string.
    struct Field {
        /// The offset of the opening `{`.
        var open: Int
        /// The expression's bytes (without a trailing `=` and whitespace).
        var expression: Range<Int>
        /// For `{expr=}`: the text from the expression's start through the `=` and whitespace.
        var debugText: Range<Int>?
        /// The conversion character (`r`, `s` or `a`) and its offset.
        var conversion: (byte: UInt8, offset: Int)?
        /// The format spec's pieces and the offsets they span, after the `:`.
        var formatSpec: (pieces: [Piece], range: Range<Int>)?
        /// The offset just after the closing `}` (or where scanning stopped).
        var close: Int
    }

    /// A problem found while scanning, at a byte offset range.
    struct Problem {
        var summary: String
        var detail: String
        var range: Range<Int>
    }

    /// The quoting of one literal.
    struct Quoting {
        var quote: UInt8
        var isTriple: Bool
        var isRaw: Bool
        var isFormatted: Bool
        var isBytes: Bool
        /// Offset of the first byte after the opening quote(s).
        var bodyStart: Int
        /// Offset of the first prefix letter (or of the quote when there is no prefix).
        var prefixStart: Int
    }

    let bytes: [UInt8]
    let limit: Int
    var problems: [Problem] = []

    /// How deeply f-strings may nest inside replacement fields.
    static let maximumNesting = 50

    init(bytes: [UInt8], limit: Int) {
        self.bytes = bytes
        self.limit = limit
    }

    /// Reads the prefix letters at `prefixStart` up to the quote at `quoteOffset`.
    func quoting(prefixStart: Int, quoteOffset: Int) -> Quoting {
        var quoting = Quoting(quote: bytes[quoteOffset], isTriple: false, isRaw: false,
                              isFormatted: false, isBytes: false, bodyStart: quoteOffset + 1,
                               prefixStart: prefixStart)
        for index in prefixStart..<quoteOffset {
            switch bytes[index] | 0x20 {
            case UInt8(ascii: "r"): quoting.isRaw = true
            case UInt8(ascii: "f"): quoting.isFormatted = true
            case UInt8(ascii: "b"): quoting.isBytes = true
            default: break
            }
        }
        let quote = quoting.quote
        if quoteOffset + 2 < limit && bytes[quoteOffset + 1] == quote && bytes[quoteOffset + 2] == quote {
            quoting.isTriple = true
            quoting.bodyStart = quoteOffset + 3
        }
        return quoting
    }

    /// Whether the closing quote(s) start at `index`.
    private func isClosing(_ index: Int, _ quoting: Quoting) -> Bool {
        guard index < limit, bytes[index] == quoting.quote else { return false }
        if !quoting.isTriple { return true }
        return index + 2 < limit && bytes[index + 1] == quoting.quote && bytes[index + 2] == quoting.quote
    }

    private func isLineBreak(_ byte: UInt8) -> Bool { byte == 0x0A || byte == 0x0D }

    /// Scans a literal whose prefix starts at `prefixStart` and whose quote is at
    /// `quoteOffset`; returns the offset after its end and whether it was terminated.
    mutating func scanLiteral(prefixStart: Int, quoteOffset: Int, nesting: Int = 0) -> (end: Int, terminated: Bool) {
        let quoting = quoting(prefixStart: prefixStart, quoteOffset: quoteOffset)
        if quoting.isFormatted {
            let result = scanFStringBody(quoting, from: quoting.bodyStart, inSpec: false, nesting: nesting)
            return (result.end, result.terminated)
        }
        var index = quoting.bodyStart
        while index < limit {
            let byte = bytes[index]
            if isClosing(index, quoting) {
                return (index + (quoting.isTriple ? 3 : 1), true)
            }
            if byte == UInt8(ascii: "\\") {
                index += 1
                if index < limit && bytes[index] == 0x0D && index + 1 < limit && bytes[index + 1] == 0x0A {
                    index += 1
                }
                index += 1
                continue
            }
            if !quoting.isTriple && isLineBreak(byte) { break }
            index += 1
        }
        reportUnterminated(prefixStart: prefixStart, at: index, quoting)
        return (min(index, limit), false)
    }

    private mutating func reportUnterminated(prefixStart: Int, at index: Int, _ quoting: Quoting) {
        if quoting.isTriple {
            problems.append(Problem(
                summary: "unterminated triple-quoted string literal",
                detail: "This string starts with three quotes but the file ends before the closing three quotes. Add the closing quotes.",
                range: prefixStart..<min(index, limit)))
        } else {
            problems.append(Problem(
                summary: "unterminated string literal",
                detail: "The string is not closed before the end of the line. Add the closing quote, or use a triple-quoted string for text that spans lines.",
                range: prefixStart..<min(index, limit)))
        }
    }

    /// Scans an f-string body (or, with `inSpec`, a format spec up to its closing `}`).
    mutating func scanFStringBody(_ quoting: Quoting, from start: Int, inSpec: Bool,
                                  nesting: Int) -> (pieces: [Piece], end: Int, terminated: Bool) {
        var pieces: [Piece] = []
        var index = start
        var literalStart = start
        func flush(_ upTo: Int, _ pieces: inout [Piece]) {
            if upTo > literalStart { pieces.append(.literal(literalStart..<upTo)) }
        }
        while index < limit {
            let byte = bytes[index]
            if isClosing(index, quoting) {
                if inSpec {
                    flush(index, &pieces)
                    return (pieces, index, false)
                }
                flush(index, &pieces)
                return (pieces, index + (quoting.isTriple ? 3 : 1), true)
            }
            if !quoting.isTriple && isLineBreak(byte) { break }
            if byte == UInt8(ascii: "\\") {
                let next = index + 1 < limit ? bytes[index + 1] : 0
                if next == UInt8(ascii: "{") || next == UInt8(ascii: "}") {
                    index += 1
                } else if !quoting.isRaw && next == UInt8(ascii: "N") && index + 2 < limit
                            && bytes[index + 2] == UInt8(ascii: "{") {
                    index += 3
                    while index < limit && bytes[index] != UInt8(ascii: "}") && !isClosing(index, quoting)
                            && !isLineBreak(bytes[index]) {
                        index += 1
                    }
                    if index < limit && bytes[index] == UInt8(ascii: "}") { index += 1 }
                } else {
                    index += 2
                }
                continue
            }
            if byte == UInt8(ascii: "{") {
                if !inSpec && index + 1 < limit && bytes[index + 1] == UInt8(ascii: "{") {
                    index += 2
                    continue
                }
                flush(index, &pieces)
                if nesting >= StringLiteralScanner.maximumNesting {
                    problems.append(Problem(
                        summary: "f-string: expressions nested too deeply",
                        detail: "Replacement fields and format specs nest too deeply to be read. Move the inner parts into variables.",
                        range: index..<index + 1))
                    var lineEnd = index
                    while lineEnd < limit && !isLineBreak(bytes[lineEnd]) { lineEnd += 1 }
                    return (pieces, lineEnd, false)
                }
                let field = scanField(quoting, open: index, nesting: nesting + 1)
                pieces.append(.field(field))
                index = field.close
                literalStart = index
                continue
            }
            if byte == UInt8(ascii: "}") {
                if inSpec {
                    flush(index, &pieces)
                    return (pieces, index, true)
                }
                if index + 1 < limit && bytes[index + 1] == UInt8(ascii: "}") {
                    index += 2
                    continue
                }
                problems.append(Problem(
                    summary: "f-string: single '}' is not allowed",
                    detail: "A lone closing brace in an f-string must be doubled ('}}') to stand for itself.",
                    range: index..<index + 1))
                index += 1
                continue
            }
            index += 1
        }
        flush(min(index, limit), &pieces)
        if !inSpec {
            reportUnterminated(prefixStart: quoting.prefixStart, at: index, quoting)
        }
        return (pieces, min(index, limit), false)
    }

    /// Scans a replacement field whose `{` is at `open`.
    private mutating func scanField(_ quoting: Quoting, open: Int, nesting: Int) -> Field {
        var field = Field(open: open, expression: open + 1..<open + 1, debugText: nil,
                          conversion: nil, formatSpec: nil, close: open + 1)
        var index = open + 1
        var depth = 0
        let expressionStart = index
        var expressionEnd = -1
        scan: while index < limit {
            let byte = bytes[index]
            if quoting.isTriple && isClosing(index, quoting) && depth == 0 { break scan }
            switch byte {
            case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                index += 1
            case UInt8(ascii: ")"), UInt8(ascii: "]"):
                depth = max(0, depth - 1)
                index += 1
            case UInt8(ascii: "}"):
                if depth == 0 {
                    if expressionEnd < 0 { expressionEnd = index }
                    field.expression = expressionStart..<expressionEnd
                    field.close = index + 1
                    return field
                }
                depth -= 1
                index += 1
            case 0x0A, 0x0D:
                if depth == 0 && !quoting.isTriple { break scan }
                index += 1
            case UInt8(ascii: "'"), UInt8(ascii: "\""):
                index = scanNestedLiteral(prefixStart: index, quoteOffset: index, nesting: nesting)
            case UInt8(ascii: "#"):
                while index < limit && !isLineBreak(bytes[index]) { index += 1 }
            case UInt8(ascii: "!") where depth == 0:
                if index + 1 < limit && bytes[index + 1] == UInt8(ascii: "=") {
                    index += 2
                    continue
                }
                if expressionEnd < 0 { expressionEnd = index }
                index += 1
                if index < limit && isNameByte(bytes[index]) {
                    field.conversion = (bytes[index], index)
                    while index < limit && isNameByte(bytes[index]) { index += 1 }
                }
                continue
            case UInt8(ascii: "=") where depth == 0:
                let previous = index > expressionStart ? bytes[index - 1] : 0
                let next = index + 1 < limit ? bytes[index + 1] : 0
                if next == UInt8(ascii: "=") {
                    index += 2
                    continue
                }
                if previous == UInt8(ascii: "=") || previous == UInt8(ascii: "!") || previous == UInt8(ascii: "<")
                    || previous == UInt8(ascii: ">") || expressionEnd >= 0 {
                    index += 1
                    continue
                }
                expressionEnd = index
                index += 1
                while index < limit && (bytes[index] == 0x20 || bytes[index] == 0x09) { index += 1 }
                field.debugText = expressionStart..<index
            case UInt8(ascii: ":") where depth == 0:
                if expressionEnd < 0 { expressionEnd = index }
                let specStart = index + 1
                let spec = scanFStringBody(quoting, from: specStart, inSpec: true, nesting: nesting)
                field.expression = expressionStart..<expressionEnd
                field.formatSpec = (spec.pieces, specStart..<spec.end)
                if spec.terminated && spec.end < limit && bytes[spec.end] == UInt8(ascii: "}") {
                    field.close = spec.end + 1
                } else {
                    field.close = spec.end
                    problems.append(Problem(
                        summary: "f-string: expecting '}'",
                        detail: "A replacement field is opened with '{' but not closed. Add the closing '}'.",
                        range: open..<open + 1))
                }
                return field
            default:
                if isNameByte(byte) {
                    // A name that may be a string prefix directly before a quote.
                    let nameStart = index
                    while index < limit && isNameByte(bytes[index]) { index += 1 }
                    if index < limit && (bytes[index] == UInt8(ascii: "'") || bytes[index] == UInt8(ascii: "\""))
                        && index - nameStart <= 2 && Self.isStringPrefix(bytes[nameStart..<index]) {
                        index = scanNestedLiteral(prefixStart: nameStart, quoteOffset: index, nesting: nesting)
                    }
                } else {
                    index += 1
                }
            }
        }
        if expressionEnd < 0 { expressionEnd = min(index, limit) }
        field.expression = expressionStart..<expressionEnd
        field.close = min(index, limit)
        problems.append(Problem(
            summary: "f-string: expecting '}'",
            detail: "A replacement field is opened with '{' but not closed. Add the closing '}'.",
            range: open..<open + 1))
        return field
    }

    /// Scans a string literal inside a replacement field and returns its end.
    ///
    /// As in Python 3.12, the literal may use the enclosing f-string's quotes. An unterminated
    /// inner literal is not retried as the enclosing literal's end (Python 3.11's reading):
    /// retrying re-scans nested text and takes time exponential in the nesting depth.
    private mutating func scanNestedLiteral(prefixStart: Int, quoteOffset: Int, nesting: Int) -> Int {
        let result = scanLiteral(prefixStart: prefixStart, quoteOffset: quoteOffset, nesting: nesting)
        return max(result.end, quoteOffset + 1)
    }

    private func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
            || byte == 0x5F || byte >= 0x80
    }

    /// Whether the bytes are a string prefix (`r`, `b`, `u`, `f`, `br`, `rb`, `fr`, `rf`, any case).
    static func isStringPrefix(_ letters: ArraySlice<UInt8>) -> Bool {
        var raw = 0, bytes = 0, unicode = 0, formatted = 0
        for letter in letters {
            switch letter | 0x20 {
            case UInt8(ascii: "r"): raw += 1
            case UInt8(ascii: "b"): bytes += 1
            case UInt8(ascii: "u"): unicode += 1
            case UInt8(ascii: "f"): formatted += 1
            default: return false
            }
        }
        if raw > 1 || bytes > 1 || unicode > 1 || formatted > 1 { return false }
        if unicode == 1 { return letters.count == 1 }
        if bytes == 1 && formatted == 1 { return false }
        return !letters.isEmpty
    }
}
