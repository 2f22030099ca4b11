/// The kinds of token the native-syntax lexer produces.
enum TokenKind: UInt8 {
    case identifier, number, openQuote, heredocStart
    case openBrace, closeBrace, openBracket, closeBracket, openParen, closeParen
    case comma, dot, ellipsis, colon, doubleColon, question, equal, fatArrow, tilde
    case plus, minus, star, slash, percent, bang
    case equalEqual, notEqual, less, greater, lessEqual, greaterEqual, and, or
    case newline, endOfFile, invalid

    /// How the token is named in messages.
    var displayName: String {
        switch self {
        case .identifier: return "an identifier"
        case .number: return "a number"
        case .openQuote: return "a quoted string"
        case .heredocStart: return "a heredoc"
        case .openBrace: return "an opening brace"
        case .closeBrace: return "a closing brace"
        case .openBracket: return "an opening bracket"
        case .closeBracket: return "a closing bracket"
        case .openParen: return "an opening parenthesis"
        case .closeParen: return "a closing parenthesis"
        case .comma: return "a comma"
        case .dot: return "a dot"
        case .ellipsis: return "an ellipsis"
        case .colon: return "a colon"
        case .doubleColon: return "a double colon"
        case .question: return "a question mark"
        case .equal: return "an equals sign"
        case .fatArrow: return "a \"=>\""
        case .tilde: return "a tilde"
        case .plus, .minus, .star, .slash, .percent, .bang, .equalEqual, .notEqual, .less, .greater,
             .lessEqual, .greaterEqual, .and, .or: return "an operator"
        case .newline: return "a newline"
        case .endOfFile: return "the end of the file"
        case .invalid: return "an invalid character"
        }
    }
}

/// One token: its kind and the cursor state at its start and end.
///
/// Offsets and line numbers are stored in 32 bits (files are limited to 2 GiB, as in
/// `SourcePosition`), so a token is 28 bytes: the parser holds and copies many of them.
struct Token {
    var kind: TokenKind
    private var storedStart: Int32
    private var storedEnd: Int32
    private var storedStartLine: Int32
    private var storedStartLineStart: Int32
    private var storedEndLine: Int32
    private var storedEndLineStart: Int32

    init(kind: TokenKind, start: Int, end: Int, startLine: Int, startLineStart: Int, endLine: Int, endLineStart: Int) {
        self.kind = kind
        storedStart = Int32(truncatingIfNeeded: start)
        storedEnd = Int32(truncatingIfNeeded: end)
        storedStartLine = Int32(truncatingIfNeeded: startLine)
        storedStartLineStart = Int32(truncatingIfNeeded: startLineStart)
        storedEndLine = Int32(truncatingIfNeeded: endLine)
        storedEndLineStart = Int32(truncatingIfNeeded: endLineStart)
    }

    /// The byte offset of the token's first byte.
    var start: Int { Int(storedStart) }
    /// The byte offset just after the token.
    var end: Int { Int(storedEnd) }
    /// The line of the first byte.
    var startLine: Int { Int(storedStartLine) }
    /// The offset of the first byte of the start line.
    var startLineStart: Int { Int(storedStartLineStart) }
    /// The line just after the token.
    var endLine: Int { Int(storedEndLine) }
    /// The offset of the first byte of the end line.
    var endLineStart: Int { Int(storedEndLineStart) }
}
