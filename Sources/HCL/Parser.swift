/// The recursive-descent parser for the native syntax.
struct Parser {
    let fileName: String
    var diagnostics: [Diagnostic] = []

    init(bytes: [UInt8], fileName: String, start: SourcePosition = .fileStart) {
        self.fileName = fileName
    }

    mutating func parseFile() -> (Body, [Comment]) {
        (Body(range: SourceRange(at: .fileStart)), [])
    }

    mutating func parseStandaloneExpression() -> Expression {
        Expression(.invalid, range: SourceRange(at: .fileStart))
    }

    mutating func parseStandaloneTemplate(style: Template.Style) -> Expression {
        Expression(.invalid, range: SourceRange(at: .fileStart))
    }
}
