extension Parser {
    /// `match subject: case ...`, or `nil` (with nothing consumed) when `match` is a plain name here.
    mutating func parseMatch() throws(SyntaxError) -> Statement? {
        let start = current.range.start
        let saved = (position, previousEnd, diagnostics.count, depth)
        var subject: Expression?
        do throws(SyntaxError) {
            advance()
            let subjectStart = current.range.start
            let first = try parseStarNamedExpression()
            if check(.comma) {
                var elements = [first]
                while accept(.comma) {
                    if check(.colon) { break }
                    elements.append(try parseStarNamedExpression())
                }
                subject = Expression(.tuple(elts: elements, .load), range(from: subjectStart))
            } else {
                subject = first
            }
            guard check(.colon), peek().kind == .newline else { throw invalidSyntax() }
        } catch {
            (position, previousEnd, _, depth) = saved
            diagnostics.removeSubrange(saved.2...)
            return nil
        }
        advance()
        advance()
        guard current.kind == .indent else {
            throw error("expected an indented block after 'match' statement on line \(start.line)",
                        "The cases of a 'match' statement must be indented on the following lines.", current.range)
        }
        try enter()
        defer { leave() }
        advance()
        var cases: [MatchCase] = []
        while current.kind != .dedent && current.kind != .endMarker {
            let before = position
            let savedDepth = depth
            do throws(SyntaxError) {
                guard isName("case") else { throw expected("'case'") }
                cases.append(try parseCase())
            } catch {
                record(error)
                depth = savedDepth
                synchronize()
                if position == before && current.kind != .endMarker && current.kind != .dedent { advance() }
            }
        }
        if current.kind == .dedent { advance() }
        return Statement(.match(subject: subject!, cases: cases), range(from: start))
    }

    mutating func parseCase() throws(SyntaxError) -> MatchCase {
        let start = current.range.start
        advance()
        let pattern = try parsePatterns()
        let guardExpression = accept(.if) ? try parseNamedExpression() : nil
        let body = try parseBlock(after: "'case' statement", line: start.line)
        return MatchCase(pattern: pattern, guard: guardExpression, body: body, range: range(from: start))
    }

    /// `patterns`: one pattern, or an open sequence `a, *b`.
    mutating func parsePatterns() throws(SyntaxError) -> Pattern {
        let start = current.range.start
        let first = try parseMaybeStarPattern()
        guard check(.comma) else {
            if case .matchStar = first.kind {
                return Pattern(.matchSequence([first]), range(from: start))
            }
            return first
        }
        var patterns = [first]
        while accept(.comma) {
            if check(.colon) || check(.if) { break }
            patterns.append(try parseMaybeStarPattern())
        }
        return Pattern(.matchSequence(patterns), range(from: start))
    }

    mutating func parseMaybeStarPattern() throws(SyntaxError) -> Pattern {
        guard check(.star) else { return try parsePattern() }
        let start = current.range.start
        advance()
        let (name, _) = try expectName()
        return Pattern(.matchStar(name: name == "_" ? nil : name), range(from: start))
    }

    /// `or_pattern ['as' NAME]`.
    mutating func parsePattern() throws(SyntaxError) -> Pattern {
        let start = current.range.start
        let pattern = try parseOrPattern()
        guard accept(.as) else { return pattern }
        let (name, nameRange) = try expectName()
        if name == "_" {
            throw error("cannot use '_' as a target", "Use a real name after 'as', or drop the 'as' clause.", nameRange)
        }
        return Pattern(.matchAs(pattern: pattern, name: name), range(from: start))
    }

    mutating func parseOrPattern() throws(SyntaxError) -> Pattern {
        let start = current.range.start
        let first = try parseClosedPattern()
        guard check(.verticalBar) else { return first }
        var patterns = [first]
        while accept(.verticalBar) { patterns.append(try parseClosedPattern()) }
        return Pattern(.matchOr(patterns), range(from: start))
    }

    mutating func parseClosedPattern() throws(SyntaxError) -> Pattern {
        try enter()
        defer { leave() }
        let start = current.range.start
        switch current.kind {
        case .keyword(.none):
            advance()
            return Pattern(.matchSingleton(.none), range(from: start))
        case .keyword(.true), .keyword(.false):
            let value = check(.true)
            advance()
            return Pattern(.matchSingleton(.boolean(value)), range(from: start))
        case .number, .string, .punctuator(.minus):
            return Pattern(.matchValue(try parseLiteralPatternValue()), range(from: start))
        case .name:
            if isName("_") && peek().kind != .punctuator(.dot) && peek().kind != .punctuator(.leftParen) {
                advance()
                return Pattern(.matchAs(pattern: nil, name: nil), range(from: start))
            }
            let nameToken = advance()
            var value = Expression(.name(text(nameToken), .load), nameToken.range)
            var dotted = false
            while accept(.dot) {
                let (attr, _) = try expectName()
                value = Expression(.attribute(value: value, attr: attr, .load), range(from: start))
                dotted = true
            }
            if accept(.leftParen) { return try parseClassPattern(cls: value, start: start) }
            if !dotted { return Pattern(.matchAs(pattern: nil, name: text(nameToken)), range(from: start)) }
            return Pattern(.matchValue(value), range(from: start))
        case .punctuator(.leftParen):
            advance()
            if accept(.rightParen) { return Pattern(.matchSequence([]), range(from: start)) }
            let first = try parseMaybeStarPattern()
            var isStar = false
            if case .matchStar = first.kind { isStar = true }
            if !check(.comma) && !isStar {
                try expect(.rightParen)
                return first
            }
            var patterns = [first]
            while accept(.comma) {
                if check(.rightParen) { break }
                patterns.append(try parseMaybeStarPattern())
            }
            try expect(.rightParen)
            return Pattern(.matchSequence(patterns), range(from: start))
        case .punctuator(.leftBracket):
            advance()
            var patterns: [Pattern] = []
            while !check(.rightBracket) {
                patterns.append(try parseMaybeStarPattern())
                if !accept(.comma) { break }
            }
            try expect(.rightBracket)
            return Pattern(.matchSequence(patterns), range(from: start))
        case .punctuator(.leftBrace):
            advance()
            var keys: [Expression] = []
            var patterns: [Pattern] = []
            var rest: String?
            while !check(.rightBrace) {
                if accept(.doubleStar) {
                    rest = try expectName().0
                    _ = accept(.comma)
                    break
                }
                keys.append(try parseMappingKey())
                try expect(.colon)
                patterns.append(try parsePattern())
                if !accept(.comma) { break }
            }
            try expect(.rightBrace)
            return Pattern(.matchMapping(keys: keys, patterns: patterns, rest: rest), range(from: start))
        default:
            throw invalidSyntax()
        }
    }

    mutating func parseMappingKey() throws(SyntaxError) -> Expression {
        switch current.kind {
        case .keyword(.none), .keyword(.true), .keyword(.false):
            return try parseAtom()
        case .name:
            let start = current.range.start
            let nameToken = advance()
            var value = Expression(.name(text(nameToken), .load), nameToken.range)
            guard check(.dot) else { throw expected("a literal or dotted name as mapping key") }
            while accept(.dot) {
                let (attr, _) = try expectName()
                value = Expression(.attribute(value: value, attr: attr, .load), range(from: start))
            }
            return value
        default:
            return try parseLiteralPatternValue()
        }
    }

    /// A literal in a pattern: a string, a signed number, or `real ± imaginary`.
    mutating func parseLiteralPatternValue() throws(SyntaxError) -> Expression {
        let start = current.range.start
        if current.kind == .string { return try parseStrings() }
        var value: Expression
        if check(.minus) {
            advance()
            guard current.kind == .number else { throw expected("a number after '-'") }
            let number = advance()
            value = Expression(.unaryOp(.minus, operand: Expression(.constant(Parser.numberValue(text(number))), number.range)),
                               range(from: start))
        } else {
            guard current.kind == .number else { throw invalidSyntax() }
            let number = advance()
            value = Expression(.constant(Parser.numberValue(text(number))), number.range)
        }
        if check(.plus) || check(.minus) {
            let op: BinaryOperator = check(.plus) ? .add : .subtract
            advance()
            guard current.kind == .number else { throw expected("an imaginary number") }
            let number = advance()
            let imaginary = Expression(.constant(Parser.numberValue(text(number))), number.range)
            value = Expression(.binOp(left: value, op, right: imaginary), range(from: start))
        }
        return value
    }

    mutating func parseClassPattern(cls: Expression, start: SourceLocation) throws(SyntaxError) -> Pattern {
        var patterns: [Pattern] = []
        var attributes: [String] = []
        var keywordPatterns: [Pattern] = []
        while !check(.rightParen) {
            if current.kind == .name && peek().kind == .punctuator(.equal) {
                attributes.append(text(advance()))
                advance()
                keywordPatterns.append(try parsePattern())
            } else {
                if !attributes.isEmpty {
                    throw error("positional patterns follow keyword patterns",
                                "Put positional sub-patterns before keyword sub-patterns in a class pattern.",
                                current.range)
                }
                patterns.append(try parsePattern())
            }
            if !accept(.comma) { break }
        }
        try expect(.rightParen)
        return Pattern(.matchClass(cls: cls, patterns: patterns, kwdAttrs: attributes, kwdPatterns: keywordPatterns),
                       range(from: start))
    }
}
