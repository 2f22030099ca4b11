/// Splits Python source into logical lines of tokens, dropping comments and keeping each
/// string literal (with its `r`/`b`/`f`/`u` prefix, single- or triple-quoted) whole.
///
/// A logical line ends at a newline outside brackets that does not follow a backslash; its
/// indentation is the width of the leading blanks of its first physical line (a tab moves to
/// the next multiple of 8). Unterminated strings end at the end of the line (single quotes) or
/// of the file (triple quotes), so every input tokenizes in linear time.
struct PythonTokenizer {
    /// One logical line: its indentation and the range of its tokens.
    struct LogicalLine: Sendable, Hashable {
        var indent: Int
        var tokens: Range<Int>
    }

    /// The tokens of `bytes` and the logical lines that group them.
    func tokenize(_ bytes: [UInt8]) -> (tokens: [SourceToken], lines: [LogicalLine]) {
        var tokens: [SourceToken] = []
        tokens.reserveCapacity(bytes.count / 4)
        var lines: [LogicalLine] = []
        let count = bytes.count
        var index = 0
        var line = 1
        var depth = 0
        var atPhysicalLineStart = true
        var lineIndent = 0
        var lineFirstToken = 0

        func endLogicalLine() {
            if tokens.count > lineFirstToken {
                lines.append(LogicalLine(indent: lineIndent, tokens: lineFirstToken..<tokens.count))
            }
            lineFirstToken = tokens.count
        }

        while index < count {
            if atPhysicalLineStart {
                atPhysicalLineStart = false
                if depth == 0, tokens.count == lineFirstToken {
                    var width = 0
                    while index < count {
                        let byte = bytes[index]
                        if byte == UInt8(ascii: " ") { width += 1 }
                        else if byte == UInt8(ascii: "\t") { width = (width / 8 + 1) * 8 }
                        else if byte == 0x0C { width = 0 }
                        else { break }
                        index += 1
                    }
                    lineIndent = width
                    continue
                }
            }
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\n"):
                line += 1
                index += 1
                atPhysicalLineStart = true
                if depth == 0 { endLogicalLine() }
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), 0x0C:
                index += 1
            case UInt8(ascii: "#"):
                while index < count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
            case UInt8(ascii: "\\"):
                index += 1
                if index < count, bytes[index] == UInt8(ascii: "\r") { index += 1 }
                if index < count, bytes[index] == UInt8(ascii: "\n") { index += 1; line += 1 }
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                let start = index
                let startLine = line
                index = scanString(bytes, quoteAt: index, line: &line)
                tokens.append(SourceToken(kind: .string, start: start, end: index, line: startLine))
            case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                tokens.append(SourceToken(kind: .punctuation, start: index, end: index + 1, line: line))
                index += 1
            case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
                depth = max(0, depth - 1)
                tokens.append(SourceToken(kind: .punctuation, start: index, end: index + 1, line: line))
                index += 1
            default:
                let start = index
                if ByteClass.isNameStart(byte) {
                    index += 1
                    while index < count, ByteClass.isNameContinuation(bytes[index]) { index += 1 }
                    if index < count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'"),
                       isStringPrefix(bytes[start..<index]) {
                        let startLine = line
                        index = scanString(bytes, quoteAt: index, line: &line)
                        tokens.append(SourceToken(kind: .string, start: start, end: index, line: startLine))
                    } else {
                        tokens.append(SourceToken(kind: .identifier, start: start, end: index, line: line))
                    }
                } else if ByteClass.isDigit(byte) {
                    index += 1
                    while index < count, ByteClass.isNameContinuation(bytes[index]) || bytes[index] == UInt8(ascii: ".") { index += 1 }
                    tokens.append(SourceToken(kind: .number, start: start, end: index, line: line))
                } else {
                    index += 1
                    tokens.append(SourceToken(kind: .punctuation, start: start, end: index, line: line))
                }
            }
        }
        endLogicalLine()
        return (tokens, lines)
    }

    /// Whether `name` is a string prefix such as `r`, `b`, `f`, `rb` or `Rf`.
    private func isStringPrefix(_ name: ArraySlice<UInt8>) -> Bool {
        guard name.count <= 2 else { return false }
        for byte in name {
            switch byte | 0x20 {
            case UInt8(ascii: "r"), UInt8(ascii: "b"), UInt8(ascii: "f"), UInt8(ascii: "u"), UInt8(ascii: "t"):
                continue
            default:
                return false
            }
        }
        return true
    }

    /// Scans the string whose opening quote is at `quoteAt`; returns the offset after it.
    private func scanString(_ bytes: [UInt8], quoteAt: Int, line: inout Int) -> Int {
        let count = bytes.count
        let quote = bytes[quoteAt]
        let triple = quoteAt + 2 < count && bytes[quoteAt + 1] == quote && bytes[quoteAt + 2] == quote
        var index = quoteAt + (triple ? 3 : 1)
        while index < count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\") {
                if index + 1 < count, bytes[index + 1] == UInt8(ascii: "\n") { line += 1 }
                index += 2
                continue
            }
            if byte == UInt8(ascii: "\n") {
                if !triple { return index }
                line += 1
            }
            if byte == quote {
                if !triple { return index + 1 }
                if index + 2 < count, bytes[index + 1] == quote, bytes[index + 2] == quote { return index + 3 }
            }
            index += 1
        }
        return count
    }
}
