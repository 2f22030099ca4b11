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
    /// The constant keywords.
    case `false` = "False", `none` = "None", `true` = "True"
    /// Keywords `and` to `elif`.
    case and, `as`, assert, async, await, `break`, `class`, `continue`, def, del, elif
    /// Keywords `else` to `lambda`.
    case `else`, except, finally, `for`, from, global, `if`, `import`, `in`, `is`, lambda
    /// Keywords `nonlocal` to `yield`.
    case nonlocal, not, or, pass, raise, `return`, `try`, `while`, with, yield
}

/// Python's operators and delimiters.
public enum Punctuator: String, Hashable, Sendable, CaseIterable {
    /// Brackets.
    case leftParen = "(", rightParen = ")", leftBracket = "[", rightBracket = "]"
    /// Braces and separators.
    case leftBrace = "{", rightBrace = "}", colon = ":", comma = ",", semicolon = ";"
    /// Single-character arithmetic and bitwise operators.
    case plus = "+", minus = "-", star = "*", slash = "/", verticalBar = "|", ampersand = "&"
    /// More single-character operators and delimiters.
    case less = "<", greater = ">", equal = "=", dot = ".", percent = "%", tilde = "~"
    /// `^`, `@`, and `!` (only inside f-string replacement fields).
    case circumflex = "^", at = "@", exclamation = "!"
    /// Two-character comparisons.
    case equalEqual = "==", notEqual = "!=", lessEqual = "<=", greaterEqual = ">="
    /// Two-character operators.
    case leftShift = "<<", rightShift = ">>", doubleStar = "**", doubleSlash = "//"
    /// Augmented assignments.
    case plusEqual = "+=", minusEqual = "-=", starEqual = "*=", slashEqual = "/="
    /// More augmented assignments.
    case percentEqual = "%=", ampersandEqual = "&=", verticalBarEqual = "|=", circumflexEqual = "^="
    /// More augmented assignments.
    case atEqual = "@=", leftShiftEqual = "<<=", rightShiftEqual = ">>=", doubleStarEqual = "**="
    /// `//=`, `->`, the walrus `:=` and `...`.
    case doubleSlashEqual = "//=", arrow = "->", colonEqual = ":=", ellipsis = "..."
}
