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
struct Token {
    var kind: TokenKind
    var start: Int
    var end: Int
    var startLine: Int
    var startLineStart: Int
    var endLine: Int
    var endLineStart: Int
}
