/// The recursive-descent parser for the native syntax, with its on-demand lexer.
///
/// The lexer runs over UTF-8 bytes one token ahead of the parser; templates and heredocs are read
/// by the parser straight from the bytes. Every loop consumes input or stops, nesting deeper than
/// `maximumDepth` aborts the parse with one diagnostic, and after an abort the lexer only returns
/// end of file, so every caller unwinds at once.
struct Parser {
    /// How deep bodies, expressions and templates may nest.
    static let maximumDepth = 200

    let buffer: UnsafeBufferPointer<UInt8>
    let fileName: String
    let base: SourcePosition
    /// The end of the text the lexer may read (lowered while reading a heredoc body).
    var limit: Int
    var pos: Int
    var line = 1
    var lineStart = 0
    var peeked: Token?
    var peekedFromPos = 0
    var peekedFromLine = 1
    var peekedFromLineStart = 0
    var skipNewlines = false
    var depth = 0
    /// The nesting limit of this parse: `maximumDepth`, or less on a thread with a small stack
    /// (see `ParseStack`).
    var depthLimit = Parser.maximumDepth
    /// Whether the parse stopped at `depthLimit`.
    var reachedDepthLimit = false
    var aborted = false
    var diagnostics: [Diagnostic] = []
    var comments: [Comment] = []
    var recordComments = true
    var lastCommentStart = -1
    var scratch: [UInt8] = []
    /// Nodes of the bodies, expressions and templates being read, and the strings made so far.
    let pending: PendingNodes
    /// Where the expressions go.
    let tree: SyntaxTree

    init(buffer: UnsafeBufferPointer<UInt8>, fileName: String, start: SourcePosition = .fileStart) {
        self.buffer = buffer
        self.fileName = fileName
        self.base = start
        self.limit = buffer.count
        self.pos = 0
        self.lineStart = 0
        self.tree = SyntaxTree(buffer: buffer, base: start)
        self.pending = PendingNodes(source: buffer)
    }

    // MARK: Positions and diagnostics

    @inline(__always)
    func position(_ offset: Int, _ line: Int, _ lineStart: Int) -> SourcePosition {
        let column = line == 1 ? base.column + offset - lineStart : offset - lineStart + 1
        return SourcePosition(line: base.line + line - 1, column: column, byte: base.byte + offset)
    }

    @inline(__always)
    var here: SourcePosition { position(pos, line, lineStart) }

    @inline(__always)
    func range(_ token: Token) -> SourceRange {
        SourceRange(start: position(token.start, token.startLine, token.startLineStart),
                    end: position(token.end, token.endLine, token.endLineStart))
    }

    @inline(__always)
    func startPosition(_ token: Token) -> SourcePosition { position(token.start, token.startLine, token.startLineStart) }

    @inline(__always)
    func endPosition(_ token: Token) -> SourcePosition { position(token.end, token.endLine, token.endLineStart) }

    mutating func error(_ summary: String, _ detail: String, _ subject: SourceRange, context: SourceRange? = nil) {
        if aborted { return }
        if let last = diagnostics.last, last.subject.start == subject.start, last.summary == summary { return }
        diagnostics.append(Diagnostic(severity: .error, summary: summary, detail: detail, fileName: fileName, subject: subject, context: context))
    }

    /// Enters one nesting level; false (after one diagnostic) when the limit is passed.
    mutating func enter(_ subject: SourceRange) -> Bool {
        depth += 1
        if depth > depthLimit {
            reachedDepthLimit = true
            if !aborted {
                error("Nesting too deep", "Blocks, brackets, parentheses, templates or operators are nested more than \(Parser.maximumDepth) levels deep here. Flatten the structure; the rest of the file was not read.", subject)
                aborted = true
                peeked = nil
            }
            return false
        }
        return true
    }

    mutating func leave() { depth -= 1 }

    // MARK: Bytes

    @inline(__always)
    func byte(at offset: Int) -> UInt8 { offset < limit ? buffer[offset] : 0 }

    /// Consumes a line break at `pos` (LF or CRLF) and updates the line count.
    @inline(__always)
    mutating func consumeLineBreak() {
        if buffer[pos] == 0x0D { pos += 1 }
        pos += 1
        line += 1
        lineStart = pos
    }

    /// True when `pos` is at LF or CRLF.
    @inline(__always)
    func atLineBreak(_ offset: Int) -> Bool {
        guard offset < limit else { return false }
        let c = buffer[offset]
        return c == 0x0A || (c == 0x0D && offset + 1 < limit && buffer[offset + 1] == 0x0A)
    }

    // MARK: Token stream

    /// Changes whether newlines are skipped; drops any peeked token so it is lexed again.
    @inline(__always)
    mutating func setSkipNewlines(_ skip: Bool) {
        if skip == skipNewlines { return }
        unpeek()
        skipNewlines = skip
    }

    /// Moves the cursor back to before the peeked token, if any.
    @inline(__always)
    mutating func unpeek() {
        if peeked != nil {
            peeked = nil
            pos = peekedFromPos
            line = peekedFromLine
            lineStart = peekedFromLineStart
        }
    }

    @inline(__always)
    mutating func peek() -> Token {
        if let token = peeked { return token }
        peekedFromPos = pos
        peekedFromLine = line
        peekedFromLineStart = lineStart
        let token = lex()
        peeked = token
        return token
    }

    @inline(__always)
    mutating func next() -> Token {
        let token = peek()
        peeked = nil
        return token
    }

    @inline(__always)
    mutating func makeToken(_ kind: TokenKind, from start: Int, length: Int) -> Token {
        pos = start + length
        return Token(kind: kind, start: start, end: pos, startLine: line, startLineStart: lineStart, endLine: line, endLineStart: lineStart)
    }

    mutating func lex() -> Token {
        while true {
            if aborted || pos >= limit {
                if aborted { pos = limit }
                return Token(kind: .endOfFile, start: pos, end: pos, startLine: line, startLineStart: lineStart, endLine: line, endLineStart: lineStart)
            }
            let start = pos
            let c = buffer[pos]
            switch c {
            case 0x20, 0x09:
                pos += 1
            case 0x0A:
                if skipNewlines { consumeLineBreak(); continue }
                let token = Token(kind: .newline, start: start, end: start + 1, startLine: line, startLineStart: lineStart, endLine: line, endLineStart: lineStart)
                consumeLineBreak()
                return token
            case 0x0D:
                if pos + 1 < limit && buffer[pos + 1] == 0x0A {
                    if skipNewlines { consumeLineBreak(); continue }
                    let token = Token(kind: .newline, start: start, end: start + 2, startLine: line, startLineStart: lineStart, endLine: line, endLineStart: lineStart)
                    consumeLineBreak()
                    return token
                }
                pos += 1 // A lone CR is whitespace.
            case UInt8(ascii: "#"):
                skipLineComment(style: .hash)
            case UInt8(ascii: "/"):
                let n = byte(at: pos + 1)
                if n == UInt8(ascii: "/") { skipLineComment(style: .doubleSlash); continue }
                if n == UInt8(ascii: "*") { skipBlockComment(); continue }
                return makeToken(.slash, from: start, length: 1)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"), 0x80...0xFF:
                var p = pos + 1
                while p < limit {
                    let d = buffer[p]
                    if isIdentifierByte(d) { p += 1 } else { break }
                }
                return makeToken(.identifier, from: start, length: p - start)
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                return makeToken(.number, from: start, length: numberLength(from: start))
            case UInt8(ascii: "\""): return makeToken(.openQuote, from: start, length: 1)
            case UInt8(ascii: "{"): return makeToken(.openBrace, from: start, length: 1)
            case UInt8(ascii: "}"): return makeToken(.closeBrace, from: start, length: 1)
            case UInt8(ascii: "["): return makeToken(.openBracket, from: start, length: 1)
            case UInt8(ascii: "]"): return makeToken(.closeBracket, from: start, length: 1)
            case UInt8(ascii: "("): return makeToken(.openParen, from: start, length: 1)
            case UInt8(ascii: ")"): return makeToken(.closeParen, from: start, length: 1)
            case UInt8(ascii: ","): return makeToken(.comma, from: start, length: 1)
            case UInt8(ascii: "."):
                if byte(at: pos + 1) == UInt8(ascii: ".") && byte(at: pos + 2) == UInt8(ascii: ".") {
                    return makeToken(.ellipsis, from: start, length: 3)
                }
                return makeToken(.dot, from: start, length: 1)
            case UInt8(ascii: ":"):
                if byte(at: pos + 1) == UInt8(ascii: ":") { return makeToken(.doubleColon, from: start, length: 2) }
                return makeToken(.colon, from: start, length: 1)
            case UInt8(ascii: "?"): return makeToken(.question, from: start, length: 1)
            case UInt8(ascii: "~"): return makeToken(.tilde, from: start, length: 1)
            case UInt8(ascii: "+"): return makeToken(.plus, from: start, length: 1)
            case UInt8(ascii: "-"): return makeToken(.minus, from: start, length: 1)
            case UInt8(ascii: "*"): return makeToken(.star, from: start, length: 1)
            case UInt8(ascii: "%"): return makeToken(.percent, from: start, length: 1)
            case UInt8(ascii: "="):
                let n = byte(at: pos + 1)
                if n == UInt8(ascii: "=") { return makeToken(.equalEqual, from: start, length: 2) }
                if n == UInt8(ascii: ">") { return makeToken(.fatArrow, from: start, length: 2) }
                return makeToken(.equal, from: start, length: 1)
            case UInt8(ascii: "!"):
                if byte(at: pos + 1) == UInt8(ascii: "=") { return makeToken(.notEqual, from: start, length: 2) }
                return makeToken(.bang, from: start, length: 1)
            case UInt8(ascii: "<"):
                let n = byte(at: pos + 1)
                if n == UInt8(ascii: "=") { return makeToken(.lessEqual, from: start, length: 2) }
                if n == UInt8(ascii: "<"), let length = heredocMarkerLength(from: start) {
                    return makeToken(.heredocStart, from: start, length: length)
                }
                return makeToken(.less, from: start, length: 1)
            case UInt8(ascii: ">"):
                if byte(at: pos + 1) == UInt8(ascii: "=") { return makeToken(.greaterEqual, from: start, length: 2) }
                return makeToken(.greater, from: start, length: 1)
            case UInt8(ascii: "&"):
                if byte(at: pos + 1) == UInt8(ascii: "&") { return makeToken(.and, from: start, length: 2) }
                return makeToken(.invalid, from: start, length: 1)
            case UInt8(ascii: "|"):
                if byte(at: pos + 1) == UInt8(ascii: "|") { return makeToken(.or, from: start, length: 2) }
                return makeToken(.invalid, from: start, length: 1)
            default:
                return makeToken(.invalid, from: start, length: 1)
            }
        }
    }

    @inline(__always)
    func isIdentifierByte(_ d: UInt8) -> Bool {
        switch d {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "_"), UInt8(ascii: "-"), 0x80...0xFF:
            return true
        default:
            return false
        }
    }

    /// The length of the number starting at `start`: digits, optional fraction, optional exponent.
    func numberLength(from start: Int) -> Int {
        var p = start
        while p < limit, isDigit(buffer[p]) { p += 1 }
        if p + 1 < limit, buffer[p] == UInt8(ascii: "."), isDigit(buffer[p + 1]) {
            p += 1
            while p < limit, isDigit(buffer[p]) { p += 1 }
        }
        if p < limit, buffer[p] == UInt8(ascii: "e") || buffer[p] == UInt8(ascii: "E") {
            var q = p + 1
            if q < limit, buffer[q] == UInt8(ascii: "+") || buffer[q] == UInt8(ascii: "-") { q += 1 }
            if q < limit, isDigit(buffer[q]) {
                while q < limit, isDigit(buffer[q]) { q += 1 }
                p = q
            }
        }
        return p - start
    }

    @inline(__always)
    func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }

    /// The length of `<<EOF` or `<<-EOF` at `start` when it is followed by a line break, else nil.
    func heredocMarkerLength(from start: Int) -> Int? {
        var p = start + 2
        if p < limit, buffer[p] == UInt8(ascii: "-") { p += 1 }
        let nameStart = p
        guard p < limit else { return nil }
        let first = buffer[p]
        guard (first >= UInt8(ascii: "a") && first <= UInt8(ascii: "z")) || (first >= UInt8(ascii: "A") && first <= UInt8(ascii: "Z")) || first == UInt8(ascii: "_") || first >= 0x80 else { return nil }
        while p < limit, isIdentifierByte(buffer[p]) { p += 1 }
        guard p > nameStart, atLineBreak(p) || p == limit else { return nil }
        return p - start
    }

    mutating func skipLineComment(style: Comment.Style) {
        let start = pos
        let startPosition = here
        while pos < limit {
            let c = buffer[pos]
            if c == 0x0A || (c == 0x0D && pos + 1 < limit && buffer[pos + 1] == 0x0A) { break }
            pos += 1
        }
        if recordComments && start > lastCommentStart {
            lastCommentStart = start
            comments.append(Comment(style: style, range: SourceRange(start: startPosition, end: here)))
        }
    }

    mutating func skipBlockComment() {
        let start = pos
        let startPosition = here
        pos += 2
        while true {
            if pos >= limit {
                if start > lastCommentStart {
                    error("Unterminated comment", "There is no \"*/\" to close the comment that starts here. Add \"*/\" where the comment should end.",
                          SourceRange(start: startPosition, end: startPosition.advanced(by: 2)))
                }
                break
            }
            let c = buffer[pos]
            if c == UInt8(ascii: "*") && pos + 1 < limit && buffer[pos + 1] == UInt8(ascii: "/") {
                pos += 2
                break
            }
            if c == 0x0A { consumeLineBreak() } else { pos += 1 }
        }
        if recordComments && start > lastCommentStart {
            lastCommentStart = start
            comments.append(Comment(style: .block, range: SourceRange(start: startPosition, end: here)))
        }
    }
}
