extension Parser {
    /// Whether the current token can start an expression.
    var canStartExpression: Bool {
        switch current.kind {
        case .name, .number, .string: return true
        case .keyword(let keyword):
            switch keyword {
            case .none, .true, .false, .not, .lambda, .await, .yield: return true
            default: return false
            }
        case .punctuator(let punctuator):
            switch punctuator {
            case .leftParen, .leftBracket, .leftBrace, .minus, .plus, .tilde, .star, .ellipsis: return true
            default: return false
            }
        default: return false
        }
    }

    mutating func parseStarExpressionsOrYield() throws(SyntaxError) -> Expression {
        if check(.yield) { return try parseYield() }
        return try parseStarExpressions()
    }

    /// `star_expressions`: one expression, or a tuple without brackets.
    mutating func parseStarExpressions() throws(SyntaxError) -> Expression {
        let start = current.range.start
        let first = try parseStarExpression()
        guard check(.comma) else { return first }
        var elements = [first]
        while accept(.comma) {
            if !canStartExpression { break }
            elements.append(try parseStarExpression())
        }
        return Expression(.tuple(elts: elements, .load), range(from: start))
    }

    mutating func parseStarExpression() throws(SyntaxError) -> Expression {
        if check(.star) {
            let start = current.range.start
            advance()
            let value = try parseBitwiseOr()
            return Expression(.starred(value: value, .load), range(from: start))
        }
        return try parseExpression()
    }

    mutating func parseStarNamedExpression() throws(SyntaxError) -> Expression {
        if check(.star) {
            let start = current.range.start
            advance()
            let value = try parseBitwiseOr()
            return Expression(.starred(value: value, .load), range(from: start))
        }
        return try parseNamedExpression()
    }

    mutating func parseNamedExpression() throws(SyntaxError) -> Expression {
        if current.kind == .name && peek().kind == .punctuator(.colonEqual) {
            let start = current.range.start
            let nameToken = advance()
            advance()
            let target = Expression(.name(text(nameToken), .store), nameToken.range)
            let value = try parseExpression()
            return Expression(.namedExpr(target: target, value: value), range(from: start))
        }
        return try parseExpression()
    }

    mutating func parseExpression() throws(SyntaxError) -> Expression {
        try enter()
        defer { leave() }
        if check(.lambda) { return try parseLambda() }
        let start = current.range.start
        let body = try parseDisjunction()
        guard check(.if) else { return body }
        advance()
        let test = try parseDisjunction()
        try expect(.else)
        let orelse = try parseExpression()
        return Expression(.ifExp(test: test, body: body, orelse: orelse), range(from: start))
    }

    mutating func parseLambda() throws(SyntaxError) -> Expression {
        let start = current.range.start
        advance()
        let arguments = try parseParameters(closing: .colon, annotations: false)
        try expect(.colon)
        let body = try parseExpression()
        return Expression(.lambda(args: arguments, body: body), range(from: start))
    }

    mutating func parseYield() throws(SyntaxError) -> Expression {
        let start = current.range.start
        advance()
        if accept(.from) {
            let value = try parseExpression()
            return Expression(.yieldFrom(value: value), range(from: start))
        }
        let value = canStartExpression ? try parseStarExpressions() : nil
        return Expression(.yield(value: value), range(from: start))
    }

    mutating func parseDisjunction() throws(SyntaxError) -> Expression {
        let start = current.range.start
        let first = try parseConjunction()
        guard check(.or) else { return first }
        var values = [first]
        while accept(.or) { values.append(try parseConjunction()) }
        return Expression(.boolOp(.or, values: values), range(from: start))
    }

    mutating func parseConjunction() throws(SyntaxError) -> Expression {
        let start = current.range.start
        let first = try parseInversion()
        guard check(.and) else { return first }
        var values = [first]
        while accept(.and) { values.append(try parseInversion()) }
        return Expression(.boolOp(.and, values: values), range(from: start))
    }

    mutating func parseInversion() throws(SyntaxError) -> Expression {
        guard check(.not) else { return try parseComparison() }
        try enter()
        defer { leave() }
        let start = current.range.start
        advance()
        let operand = try parseInversion()
        return Expression(.unaryOp(.not, operand: operand), range(from: start))
    }

    /// The comparison operator at the current token, and how many tokens it takes.
    func comparisonOperator() -> (ComparisonOperator, Int)? {
        switch current.kind {
        case .punctuator(.equalEqual): return (.equal, 1)
        case .punctuator(.notEqual): return (.notEqual, 1)
        case .punctuator(.less): return (.less, 1)
        case .punctuator(.lessEqual): return (.lessOrEqual, 1)
        case .punctuator(.greater): return (.greater, 1)
        case .punctuator(.greaterEqual): return (.greaterOrEqual, 1)
        case .keyword(.in): return (.in, 1)
        case .keyword(.not) where peek().kind == .keyword(.in): return (.notIn, 2)
        case .keyword(.is) where peek().kind == .keyword(.not): return (.isNot, 2)
        case .keyword(.is): return (.is, 1)
        default: return nil
        }
    }

    mutating func parseComparison() throws(SyntaxError) -> Expression {
        let start = current.range.start
        let left = try parseBitwiseOr()
        guard comparisonOperator() != nil else { return left }
        var operators: [ComparisonOperator] = []
        var comparators: [Expression] = []
        while let (op, length) = comparisonOperator() {
            for _ in 0..<length { advance() }
            operators.append(op)
            comparators.append(try parseBitwiseOr())
        }
        return Expression(.compare(left: left, ops: operators, comparators: comparators), range(from: start))
    }

    /// The binary operator of precedence `level` (0 `|` ... 5 `*`) at the current token.
    func binaryOperator(level: Int) -> BinaryOperator? {
        guard case .punctuator(let punctuator) = current.kind else { return nil }
        switch (level, punctuator) {
        case (0, .verticalBar): return .bitOr
        case (1, .circumflex): return .bitXor
        case (2, .ampersand): return .bitAnd
        case (3, .leftShift): return .leftShift
        case (3, .rightShift): return .rightShift
        case (4, .plus): return .add
        case (4, .minus): return .subtract
        case (5, .star): return .multiply
        case (5, .slash): return .divide
        case (5, .doubleSlash): return .floorDivide
        case (5, .percent): return .modulo
        case (5, .at): return .matrixMultiply
        default: return nil
        }
    }

    mutating func parseBitwiseOr() throws(SyntaxError) -> Expression {
        try parseBinary(level: 0)
    }

    /// The level (0 to 5, `binaryOperator(level:)`) of the current token when it is a binary operator.
    func binaryOperatorLevel() -> Int? {
        guard case .punctuator(let punctuator) = current.kind else { return nil }
        switch punctuator {
        case .verticalBar: return 0
        case .circumflex: return 1
        case .ampersand: return 2
        case .leftShift, .rightShift: return 3
        case .plus, .minus: return 4
        case .star, .slash, .doubleSlash, .percent, .at: return 5
        default: return nil
        }
    }

    /// Left-associative binary operators of `level` and the levels above (binding tighter);
    /// each operator applied counts as one nesting level.
    ///
    /// The operand is parsed first, then each level's operators are applied, from the tightest
    /// level that comes next down to `level`: what one call per level, each calling the next
    /// for its operands, would do, without the calls for levels whose operators do not come.
    mutating func parseBinary(level: Int) throws(SyntaxError) -> Expression {
        let start = current.range.start
        var left = try parseFactor()
        // After a level's operators, the next operator (if any) belongs to a lower level: the
        // right operands took those of the higher ones.
        while let next = binaryOperatorLevel(), next >= level {
            left = try parseOperators(level: next, after: left, start: start)
        }
        return left
    }

    /// The operators of `level` applied in turn, from `left` (which began at `start`).
    mutating func parseOperators(level: Int, after left: Expression, start: SourceLocation) throws(SyntaxError) -> Expression {
        var left = left
        var levels = 0
        defer { depth -= levels }
        while let op = binaryOperator(level: level) {
            try enter()
            levels += 1
            advance()
            let right = try parseBinary(level: level + 1)
            left = Expression(.binOp(left: left, op, right: right), range(from: start))
        }
        return left
    }

    mutating func parseFactor() throws(SyntaxError) -> Expression {
        let op: UnaryOperator
        switch current.kind {
        case .punctuator(.plus): op = .plus
        case .punctuator(.minus): op = .minus
        case .punctuator(.tilde): op = .invert
        default: return try parsePower()
        }
        try enter()
        defer { leave() }
        let start = current.range.start
        advance()
        let operand = try parseFactor()
        return Expression(.unaryOp(op, operand: operand), range(from: start))
    }

    mutating func parsePower() throws(SyntaxError) -> Expression {
        let start = current.range.start
        let base = try parseAwaitPrimary()
        guard check(.doubleStar) else { return base }
        try enter()
        defer { leave() }
        advance()
        let exponent = try parseFactor()
        return Expression(.binOp(left: base, .power, right: exponent), range(from: start))
    }

    mutating func parseAwaitPrimary() throws(SyntaxError) -> Expression {
        guard check(.await) else { return try parsePrimary() }
        try enter()
        defer { leave() }
        let start = current.range.start
        advance()
        let value = try parsePrimary()
        return Expression(.await(value: value), range(from: start))
    }

    /// An atom followed by any number of `.name`, `(...)` and `[...]`.
    mutating func parsePrimary() throws(SyntaxError) -> Expression {
        let start = current.range.start
        var expression = try parseAtom()
        var levels = 0
        defer { depth -= levels }
        while true {
            switch current.kind {
            case .punctuator(.dot):
                try enter()
                levels += 1
                advance()
                let (attr, _) = try expectName()
                expression = Expression(.attribute(value: expression, attr: attr, .load), range(from: start))
            case .punctuator(.leftParen):
                try enter()
                levels += 1
                let open = advance()
                let (args, keywords) = try parseCallArguments(openLocation: open.range.start)
                expression = Expression(.call(function: expression, args: args, keywords: keywords), range(from: start))
            case .punctuator(.leftBracket):
                try enter()
                levels += 1
                advance()
                let slice = try parseSlices()
                try expect(.rightBracket)
                expression = Expression(.subscript(value: expression, slice: slice, .load), range(from: start))
            default:
                return expression
            }
        }
    }

    mutating func parseSlices() throws(SyntaxError) -> Expression {
        let start = current.range.start
        let first = try parseSlice()
        guard check(.comma) else {
            if case .starred = first.kind {
                return Expression(.tuple(elts: [first], .load), range(from: start))
            }
            return first
        }
        var elements = [first]
        while accept(.comma) {
            if check(.rightBracket) { break }
            elements.append(try parseSlice())
        }
        return Expression(.tuple(elts: elements, .load), range(from: start))
    }

    var atSliceEnd: Bool { check(.colon) || check(.rightBracket) || check(.comma) }

    mutating func parseSlice() throws(SyntaxError) -> Expression {
        let start = current.range.start
        var lower: Expression?
        if !check(.colon) {
            lower = try parseStarNamedExpression()
            guard check(.colon) else { return lower! }
        }
        advance()
        let upper = atSliceEnd ? nil : try parseExpression()
        var step: Expression?
        if accept(.colon) {
            step = atSliceEnd ? nil : try parseExpression()
        }
        return Expression(.slice(lower: lower, upper: upper, step: step), range(from: start))
    }

    /// Call arguments after the `(` at `openLocation`, through the closing `)`.
    mutating func parseCallArguments(openLocation: SourceLocation) throws(SyntaxError) -> ([Expression], [KeywordArgument]) {
        var args: [Expression] = []
        var keywords: [KeywordArgument] = []
        var sawDoubleStar = false
        while !check(.rightParen) {
            let start = current.range.start
            if check(.star) {
                advance()
                let value = try parseExpression()
                if sawDoubleStar {
                    throw error("iterable argument unpacking follows keyword argument unpacking",
                                "Put '*' arguments before '**' arguments.", range(from: start))
                }
                args.append(Expression(.starred(value: value, .load), range(from: start)))
            } else if check(.doubleStar) {
                advance()
                let value = try parseExpression()
                sawDoubleStar = true
                keywords.append(KeywordArgument(name: nil, value: value, range: range(from: start)))
            } else if current.kind == .name && peek().kind == .punctuator(.equal) {
                let name = text(advance())
                advance()
                let value = try parseExpression()
                keywords.append(KeywordArgument(name: name, value: value, range: range(from: start)))
            } else {
                let value = try parseNamedExpression()
                if check(.for) || (check(.async) && peek().kind == .keyword(.for)) {
                    let generators = try parseComprehensionClauses()
                    let alone = args.isEmpty && keywords.isEmpty && check(.rightParen)
                    if !alone {
                        throw error("Generator expression must be parenthesized",
                                    "A generator expression that is not the only argument needs its own parentheses.",
                                    range(from: start))
                    }
                    advance()
                    let generator = Expression(.generatorExp(elt: value, generators: generators),
                                               range(from: openLocation))
                    return ([generator], [])
                }
                if !keywords.isEmpty {
                    throw error(sawDoubleStar ? "positional argument follows keyword argument unpacking"
                                    : "positional argument follows keyword argument",
                                "Put positional arguments before keyword arguments.", value.range)
                }
                args.append(value)
            }
            if !accept(.comma) { break }
        }
        try expect(.rightParen)
        return (args, keywords)
    }

    mutating func parseComprehensionClauses() throws(SyntaxError) -> [Comprehension] {
        var generators: [Comprehension] = []
        while check(.for) || (check(.async) && peek().kind == .keyword(.for)) {
            let start = current.range.start
            let isAsync = accept(.async)
            advance()
            let target = try parseTargetList()
            try expect(.in)
            let iter = try parseDisjunction()
            var conditions: [Expression] = []
            while accept(.if) { conditions.append(try parseDisjunction()) }
            generators.append(Comprehension(target: target, iter: iter, ifs: conditions, isAsync: isAsync,
                                            range: range(from: start)))
        }
        return generators
    }

    /// A parameter list up to (not including) `closing`.
    mutating func parseParameters(closing: Punctuator, annotations: Bool) throws(SyntaxError) -> Arguments {
        let start = current.range.start
        var arguments = Arguments(range: SourceRange(start: start, end: start))
        var sawStar = false
        var sawDefault = false
        var sawAny = false
        while !check(closing) {
            sawAny = true
            if check(.slash) {
                if sawStar || arguments.args.isEmpty || !arguments.posonlyargs.isEmpty {
                    throw error("invalid syntax", "'/' must come after at least one parameter and before '*'.",
                                current.range)
                }
                advance()
                arguments.posonlyargs = arguments.args
                arguments.args = []
            } else if check(.star) {
                if sawStar {
                    throw error("* argument may appear only once", "A function can have only one '*' or '*args'.",
                                current.range)
                }
                advance()
                sawStar = true
                if !check(.comma) && !check(closing) {
                    arguments.vararg = try parseParameter(annotations: annotations, allowStarAnnotation: true)
                }
            } else if check(.doubleStar) {
                advance()
                arguments.kwarg = try parseParameter(annotations: annotations, allowStarAnnotation: false)
                _ = accept(.comma)
                break
            } else {
                let parameter = try parseParameter(annotations: annotations, allowStarAnnotation: false)
                let defaultValue = accept(.equal) ? try parseExpression() : nil
                if sawStar {
                    arguments.kwonlyargs.append(parameter)
                    arguments.kwDefaults.append(defaultValue)
                } else {
                    arguments.args.append(parameter)
                    if let defaultValue {
                        arguments.defaults.append(defaultValue)
                        sawDefault = true
                    } else if sawDefault {
                        throw error("non-default argument follows default argument",
                                    "Parameters without a default value must come before those with one.",
                                    parameter.range)
                    }
                }
            }
            if !accept(.comma) { break }
        }
        if sawAny { arguments.range = range(from: start) }
        return arguments
    }

    mutating func parseParameter(annotations: Bool, allowStarAnnotation: Bool) throws(SyntaxError) -> Parameter {
        let start = current.range.start
        let (name, _) = try expectName()
        var annotation: Expression?
        if annotations && accept(.colon) {
            annotation = allowStarAnnotation ? try parseStarExpression() : try parseExpression()
        }
        return Parameter(name: name, annotation: annotation, range: range(from: start))
    }

    // MARK: - Atoms

    mutating func parseAtom() throws(SyntaxError) -> Expression {
        let token = current
        switch token.kind {
        case .name:
            advance()
            return Expression(.name(text(token), .load), token.range)
        case .number:
            advance()
            return Expression(.constant(Parser.numberValue(text(token))), token.range)
        case .string:
            return try parseStrings()
        case .keyword(.none):
            advance()
            return Expression(.constant(.none), token.range)
        case .keyword(.true):
            advance()
            return Expression(.constant(.boolean(true)), token.range)
        case .keyword(.false):
            advance()
            return Expression(.constant(.boolean(false)), token.range)
        case .punctuator(.ellipsis):
            advance()
            return Expression(.constant(.ellipsis), token.range)
        case .punctuator(.leftParen):
            try enter()
            defer { leave() }
            return try parseParenthesized()
        case .punctuator(.leftBracket):
            try enter()
            defer { leave() }
            return try parseList()
        case .punctuator(.leftBrace):
            try enter()
            defer { leave() }
            return try parseDictOrSet()
        default:
            throw invalidSyntax()
        }
    }

    static func numberValue(_ text: String) -> ConstantValue {
        let lowered = text.lowercased()
        if lowered.hasSuffix("j") { return .imaginary(text) }
        if lowered.hasPrefix("0x") || lowered.hasPrefix("0o") || lowered.hasPrefix("0b") { return .integer(text) }
        if lowered.contains(".") || lowered.contains("e") { return .float(text) }
        return .integer(text)
    }

    var startsComprehension: Bool {
        check(.for) || (check(.async) && peek().kind == .keyword(.for))
    }

    mutating func parseParenthesized() throws(SyntaxError) -> Expression {
        let start = current.range.start
        advance()
        if accept(.rightParen) {
            return Expression(.tuple(elts: [], .load), range(from: start))
        }
        if check(.yield) {
            let value = try parseYield()
            try expect(.rightParen)
            return value
        }
        let first = try parseStarNamedExpression()
        if startsComprehension {
            let generators = try parseComprehensionClauses()
            try expect(.rightParen)
            return Expression(.generatorExp(elt: first, generators: generators), range(from: start))
        }
        if check(.comma) {
            var elements = [first]
            while accept(.comma) {
                if check(.rightParen) { break }
                elements.append(try parseStarNamedExpression())
            }
            try expect(.rightParen)
            return Expression(.tuple(elts: elements, .load), range(from: start))
        }
        try expect(.rightParen)
        return first
    }

    mutating func parseList() throws(SyntaxError) -> Expression {
        let start = current.range.start
        advance()
        if accept(.rightBracket) {
            return Expression(.list(elts: [], .load), range(from: start))
        }
        let first = try parseStarNamedExpression()
        if startsComprehension {
            let generators = try parseComprehensionClauses()
            try expect(.rightBracket)
            return Expression(.listComp(elt: first, generators: generators), range(from: start))
        }
        var elements = [first]
        while accept(.comma) {
            if check(.rightBracket) { break }
            elements.append(try parseStarNamedExpression())
        }
        try expect(.rightBracket)
        return Expression(.list(elts: elements, .load), range(from: start))
    }

    mutating func parseDictOrSet() throws(SyntaxError) -> Expression {
        let start = current.range.start
        advance()
        if accept(.rightBrace) {
            return Expression(.dict(keys: [], values: []), range(from: start))
        }
        var keys: [Expression?] = []
        var values: [Expression] = []
        if accept(.doubleStar) {
            keys.append(nil)
            values.append(try parseBitwiseOr())
        } else {
            let first = try parseStarNamedExpression()
            if accept(.colon) {
                let value = try parseExpression()
                if startsComprehension {
                    let generators = try parseComprehensionClauses()
                    try expect(.rightBrace)
                    return Expression(.dictComp(key: first, value: value, generators: generators), range(from: start))
                }
                keys.append(first)
                values.append(value)
            } else {
                if startsComprehension {
                    let generators = try parseComprehensionClauses()
                    try expect(.rightBrace)
                    return Expression(.setComp(elt: first, generators: generators), range(from: start))
                }
                var elements = [first]
                while accept(.comma) {
                    if check(.rightBrace) { break }
                    elements.append(try parseStarNamedExpression())
                }
                try expect(.rightBrace)
                return Expression(.set(elts: elements), range(from: start))
            }
        }
        while accept(.comma) {
            if check(.rightBrace) { break }
            if accept(.doubleStar) {
                keys.append(nil)
                values.append(try parseBitwiseOr())
            } else {
                keys.append(try parseExpression())
                try expect(.colon)
                values.append(try parseExpression())
            }
        }
        try expect(.rightBrace)
        return Expression(.dict(keys: keys, values: values), range(from: start))
    }
}
