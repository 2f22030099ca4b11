/// One token of a test file, as the test scanners see it: comments are gone, and a string
/// literal is one token however much it holds.
struct SourceToken: Sendable, Hashable {
    /// What the token is.
    enum Kind: UInt8, Sendable, Hashable {
        /// A name or keyword.
        case identifier
        /// A string literal (quoted, triple-quoted, raw or template); `start..<end` includes the quotes.
        case string
        /// A number literal.
        case number
        /// One punctuation byte (`bytes[start]`).
        case punctuation
    }

    var kind: Kind
    /// Byte offset of the first byte.
    var start: Int
    /// Byte offset after the last byte.
    var end: Int
    /// 1-based line of the first byte.
    var line: Int
}

/// Byte classes shared by the tokenizers.
enum ByteClass {
    /// ASCII letters, `_`, and every byte of a multi-byte UTF-8 sequence (non-ASCII names).
    static func isNameStart(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || byte == 0x5F || byte >= 0x80
    }

    /// A name byte after the first: a name start or an ASCII digit.
    static func isNameContinuation(_ byte: UInt8) -> Bool {
        isNameStart(byte) || isDigit(byte)
    }

    /// An ASCII digit.
    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= 0x30 && byte <= 0x39
    }
}

/// Reads token text and compares it without building strings on the hot path.
struct TokenText {
    let bytes: [UInt8]
    let tokens: [SourceToken]

    /// Whether token `index` exists and is the identifier `name` (ASCII).
    func isIdentifier(_ index: Int, _ name: StaticString) -> Bool {
        guard index >= 0, index < tokens.count, tokens[index].kind == .identifier else { return false }
        return equals(tokens[index], name)
    }

    /// Whether token `index` exists and is the punctuation byte `byte`.
    func isPunctuation(_ index: Int, _ byte: UInt8) -> Bool {
        guard index >= 0, index < tokens.count else { return false }
        let token = tokens[index]
        return token.kind == .punctuation && bytes[token.start] == byte
    }

    /// Whether the token's bytes equal `name`.
    func equals(_ token: SourceToken, _ name: StaticString) -> Bool {
        let length = name.utf8CodeUnitCount
        guard token.end - token.start == length else { return false }
        return name.withUTF8Buffer { buffer in
            for offset in 0..<length where bytes[token.start + offset] != buffer[offset] { return false }
            return true
        }
    }

    /// Whether the token's bytes start with `prefix`.
    func hasPrefix(_ token: SourceToken, _ prefix: StaticString) -> Bool {
        let length = prefix.utf8CodeUnitCount
        guard token.end - token.start >= length else { return false }
        return prefix.withUTF8Buffer { buffer in
            for offset in 0..<length where bytes[token.start + offset] != buffer[offset] { return false }
            return true
        }
    }

    /// The token's source text.
    func text(_ token: SourceToken) -> String {
        String(decoding: bytes[token.start..<token.end], as: UTF8.self)
    }

    /// A string literal's text without its quotes and prefix (escapes are kept as written).
    func stringContent(_ token: SourceToken) -> String {
        var start = token.start
        var end = token.end
        while start < end, ByteClass.isNameStart(bytes[start]) { start += 1 }  // Python prefixes
        let quote = start < end ? bytes[start] : 0
        var quoteLength = 0
        while quoteLength < 3, start + quoteLength < end, bytes[start + quoteLength] == quote { quoteLength += 1 }
        if quoteLength == 2 { quoteLength = 1 }  // "" is an empty string, not half a triple quote
        if quoteLength == 3, end - start < 6 { quoteLength = 1 }
        start += quoteLength
        var closing = 0
        while closing < quoteLength, end > start, bytes[end - 1] == quote { end -= 1; closing += 1 }
        return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
    }

    /// For every bracket token, the index of its partner (or -1 when unbalanced).
    func matchingBrackets() -> [Int] {
        var partner = [Int](repeating: -1, count: tokens.count)
        var open: [Int] = []
        for (index, token) in tokens.enumerated() where token.kind == .punctuation {
            switch bytes[token.start] {
            case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
                open.append(index)
            case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
                if let opener = open.popLast() {
                    partner[opener] = index
                    partner[index] = opener
                }
            default:
                break
            }
        }
        return partner
    }
}
