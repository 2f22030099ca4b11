/// A syntax error that stops the current statement; `nil` when the tokenizer already reported it.
struct SyntaxError: Error {
    var diagnostic: Diagnostic?
}

/// A recursive-descent parser over the tokens of one file (or of one f-string field).
///
/// Statements that fail to parse are reported and skipped up to the next statement at the same
/// or a lower indentation; nesting deeper than `maximumDepth` is reported, never followed.
struct Parser {
    let bytes: [UInt8]
    let lines: LineTable
    let tokens: [Token]
    var position = 0
    var diagnostics: [Diagnostic] = []
    var depth: Int
    let maximumDepth: Int
    /// Whether nesting ever went past `maximumDepth`, even in a parse that was then undone.
    var reachedDepthLimit = false
    /// The end of the last consumed token other than NEWLINE, INDENT and DEDENT.
    var previousEnd: SourceLocation

    init(bytes: [UInt8], lines: LineTable, tokens: [Token], depth: Int = 0, maximumDepth: Int) {
        self.bytes = bytes
        self.lines = lines
        self.tokens = tokens
        self.depth = depth
        self.maximumDepth = maximumDepth
        self.previousEnd = tokens.first?.range.start ?? SourceLocation(line: 1, column: 0, offset: 0)
    }

    // MARK: - Token access

    var current: Token { tokens[position] }

    func peek(_ distance: Int = 1) -> Token {
        tokens[min(position + distance, tokens.count - 1)]
    }

    @discardableResult
    mutating func advance() -> Token {
        let token = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        switch token.kind {
        case .newline, .indent, .dedent, .endMarker: break
        default: previousEnd = token.range.end
        }
        return token
    }

    func check(_ punctuator: Punctuator) -> Bool { current.kind == .punctuator(punctuator) }

    func check(_ keyword: Keyword) -> Bool { current.kind == .keyword(keyword) }

    mutating func accept(_ punctuator: Punctuator) -> Bool {
        guard check(punctuator) else { return false }
        advance()
        return true
    }

    mutating func accept(_ keyword: Keyword) -> Bool {
        guard check(keyword) else { return false }
        advance()
        return true
    }

    mutating func expect(_ punctuator: Punctuator) throws(SyntaxError) {
        guard accept(punctuator) else { throw expected("'\(punctuator.rawValue)'") }
    }

    mutating func expect(_ keyword: Keyword) throws(SyntaxError) {
        guard accept(keyword) else { throw expected("'\(keyword.rawValue)'") }
    }

    func text(_ token: Token) -> String {
        String(decoding: bytes[token.range.offsets], as: UTF8.self)
    }

    /// Whether the current token is the name (or soft keyword) `word`.
    func isName(_ word: String) -> Bool {
        current.kind == .name && current.range.end.offset - current.range.start.offset == word.utf8.count
            && text(current) == word
    }

    mutating func expectName() throws(SyntaxError) -> (String, SourceRange) {
        guard current.kind == .name else { throw expected("a name") }
        let token = advance()
        return (text(token), token.range)
    }

    func range(from start: SourceLocation) -> SourceRange {
        SourceRange(start: start, end: max(start, previousEnd))
    }

    // MARK: - Errors

    func error(_ summary: String, _ detail: String, _ range: SourceRange) -> SyntaxError {
        SyntaxError(diagnostic: Diagnostic(summary: summary, detail: detail, range: range))
    }

    func describe(_ token: Token) -> String {
        switch token.kind {
        case .newline: return "the end of the line"
        case .endMarker: return "the end of the file"
        case .indent: return "an indent"
        case .dedent: return "the end of the block"
        default:
            let shown = text(token)
            return shown.utf8.count > 40 ? "'\(shown.prefix(40))...'" : "'\(shown)'"
        }
    }

    /// The current token's range, or for a NEWLINE an empty range where the line ends.
    var currentRange: SourceRange {
        current.kind == .newline ? SourceRange(start: current.range.start, end: current.range.start) : current.range
    }

    /// An "invalid syntax" error at the current token.
    func invalidSyntax() -> SyntaxError {
        if current.kind == .error { return SyntaxError(diagnostic: nil) }
        return error("invalid syntax",
                     "Python cannot read \(describe(current)) here. Check the statement for a missing operator, comma or bracket.",
                     currentRange)
    }

    /// An "expected X" error at the current token.
    func expected(_ what: String) -> SyntaxError {
        if current.kind == .error { return SyntaxError(diagnostic: nil) }
        return error("expected \(what)",
                     "Python expected \(what) here but found \(describe(current)).",
                     currentRange)
    }

    /// Counts one level of nesting; fails past `maximumDepth`. Pair with `leave()`.
    mutating func enter() throws(SyntaxError) {
        depth += 1
        if depth > maximumDepth {
            depth -= 1
            reachedDepthLimit = true
            throw error("too many nested parentheses, brackets, expressions or blocks",
                        "The code nests more than \(maximumDepth) levels deep here, more than stackreview reads. Split it into smaller expressions or functions.",
                        current.range)
        }
    }

    mutating func leave() { depth -= 1 }

    mutating func record(_ error: SyntaxError) {
        if let diagnostic = error.diagnostic { diagnostics.append(diagnostic) }
    }

    // MARK: - Module and blocks

    mutating func parseModule() -> [Statement] {
        var body: [Statement] = []
        while current.kind != .endMarker {
            if current.kind == .dedent || current.kind == .newline {
                advance()
                continue
            }
            parseStatementRecovering(into: &body)
        }
        return body
    }

    /// Parses one statement into `body`; on error records it and skips to the next statement.
    mutating func parseStatementRecovering(into body: inout [Statement]) {
        let savedDepth = depth
        let start = position
        do {
            body += try parseStatement()
        } catch {
            record(error)
            depth = savedDepth
            synchronize()
            if position == start && current.kind != .endMarker && current.kind != .dedent { advance() }
        }
    }

    /// Skips to the start of the next statement at the same or a lower indentation.
    mutating func synchronize() {
        var nesting = 0
        while true {
            switch current.kind {
            case .endMarker:
                return
            case .indent:
                nesting += 1
                advance()
            case .dedent:
                if nesting == 0 { return }
                nesting -= 1
                advance()
                if nesting == 0 && !continuesCompoundStatement() { return }
            case .newline:
                advance()
                if nesting == 0 && current.kind != .indent && !continuesCompoundStatement() { return }
            default:
                advance()
            }
        }
    }

    /// Whether the current token starts a clause that belongs to the statement before it.
    private func continuesCompoundStatement() -> Bool {
        check(.elif) || check(.else) || check(.except) || check(.finally)
    }

    /// Parses `':' block`, where `header` names the statement for diagnostics.
    mutating func parseBlock(after header: String, line: Int) throws(SyntaxError) -> [Statement] {
        guard check(.colon) else { throw expected("':'") }
        advance()
        guard current.kind == .newline else { return try parseSimpleStatements() }
        advance()
        guard current.kind == .indent else {
            diagnostics.append(Diagnostic(
                summary: "expected an indented block after \(header) on line \(line)",
                detail: "The body of this statement must be indented on the following lines. Indent the body, or write 'pass' for an empty one.",
                range: current.range))
            return []
        }
        try enter()
        defer { leave() }
        advance()
        var body: [Statement] = []
        while current.kind != .dedent && current.kind != .endMarker {
            parseStatementRecovering(into: &body)
        }
        if current.kind == .dedent { advance() }
        return body
    }

    // MARK: - Statements

    mutating func parseStatement() throws(SyntaxError) -> [Statement] {
        switch current.kind {
        case .keyword(.def):
            return [try parseFunctionDefinition(decorators: [])]
        case .keyword(.class):
            return [try parseClassDefinition(decorators: [])]
        case .keyword(.if):
            return [try parseIf()]
        case .keyword(.while):
            return [try parseWhile()]
        case .keyword(.for):
            return [try parseFor()]
        case .keyword(.with):
            return [try parseWith()]
        case .keyword(.try):
            return [try parseTry()]
        case .keyword(.async):
            switch peek().kind {
            case .keyword(.def): return [try parseFunctionDefinition(decorators: [])]
            case .keyword(.for): return [try parseFor()]
            case .keyword(.with): return [try parseWith()]
            default:
                advance()
                throw expected("'def', 'for' or 'with' after 'async'")
            }
        case .punctuator(.at):
            return [try parseDecorated()]
        case .indent:
            let indent = current.range
            diagnostics.append(Diagnostic(
                summary: "unexpected indent",
                detail: "This line is indented more than the line before it, which does not open a block. Remove the extra indentation.",
                range: indent))
            try enter()
            defer { leave() }
            advance()
            var body: [Statement] = []
            while current.kind != .dedent && current.kind != .endMarker {
                parseStatementRecovering(into: &body)
            }
            if current.kind == .dedent { advance() }
            return body
        case .name where isName("type") && peek().kind == .name
                && (peek(2).kind == .punctuator(.equal) || peek(2).kind == .punctuator(.leftBracket)):
            return try parseTypeAlias()
        case .name where isName("match"):
            if let match = try parseMatch() { return [match] }
            return try parseSimpleStatements()
        default:
            return try parseSimpleStatements()
        }
    }

    mutating func parseSimpleStatements() throws(SyntaxError) -> [Statement] {
        var statements = [try parseSimpleStatement()]
        while accept(.semicolon) {
            if current.kind == .newline || current.kind == .endMarker { break }
            statements.append(try parseSimpleStatement())
        }
        if current.kind == .newline {
            advance()
        } else if current.kind != .endMarker {
            throw invalidSyntax()
        }
        return statements
    }

    var atStatementEnd: Bool {
        switch current.kind {
        case .newline, .endMarker, .punctuator(.semicolon): return true
        default: return false
        }
    }

    mutating func parseSimpleStatement() throws(SyntaxError) -> Statement {
        let start = current.range.start
        switch current.kind {
        case .keyword(.pass):
            advance()
            return Statement(.pass, range(from: start))
        case .keyword(.break):
            advance()
            return Statement(.break, range(from: start))
        case .keyword(.continue):
            advance()
            return Statement(.continue, range(from: start))
        case .keyword(.return):
            advance()
            let value = atStatementEnd ? nil : try parseStarExpressions()
            return Statement(.return(value: value), range(from: start))
        case .keyword(.raise):
            advance()
            var exc: Expression?
            var cause: Expression?
            if !atStatementEnd {
                exc = try parseExpression()
                if accept(.from) { cause = try parseExpression() }
            }
            return Statement(.raise(exc: exc, cause: cause), range(from: start))
        case .keyword(.global), .keyword(.nonlocal):
            let isGlobal = check(.global)
            advance()
            var names = [try expectName().0]
            while accept(.comma) { names.append(try expectName().0) }
            return Statement(isGlobal ? .global(names: names) : .nonlocal(names: names), range(from: start))
        case .keyword(.del):
            advance()
            var targets: [Expression] = []
            repeat {
                if atStatementEnd { break }
                targets.append(try asTarget(try parseBitwiseOr(), .delete))
            } while accept(.comma)
            if targets.isEmpty { throw invalidSyntax() }
            return Statement(.delete(targets: targets), range(from: start))
        case .keyword(.assert):
            advance()
            let test = try parseExpression()
            let message = accept(.comma) ? try parseExpression() : nil
            return Statement(.assert(test: test, msg: message), range(from: start))
        case .keyword(.import):
            advance()
            var names: [Alias] = []
            repeat {
                let aliasStart = current.range.start
                let name = try parseDottedName()
                let asname = accept(.as) ? try expectName().0 : nil
                names.append(Alias(name: name, asname: asname, range: range(from: aliasStart)))
            } while accept(.comma)
            return Statement(.import(names: names), range(from: start))
        case .keyword(.from):
            return try parseImportFrom()
        default:
            return try parseExpressionStatement()
        }
    }

    mutating func parseDottedName() throws(SyntaxError) -> String {
        var name = try expectName().0
        while accept(.dot) { name += "." + (try expectName().0) }
        return name
    }

    mutating func parseImportFrom() throws(SyntaxError) -> Statement {
        let start = current.range.start
        advance()
        var level = 0
        while true {
            if accept(.dot) { level += 1 } else if accept(.ellipsis) { level += 3 } else { break }
        }
        var module: String?
        if current.kind == .name { module = try parseDottedName() }
        if module == nil && level == 0 { throw expected("a module name") }
        try expect(.import)
        var names: [Alias] = []
        if check(.star) {
            let star = advance()
            names.append(Alias(name: "*", asname: nil, range: star.range))
        } else {
            let parenthesized = accept(.leftParen)
            repeat {
                if parenthesized && check(.rightParen) && !names.isEmpty { break }
                let aliasStart = current.range.start
                let name = try expectName().0
                let asname = accept(.as) ? try expectName().0 : nil
                names.append(Alias(name: name, asname: asname, range: range(from: aliasStart)))
            } while accept(.comma)
            if parenthesized { try expect(.rightParen) }
        }
        return Statement(.importFrom(module: module, names: names, level: level), range(from: start))
    }

    static func augmentedOperator(_ kind: TokenKind) -> BinaryOperator? {
        guard case .punctuator(let punctuator) = kind else { return nil }
        switch punctuator {
        case .plusEqual: return .add
        case .minusEqual: return .subtract
        case .starEqual: return .multiply
        case .atEqual: return .matrixMultiply
        case .slashEqual: return .divide
        case .percentEqual: return .modulo
        case .ampersandEqual: return .bitAnd
        case .verticalBarEqual: return .bitOr
        case .circumflexEqual: return .bitXor
        case .leftShiftEqual: return .leftShift
        case .rightShiftEqual: return .rightShift
        case .doubleStarEqual: return .power
        case .doubleSlashEqual: return .floorDivide
        default: return nil
        }
    }

    mutating func parseExpressionStatement() throws(SyntaxError) -> Statement {
        let start = current.range.start
        let startsWithParen = check(.leftParen)
        let first = try parseStarExpressionsOrYield()
        if check(.colon) {
            advance()
            let target = try asTarget(first, .store)
            switch target.kind {
            case .name, .attribute, .subscript: break
            case .tuple:
                throw error("only single target (not tuple) can be annotated",
                            "An annotation can be given to one name, attribute or subscript at a time. Annotate each target on its own line.",
                            first.range)
            default:
                throw error("illegal target for annotation",
                            "Only a name, an attribute or a subscript can be annotated.", first.range)
            }
            let annotation = try parseExpression()
            let value = accept(.equal) ? try parseStarExpressionsOrYield() : nil
            var simple = false
            if case .name = target.kind, !startsWithParen { simple = true }
            return Statement(.annAssign(target: target, annotation: annotation, value: value, simple: simple),
                             range(from: start))
        }
        if let op = Parser.augmentedOperator(current.kind) {
            switch first.kind {
            case .name, .attribute, .subscript: break
            default:
                throw error("'\(Parser.describeForAssignment(first))' is an illegal expression for augmented assignment",
                            "Augmented assignment such as '+=' needs a single name, attribute or subscript on its left.",
                            first.range)
            }
            advance()
            let target = try asTarget(first, .store)
            let value = try parseStarExpressionsOrYield()
            return Statement(.augAssign(target: target, op, value: value), range(from: start))
        }
        if check(.equal) {
            var targets = [first]
            while accept(.equal) {
                targets.append(try parseStarExpressionsOrYield())
            }
            let value = targets.removeLast()
            var stored: [Expression] = []
            for target in targets { stored.append(try asTarget(target, .store)) }
            return Statement(.assign(targets: stored, value: value), range(from: start))
        }
        return Statement(.expr(value: first), range(from: start))
    }

    static func describeForAssignment(_ expression: Expression) -> String {
        switch expression.kind {
        case .call: return "function call"
        case .constant(let value):
            switch value {
            case .none: return "None"
            case .boolean(let flag): return flag ? "True" : "False"
            case .ellipsis: return "ellipsis"
            default: return "literal"
            }
        case .compare: return "comparison"
        case .lambda: return "lambda"
        case .ifExp: return "conditional expression"
        case .namedExpr: return "named expression"
        case .await: return "await expression"
        case .yield, .yieldFrom: return "yield expression"
        case .dict: return "dict literal"
        case .set: return "set display"
        case .listComp: return "list comprehension"
        case .setComp: return "set comprehension"
        case .dictComp: return "dict comprehension"
        case .generatorExp: return "generator expression"
        case .joinedStr, .formattedValue: return "f-string expression"
        case .tuple: return "tuple"
        case .starred: return "starred"
        default: return "expression"
        }
    }

    /// Converts a parsed expression to an assignment or deletion target.
    mutating func asTarget(_ expression: Expression, _ context: ExpressionContext) throws(SyntaxError) -> Expression {
        switch expression.kind {
        case .name(let name, _):
            return Expression(.name(name, context), expression.range)
        case .attribute(let value, let attr, _):
            return Expression(.attribute(value: value, attr: attr, context), expression.range)
        case .subscript(let value, let slice, _):
            return Expression(.subscript(value: value, slice: slice, context), expression.range)
        case .starred(let value, _) where context != .delete:
            return Expression(.starred(value: try asTarget(value, context), context), expression.range)
        case .tuple(let elements, _):
            var converted: [Expression] = []
            for element in elements { converted.append(try asTarget(element, context)) }
            return Expression(.tuple(elts: converted, context), expression.range)
        case .list(let elements, _):
            var converted: [Expression] = []
            for element in elements { converted.append(try asTarget(element, context)) }
            return Expression(.list(elts: converted, context), expression.range)
        default:
            let verb = context == .delete ? "delete" : "assign to"
            throw error("cannot \(verb) \(Parser.describeForAssignment(expression))",
                        "Only names, attributes, subscripts, and tuples or lists of them can be \(context == .delete ? "deleted" : "assigned to").",
                        expression.range)
        }
    }

    // MARK: - Compound statements

    mutating func parseDecorated() throws(SyntaxError) -> Statement {
        var decorators: [Expression] = []
        while accept(.at) {
            decorators.append(try parseNamedExpression())
            guard current.kind == .newline else { throw invalidSyntax() }
            advance()
        }
        switch current.kind {
        case .keyword(.def):
            return try parseFunctionDefinition(decorators: decorators)
        case .keyword(.async) where peek().kind == .keyword(.def):
            return try parseFunctionDefinition(decorators: decorators)
        case .keyword(.class):
            return try parseClassDefinition(decorators: decorators)
        default:
            throw expected("'def' or 'class' after decorators")
        }
    }

    mutating func parseFunctionDefinition(decorators: [Expression]) throws(SyntaxError) -> Statement {
        let start = current.range.start
        let isAsync = accept(.async)
        try expect(.def)
        let (name, nameRange) = try expectName()
        let typeParams = check(.leftBracket) ? try parseTypeParameters() : []
        try expect(.leftParen)
        let arguments = try parseParameters(closing: .rightParen, annotations: true)
        try expect(.rightParen)
        let returns = accept(.arrow) ? try parseExpression() : nil
        let body = try parseBlock(after: "function definition", line: start.line)
        let function = FunctionDefinition(name: name, nameRange: nameRange, args: arguments, body: body,
                                          decoratorList: decorators, returns: returns, isAsync: isAsync,
                                          typeParams: typeParams)
        return Statement(.functionDef(function), range(from: start))
    }

    mutating func parseClassDefinition(decorators: [Expression]) throws(SyntaxError) -> Statement {
        let start = current.range.start
        try expect(.class)
        let (name, nameRange) = try expectName()
        let typeParams = check(.leftBracket) ? try parseTypeParameters() : []
        var bases: [Expression] = []
        var keywords: [KeywordArgument] = []
        if accept(.leftParen) {
            (bases, keywords) = try parseCallArguments(openLocation: start)
        }
        let body = try parseBlock(after: "class definition", line: start.line)
        let definition = ClassDefinition(name: name, nameRange: nameRange, bases: bases, keywords: keywords,
                                         body: body, decoratorList: decorators, typeParams: typeParams)
        return Statement(.classDef(definition), range(from: start))
    }

    /// `type Name[params] = value`.
    mutating func parseTypeAlias() throws(SyntaxError) -> [Statement] {
        let start = current.range.start
        advance()
        let (name, nameRange) = try expectName()
        let typeParams = check(.leftBracket) ? try parseTypeParameters() : []
        try expect(.equal)
        let value = try parseExpression()
        let statement = Statement(.typeAlias(name: Expression(.name(name, .store), nameRange), typeParams: typeParams,
                                             value: value), range(from: start))
        if current.kind == .newline {
            advance()
        } else if current.kind != .endMarker {
            throw invalidSyntax()
        }
        return [statement]
    }

    /// `[T, T: bound, *Ts, **P]`.
    mutating func parseTypeParameters() throws(SyntaxError) -> [TypeParameter] {
        try expect(.leftBracket)
        var parameters: [TypeParameter] = []
        while !check(.rightBracket) {
            let start = current.range.start
            if accept(.star) {
                let (name, _) = try expectName()
                parameters.append(TypeParameter(kind: .typeVarTuple, name: name, range: range(from: start)))
            } else if accept(.doubleStar) {
                let (name, _) = try expectName()
                parameters.append(TypeParameter(kind: .paramSpec, name: name, range: range(from: start)))
            } else {
                let (name, _) = try expectName()
                let bound = accept(.colon) ? try parseExpression() : nil
                parameters.append(TypeParameter(kind: .typeVar(bound: bound), name: name, range: range(from: start)))
            }
            if !accept(.comma) { break }
        }
        try expect(.rightBracket)
        if parameters.isEmpty { throw expected("a type parameter") }
        return parameters
    }

    mutating func parseIf() throws(SyntaxError) -> Statement {
        let start = current.range.start
        advance()
        let test = try parseNamedExpression()
        let body = try parseBlock(after: "'if' statement", line: start.line)
        var clauses: [(start: SourceLocation, test: Expression, body: [Statement])] = []
        while check(.elif) {
            let clauseStart = current.range.start
            advance()
            let clauseTest = try parseNamedExpression()
            let clauseBody = try parseBlock(after: "'elif' statement", line: clauseStart.line)
            clauses.append((clauseStart, clauseTest, clauseBody))
        }
        var orelse: [Statement] = []
        if check(.else) {
            let elseLine = current.range.start.line
            advance()
            orelse = try parseBlock(after: "'else' statement", line: elseLine)
        }
        for clause in clauses.reversed() {
            orelse = [Statement(.if(test: clause.test, body: clause.body, orelse: orelse), range(from: clause.start))]
        }
        return Statement(.if(test: test, body: body, orelse: orelse), range(from: start))
    }

    mutating func parseElse() throws(SyntaxError) -> [Statement] {
        guard check(.else) else { return [] }
        let line = current.range.start.line
        advance()
        return try parseBlock(after: "'else' statement", line: line)
    }

    mutating func parseWhile() throws(SyntaxError) -> Statement {
        let start = current.range.start
        advance()
        let test = try parseNamedExpression()
        let body = try parseBlock(after: "'while' statement", line: start.line)
        let orelse = try parseElse()
        return Statement(.while(test: test, body: body, orelse: orelse), range(from: start))
    }

    mutating func parseFor() throws(SyntaxError) -> Statement {
        let start = current.range.start
        let isAsync = accept(.async)
        try expect(.for)
        let target = try parseTargetList()
        try expect(.in)
        let iter = try parseStarExpressions()
        let body = try parseBlock(after: "'for' statement", line: start.line)
        let orelse = try parseElse()
        return Statement(.for(target: target, iter: iter, body: body, orelse: orelse, isAsync: isAsync),
                         range(from: start))
    }

    /// Parses `star_targets` (as in `for` and comprehensions), in store context.
    mutating func parseTargetList() throws(SyntaxError) -> Expression {
        let start = current.range.start
        var elements: [Expression] = []
        var sawComma = false
        repeat {
            if check(.in) || check(.equal) { break }
            if check(.star) {
                let starStart = current.range.start
                advance()
                let value = try parseBitwiseOr()
                elements.append(Expression(.starred(value: value, .load), range(from: starStart)))
            } else {
                elements.append(try parseBitwiseOr())
            }
            if check(.comma) { sawComma = true }
        } while accept(.comma)
        if elements.isEmpty { throw invalidSyntax() }
        let target = elements.count == 1 && !sawComma
            ? elements[0] : Expression(.tuple(elts: elements, .load), range(from: start))
        return try asTarget(target, .store)
    }

    mutating func parseWith() throws(SyntaxError) -> Statement {
        let start = current.range.start
        let isAsync = accept(.async)
        try expect(.with)
        var items: [WithItem] = []
        if check(.leftParen) {
            let saved = (position, previousEnd, diagnostics.count, depth)
            do throws(SyntaxError) {
                advance()
                var parsed: [WithItem] = []
                repeat {
                    if check(.rightParen) && !parsed.isEmpty { break }
                    parsed.append(try parseWithItem())
                } while accept(.comma)
                try expect(.rightParen)
                guard check(.colon) else { throw invalidSyntax() }
                items = parsed
            } catch {
                (position, previousEnd, _, depth) = saved
                diagnostics.removeSubrange(saved.2...)
            }
        }
        if items.isEmpty {
            repeat {
                items.append(try parseWithItem())
            } while accept(.comma)
        }
        let body = try parseBlock(after: "'with' statement", line: start.line)
        return Statement(.with(items: items, body: body, isAsync: isAsync), range(from: start))
    }

    mutating func parseWithItem() throws(SyntaxError) -> WithItem {
        let start = current.range.start
        let context = try parseExpression()
        var target: Expression?
        if accept(.as) {
            target = try asTarget(try parseWithTarget(), .store)
        }
        return WithItem(contextExpr: context, optionalVars: target, range: range(from: start))
    }

    /// A `with ... as` target: a single target, or a comma-free parenthesised/bracketed one.
    mutating func parseWithTarget() throws(SyntaxError) -> Expression {
        if check(.star) {
            let start = current.range.start
            advance()
            let value = try parseBitwiseOr()
            return Expression(.starred(value: value, .load), range(from: start))
        }
        return try parseBitwiseOr()
    }

    mutating func parseTry() throws(SyntaxError) -> Statement {
        let start = current.range.start
        advance()
        let body = try parseBlock(after: "'try' statement", line: start.line)
        var handlers: [ExceptHandler] = []
        var sawStar = false
        var sawPlain = false
        while check(.except) {
            let handlerStart = current.range.start
            advance()
            let isStar = accept(.star)
            if isStar { sawStar = true } else { sawPlain = true }
            if sawStar && sawPlain {
                throw error("cannot have both 'except' and 'except*' on the same 'try'",
                            "A 'try' statement uses either 'except' or 'except*' clauses, not both. Split it into two 'try' statements.",
                            SourceRange(start: handlerStart, end: previousEnd))
            }
            var type: Expression?
            var name: String?
            if !check(.colon) {
                let typeStart = current.range.start
                type = try parseExpression()
                if check(.comma) {
                    throw error("multiple exception types must be parenthesized",
                                "Write the exception types as a tuple in parentheses, such as 'except (A, B):'.",
                                SourceRange(start: typeStart, end: previousEnd))
                }
                if accept(.as) { name = try expectName().0 }
            } else if isStar {
                throw expected("an exception type after 'except*'")
            }
            let handlerBody = try parseBlock(after: "'except' statement", line: handlerStart.line)
            handlers.append(ExceptHandler(type: type, name: name, body: handlerBody, range: range(from: handlerStart)))
        }
        let orelse = handlers.isEmpty ? [] : try parseElse()
        var finalbody: [Statement] = []
        if check(.finally) {
            let line = current.range.start.line
            advance()
            finalbody = try parseBlock(after: "'finally' statement", line: line)
        }
        if handlers.isEmpty && finalbody.isEmpty {
            throw expected("'except' or 'finally' block")
        }
        return Statement(.try(body: body, handlers: handlers, orelse: orelse, finalbody: finalbody, isStar: sawStar),
                         range(from: start))
    }
}
