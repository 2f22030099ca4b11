internal import Threading

/// What parsing a native-syntax file gives: the body that could be read, the diagnostics, and the comments.
public struct ParseResult: Sendable {
    /// The file's body; after syntax errors, whatever could be recovered.
    public var body: Body
    /// Syntax errors and warnings, in source order.
    public var diagnostics: [Diagnostic]
    /// Every comment in the file, in source order (for suppression comments and the like).
    public var comments: [Comment]
    /// The file name given to the parser.
    public var fileName: String
    /// The bytes that were parsed; `SourceRange.text(in:)` reads them.
    public var source: [UInt8]

    /// Creates a result.
    public init(body: Body, diagnostics: [Diagnostic], comments: [Comment], fileName: String, source: [UInt8]) {
        self.body = body
        self.diagnostics = diagnostics
        self.comments = comments
        self.fileName = fileName
        self.source = source
    }

    /// The exact source text of `range` in this file.
    public func text(of range: SourceRange) -> String { range.text(in: source) }
}

/// A comment: `# ...`, `// ...` or `/* ... */`.
public struct Comment: Hashable, Sendable {
    /// Which of the three comment forms.
    public enum Style: Hashable, Sendable {
        /// `# ...` to the end of the line.
        case hash
        /// `// ...` to the end of the line.
        case doubleSlash
        /// `/* ... */`, possibly over several lines.
        case block
    }

    /// The comment form.
    public var style: Style
    /// The span of the comment, markers included, line break excluded.
    public var range: SourceRange

    /// Creates a comment.
    public init(style: Style, range: SourceRange) {
        self.style = style
        self.range = range
    }
}

/// What parsing a standalone expression or template gives.
public struct ExpressionParseResult: Sendable {
    /// The expression (`.invalid` where nothing could be read).
    public var expression: Expression
    /// Syntax errors, in source order.
    public var diagnostics: [Diagnostic]

    /// Creates a result.
    public init(expression: Expression, diagnostics: [Diagnostic]) {
        self.expression = expression
        self.diagnostics = diagnostics
    }
}

/// Parses a file in HCL native syntax.
///
/// Never traps, whatever the bytes: invalid UTF-8, NUL bytes and too-deep nesting become
/// diagnostics. A leading UTF-8 byte order mark is skipped (its bytes still count in offsets).
public func parse(_ bytes: [UInt8], fileName: String) -> ParseResult {
    // Within the stack of the calling thread, or on a thread with a large one: see ParseStack.
    let (body, diagnostics, comments) = ParseStack.parse(maximumDepth: Parser.maximumDepth) { depthLimit in
        bytes.withUnsafeBufferPointer { buffer in
            var parser = Parser(buffer: buffer, fileName: fileName)
            parser.depthLimit = depthLimit
            let (body, comments) = parser.parseFile()
            parser.tree.finish(sourceSize: buffer.count)
            return ((body, parser.diagnostics, comments), parser.reachedDepthLimit)
        }
    }
    return ParseResult(body: body, diagnostics: diagnostics, comments: comments, fileName: fileName, source: bytes)
}

/// Parses a file in HCL native syntax from a string (convenience for tests and tools).
public func parse(_ text: String, fileName: String) -> ParseResult {
    parse(Array(text.utf8), fileName: fileName)
}

/// Parses `bytes` as one expression, e.g. a `.tfvars` value or an expression in a JSON string.
///
/// `start` is the position of `bytes[0]` in its file, so ranges point into that file; offsets in
/// the result are `start.byte` plus the offset in `bytes`.
public func parseExpression(_ bytes: [UInt8], fileName: String, start: SourcePosition = .fileStart) -> ExpressionParseResult {
    bytes.withUnsafeBufferPointer { buffer in
        var parser = Parser(buffer: buffer, fileName: fileName, start: start)
        let expression = parser.parseStandaloneExpression()
        parser.tree.finish(sourceSize: buffer.count)
        return ExpressionParseResult(expression: parser.handle(expression), diagnostics: parser.diagnostics)
    }
}

/// Parses `bytes` as template text (as inside a heredoc: `${}` and `%{}` are special, no escapes
/// other than `$${` and `%%{`).
///
/// `start` is the position of `bytes[0]` in its file. The result is a `.template` expression with
/// the given style, or a `.literal(.string)` when `style` is `.quoted` and there is no interpolation.
public func parseTemplate(_ bytes: [UInt8], fileName: String, start: SourcePosition = .fileStart, style: Template.Style = .json) -> ExpressionParseResult {
    bytes.withUnsafeBufferPointer { buffer in
        var parser = Parser(buffer: buffer, fileName: fileName, start: start)
        let expression = parser.parseStandaloneTemplate(style: style)
        parser.tree.finish(sourceSize: buffer.count)
        return ExpressionParseResult(expression: parser.handle(expression), diagnostics: parser.diagnostics)
    }
}
