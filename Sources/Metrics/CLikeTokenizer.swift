/// Splits JavaScript, TypeScript and Go source into tokens, dropping comments and keeping each
/// string literal (including regular expressions, raw strings and template literals) whole.
///
/// A template literal is one string token spanning its backticks; the code inside its `${…}`
/// substitutions follows as ordinary tokens, so braces stay balanced. A `/` starts a regular
/// expression (JavaScript only) when the previous token cannot end an expression. Every loop
/// advances at least one byte, so the tokenizer is linear in the input and never hangs on
/// unterminated literals: they end at the end of the line (quotes) or of the file.
struct CLikeTokenizer {
    /// The language family's literal rules.
    enum Dialect: Sendable {
        /// JavaScript and TypeScript: `'` and `"` strings, template literals, regular expressions.
        case javaScript
        /// Go: `"` strings, `'` runes, backtick raw strings.
        case go
    }

    let dialect: Dialect

    /// The tokens of `bytes`.
    func tokens(of bytes: [UInt8]) -> [SourceToken] {
        var tokens: [SourceToken] = []
        tokens.reserveCapacity(bytes.count / 4)
        let count = bytes.count
        var index = 0
        var line = 1
        var braceDepth = 0
        var openTemplates: [(braceDepth: Int, token: Int)] = []

        func scanTemplate(from start: Int, token: Int) -> Int {
            var cursor = start
            while cursor < count {
                let byte = bytes[cursor]
                if byte == UInt8(ascii: "\\") {
                    if cursor + 1 < count, bytes[cursor + 1] == UInt8(ascii: "\n") { line += 1 }
                    cursor += 2
                } else if byte == UInt8(ascii: "`") {
                    tokens[token].end = cursor + 1
                    return cursor + 1
                } else if byte == UInt8(ascii: "$"), cursor + 1 < count, bytes[cursor + 1] == UInt8(ascii: "{") {
                    openTemplates.append((braceDepth, token))
                    return cursor + 2
                } else {
                    if byte == UInt8(ascii: "\n") { line += 1 }
                    cursor += 1
                }
            }
            tokens[token].end = count
            return count
        }

        while index < count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\n"):
                line += 1
                index += 1
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), 0x0B, 0x0C:
                index += 1
            case UInt8(ascii: "/") where index + 1 < count && bytes[index + 1] == UInt8(ascii: "/"):
                while index < count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
            case UInt8(ascii: "/") where index + 1 < count && bytes[index + 1] == UInt8(ascii: "*"):
                index += 2
                while index < count, !(bytes[index] == UInt8(ascii: "*") && index + 1 < count && bytes[index + 1] == UInt8(ascii: "/")) {
                    if bytes[index] == UInt8(ascii: "\n") { line += 1 }
                    index += 1
                }
                index = min(count, index + 2)
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                let start = index
                index += 1
                while index < count, bytes[index] != byte, bytes[index] != UInt8(ascii: "\n") {
                    index += bytes[index] == UInt8(ascii: "\\") && index + 1 < count && bytes[index + 1] != UInt8(ascii: "\n") ? 2 : 1
                }
                if index < count, bytes[index] == byte { index += 1 }
                tokens.append(SourceToken(kind: .string, start: start, end: index, line: line))
            case UInt8(ascii: "`"):
                let start = index
                tokens.append(SourceToken(kind: .string, start: start, end: start + 1, line: line))
                if dialect == .go {
                    index += 1
                    while index < count, bytes[index] != UInt8(ascii: "`") {
                        if bytes[index] == UInt8(ascii: "\n") { line += 1 }
                        index += 1
                    }
                    index = min(count, index + 1)
                    tokens[tokens.count - 1].end = index
                } else {
                    index = scanTemplate(from: index + 1, token: tokens.count - 1)
                }
            case UInt8(ascii: "/") where dialect == .javaScript && regularExpressionMayStart(after: tokens.last, in: bytes):
                let start = index
                index += 1
                var inClass = false
                while index < count, bytes[index] != UInt8(ascii: "\n") {
                    let current = bytes[index]
                    if current == UInt8(ascii: "\\") { index += 2; continue }
                    if current == UInt8(ascii: "[") { inClass = true }
                    else if current == UInt8(ascii: "]") { inClass = false }
                    else if current == UInt8(ascii: "/"), !inClass { index += 1; break }
                    index += 1
                }
                index = min(index, count)
                while index < count, ByteClass.isNameContinuation(bytes[index]) { index += 1 }
                tokens.append(SourceToken(kind: .string, start: start, end: index, line: line))
            case UInt8(ascii: "{"):
                braceDepth += 1
                tokens.append(SourceToken(kind: .punctuation, start: index, end: index + 1, line: line))
                index += 1
            case UInt8(ascii: "}"):
                if let open = openTemplates.last, open.braceDepth == braceDepth {
                    openTemplates.removeLast()
                    index = scanTemplate(from: index + 1, token: open.token)
                } else {
                    braceDepth -= 1
                    tokens.append(SourceToken(kind: .punctuation, start: index, end: index + 1, line: line))
                    index += 1
                }
            default:
                let start = index
                if ByteClass.isNameStart(byte) || byte == UInt8(ascii: "$") {
                    index += 1
                    while index < count, ByteClass.isNameContinuation(bytes[index]) || bytes[index] == UInt8(ascii: "$") { index += 1 }
                    tokens.append(SourceToken(kind: .identifier, start: start, end: index, line: line))
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
        return tokens
    }

    /// Whether a `/` after `previous` begins a regular expression rather than a division.
    private func regularExpressionMayStart(after previous: SourceToken?, in bytes: [UInt8]) -> Bool {
        guard let previous else { return true }
        switch previous.kind {
        case .string, .number:
            return false
        case .punctuation:
            let byte = bytes[previous.start]
            return byte != UInt8(ascii: ")") && byte != UInt8(ascii: "]") && byte != UInt8(ascii: "}")
        case .identifier:
            let text = TokenText(bytes: bytes, tokens: [previous])
            for keyword: StaticString in ["return", "typeof", "case", "do", "else", "in", "of", "new", "delete",
                                          "void", "throw", "instanceof", "yield", "await"]
            where text.equals(previous, keyword) {
                return true
            }
            return false
        }
    }
}
