/// One token of Python source, as produced by `Tokenizer`.
public struct Token: Hashable, Sendable {
    /// What kind of token this is.
    public var kind: TokenKind
    /// Where the token is; INDENT, DEDENT and end-of-file NEWLINE tokens may be empty ranges.
    public var range: SourceRange

    /// Creates a token.
    public init(kind: TokenKind, range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}

/// The kinds of Python tokens.
///
/// Hard keywords get their own kind; soft keywords (`match`, `case`, `_`, `type`) are names.
/// A whole string literal, including prefix, quotes and any f-string replacement fields, is one
/// `string` token; the parser reads its parts.
public enum TokenKind: Hashable, Sendable {
    /// An identifier that is not a hard keyword.
    case name
    /// A numeric literal.
    case number
    /// A string or bytes literal, f-strings included.
    case string
    /// A hard keyword.
    case keyword(Keyword)
    /// An operator or delimiter.
    case punctuator(Punctuator)
    /// The end of a logical line.
    case newline
    /// An increase of indentation.
    case indent
    /// A decrease of indentation.
    case dedent
    /// The end of input.
    case endMarker
    /// Bytes that start no token; a diagnostic has been recorded for them.
    case error
}

/// Python's hard keywords.
public enum Keyword: String, Hashable, Sendable, CaseIterable {
    case `false` = "False", `none` = "None", `true` = "True"
    case and, `as`, assert, async, await, `break`, `class`, `continue`, def, del, elif
    case `else`, except, finally, `for`, from, global, `if`, `import`, `in`, `is`, lambda
    case nonlocal, not, or, pass, raise, `return`, `try`, `while`, with, yield
}

/// Python's operators and delimiters.
public enum Punctuator: String, Hashable, Sendable, CaseIterable {
    case leftParen = "(", rightParen = ")", leftBracket = "[", rightBracket = "]"
    case leftBrace = "{", rightBrace = "}", colon = ":", comma = ",", semicolon = ";"
    case plus = "+", minus = "-", star = "*", slash = "/", verticalBar = "|", ampersand = "&"
    case less = "<", greater = ">", equal = "=", dot = ".", percent = "%", tilde = "~"
    case circumflex = "^", at = "@", exclamation = "!"
    case equalEqual = "==", notEqual = "!=", lessEqual = "<=", greaterEqual = ">="
    case leftShift = "<<", rightShift = ">>", doubleStar = "**", doubleSlash = "//"
    case plusEqual = "+=", minusEqual = "-=", starEqual = "*=", slashEqual = "/="
    case percentEqual = "%=", ampersandEqual = "&=", verticalBarEqual = "|=", circumflexEqual = "^="
    case atEqual = "@=", leftShiftEqual = "<<=", rightShiftEqual = ">>=", doubleStarEqual = "**="
    case doubleSlashEqual = "//=", arrow = "->", colonEqual = ":=", ellipsis = "..."
}
