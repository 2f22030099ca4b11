extension Parser {
    /// An expression that stands for nothing after a syntax error.
    func invalid(_ range: SourceRange) -> Expression { Expression(.invalid, range: range) }

    /// Expression := Conditional; nests one level.
    mutating func parseExpression() -> Expression {
        let start = peek()
        guard enter(range(start)) else { return invalid(range(start)) }
        defer { leave() }
        let condition = parseBinary(minimumPrecedence: 1)
        guard peek().kind == .question else { return condition }
        _ = next()
        let trueResult = parseExpression()
        let colon = peek()
        guard colon.kind == .colon else {
            error("Missing false expression in conditional", "The conditional operator needs a \":\" and a value for when the condition is false, but found \(describe(colon)). Write \"condition ? true_value : false_value\".", range(colon), context: condition.range.union(trueResult.range))
            return Expression(.conditional(condition: condition, trueResult: trueResult, falseResult: invalid(range(colon))), range: condition.range.union(trueResult.range))
        }
        _ = next()
        let falseResult = parseExpression()
        return Expression(.conditional(condition: condition, trueResult: trueResult, falseResult: falseResult), range: condition.range.union(falseResult.range))
    }

    @inline(__always)
    func binaryOperator(_ kind: TokenKind) -> BinaryOperator? {
        switch kind {
        case .or: return .or
        case .and: return .and
        case .equalEqual: return .equal
        case .notEqual: return .notEqual
        case .less: return .less
        case .greater: return .greater
        case .lessEqual: return .lessOrEqual
        case .greaterEqual: return .greaterOrEqual
        case .plus: return .add
        case .minus: return .subtract
        case .star: return .multiply
        case .slash: return .divide
        case .percent: return .modulo
        default: return nil
        }
    }

    mutating func parseBinary(minimumPrecedence: Int) -> Expression {
        var lhs = parseUnary()
        // Each operator in a chain deepens the (left-leaning) tree, so it counts as a nesting level.
        var levels = 0
        defer { depth -= levels }
        while let op = binaryOperator(peek().kind), op.precedence >= minimumPrecedence {
            let token = next()
            levels += 1
            guard enter(range(token)) else { return lhs }
            let rhs = parseBinary(minimumPrecedence: op.precedence + 1)
            lhs = Expression(.binary(op, lhs, rhs), range: lhs.range.union(rhs.range))
        }
        return lhs
    }

    mutating func parseUnary() -> Expression {
        let token = peek()
        guard token.kind == .bang || token.kind == .minus else { return parsePostfix(parsePrimary()) }
        _ = next()
        guard enter(range(token)) else { return invalid(range(token)) }
        defer { leave() }
        let operand = parseUnary()
        let whole = range(token).union(operand.range)
        if token.kind == .minus, case .literal(.number(let value)) = operand.kind {
            return Expression(.literal(.number(-value)), range: whole)
        }
        return Expression(.unary(token.kind == .bang ? .not : .negate, operand), range: whole)
    }

    // MARK: Primary expressions

    mutating func parsePrimary() -> Expression {
        let token = peek()
        switch token.kind {
        case .number:
            _ = next()
            return Expression(.literal(.number(numberValue(token))), range: range(token))
        case .identifier:
            _ = next()
            if tokenIs(token, "true") { return Expression(.literal(.bool(true)), range: range(token)) }
            if tokenIs(token, "false") { return Expression(.literal(.bool(false)), range: range(token)) }
            if tokenIs(token, "null") { return Expression(.literal(.null), range: range(token)) }
            let after = peek()
            if after.kind == .openParen || after.kind == .doubleColon { return parseFunctionCall(name: token) }
            let rootRange = range(token)
            return parsePostfix(Expression(.invalid, range: rootRange), root: (name(token), rootRange))
        case .openQuote:
            _ = next()
            return parseQuotedTemplate(open: token)
        case .heredocStart:
            _ = next()
            return parseHeredoc(marker: token)
        case .openParen:
            _ = next()
            let saved = skipNewlines
            setSkipNewlines(true)
            let inner = parseExpression()
            let close = peek()
            var end = inner.range.end
            if close.kind == .closeParen {
                _ = next()
                end = endPosition(close)
            } else {
                error("Missing closing parenthesis", "The parenthesis opened here is not closed: found \(describe(close)) where \")\" was expected.", range(close), context: range(token).union(range(close)))
                recoverToCloser(UInt8(ascii: ")"))
            }
            setSkipNewlines(saved)
            return Expression(.parenthesized(inner), range: SourceRange(start: startPosition(token), end: end))
        case .openBracket:
            _ = next()
            return parseTuple(open: token)
        case .openBrace:
            _ = next()
            return parseObject(open: token)
        default:
            error("Invalid expression", "Expected the start of an expression, but found \(describe(token)).", range(token))
            if token.kind == .invalid { _ = next() }
            return invalid(range(token))
        }
    }

    func numberValue(_ token: Token) -> Double {
        var integer: UInt64 = 0
        var simple = token.end - token.start <= 15
        if simple {
            for i in token.start..<token.end {
                let c = buffer[i]
                guard isDigit(c) else { simple = false; break }
                integer = integer * 10 + UInt64(c - UInt8(ascii: "0"))
            }
        }
        if simple { return Double(integer) }
        return Double(identifierText(token)) ?? .nan
    }

    mutating func parseFunctionCall(name first: Token) -> Expression {
        var nameEnd = first
        var name = self.name(first)
        while peek().kind == .doubleColon {
            let colons = next()
            let part = peek()
            guard part.kind == .identifier else {
                error("Invalid function name", "A \"::\" in a function name must be followed by a name, but found \(describe(part)).", range(part), context: range(first).union(range(colons)))
                return invalid(range(first).union(range(colons)))
            }
            _ = next()
            name += "::" + identifierText(part)
            nameEnd = part
        }
        let nameRange = range(first).union(range(nameEnd))
        let open = peek()
        guard open.kind == .openParen else {
            error("Missing function arguments", "The namespaced name \"\(name)\" must be followed by \"(\" and the call's arguments, but found \(describe(open)).", range(open), context: nameRange)
            return invalid(nameRange)
        }
        _ = next()
        let saved = skipNewlines
        setSkipNewlines(true)
        defer { setSkipNewlines(saved) }
        let arguments = pending.expressions.count
        var expands = false
        while true {
            let token = peek()
            if token.kind == .closeParen {
                _ = next()
                let call = FunctionCall(name: name, nameRange: nameRange, arguments: pending.expressions.take(from: arguments), expandsFinalArgument: expands, openParenRange: range(open), closeParenRange: range(token))
                return Expression(.functionCall(call), range: nameRange.union(range(token)))
            }
            if expands || token.kind == .endOfFile {
                error("Missing closing parenthesis", "The arguments of \"\(name)\" must end with \")\", but found \(describe(token))\(expands ? " after the expanded argument \"...\", which must come last" : "").", range(token), context: nameRange.union(range(token)))
                recoverToCloser(UInt8(ascii: ")"))
                return Expression(.functionCall(FunctionCall(name: name, nameRange: nameRange, arguments: pending.expressions.take(from: arguments), expandsFinalArgument: expands, openParenRange: range(open), closeParenRange: SourceRange(at: here))), range: SourceRange(start: nameRange.start, end: here))
            }
            let before = diagnostics.count
            let argument = parseExpression()
            pending.expressions.push(argument)
            if diagnostics.count > before {
                recoverToCloser(UInt8(ascii: ")"))
                return Expression(.functionCall(FunctionCall(name: name, nameRange: nameRange, arguments: pending.expressions.take(from: arguments), expandsFinalArgument: expands, openParenRange: range(open), closeParenRange: SourceRange(at: here))), range: SourceRange(start: nameRange.start, end: here))
            }
            let separator = peek()
            if separator.kind == .ellipsis {
                _ = next()
                expands = true
                if peek().kind == .comma { _ = next() }
            } else if separator.kind == .comma {
                _ = next()
            } else if separator.kind != .closeParen {
                error("Missing argument separator", "Arguments of \"\(name)\" are separated by commas, but found \(describe(separator)). Add a \",\" between arguments or a \")\" after the last one.", range(separator), context: nameRange.union(range(separator)))
                recoverToCloser(UInt8(ascii: ")"))
                return Expression(.functionCall(FunctionCall(name: name, nameRange: nameRange, arguments: pending.expressions.take(from: arguments), expandsFinalArgument: expands, openParenRange: range(open), closeParenRange: SourceRange(at: here))), range: SourceRange(start: nameRange.start, end: here))
            }
        }
    }

    mutating func parseTuple(open: Token) -> Expression {
        let saved = skipNewlines
        setSkipNewlines(true)
        defer { setSkipNewlines(saved) }
        let first = peek()
        if tokenIs(first, "for") {
            _ = next()
            return parseFor(open: open, forKeyword: first, producesObject: false)
        }
        let elements = pending.expressions.count
        while true {
            let token = peek()
            if token.kind == .closeBracket {
                _ = next()
                return Expression(.tuple(pending.expressions.take(from: elements)), range: range(open).union(range(token)))
            }
            if token.kind == .endOfFile {
                error("Missing closing bracket", "The tuple opened here has no \"]\" before the end of the file. Add \"]\" after its last element.", range(open))
                return Expression(.tuple(pending.expressions.take(from: elements)), range: SourceRange(start: startPosition(open), end: here))
            }
            let before = diagnostics.count
            let element = parseExpression()
            pending.expressions.push(element)
            if diagnostics.count > before {
                recoverToCloser(UInt8(ascii: "]"))
                return Expression(.tuple(pending.expressions.take(from: elements)), range: SourceRange(start: startPosition(open), end: here))
            }
            let separator = peek()
            if separator.kind == .comma {
                _ = next()
            } else if separator.kind != .closeBracket {
                error("Missing item separator", "Tuple elements are separated by commas, but found \(describe(separator)). Add a \",\" between elements or a \"]\" after the last one.", range(separator), context: range(open).union(range(separator)))
                recoverToCloser(UInt8(ascii: "]"))
                return Expression(.tuple(pending.expressions.take(from: elements)), range: SourceRange(start: startPosition(open), end: here))
            }
        }
    }

    mutating func parseObject(open: Token) -> Expression {
        let saved = skipNewlines
        setSkipNewlines(true)
        let first = peek()
        var pendingKey: Expression? = nil
        if tokenIs(first, "for") {
            _ = next()
            let after = peek()
            if after.kind != .equal && after.kind != .colon {
                let result = parseFor(open: open, forKeyword: first, producesObject: true)
                setSkipNewlines(saved)
                return result
            }
            pendingKey = Expression(.literal(.string("for")), range: range(first))
        }
        setSkipNewlines(false)
        defer { setSkipNewlines(saved) }
        let items = pending.items.count
        while true {
            var key: Expression
            if let pending = pendingKey {
                key = pending
                pendingKey = nil
            } else {
                let token = peek()
                if token.kind == .newline {
                    _ = next()
                    continue
                }
                if token.kind == .closeBrace {
                    _ = next()
                    return Expression(.object(pending.items.take(from: items)), range: range(open).union(range(token)))
                }
                if token.kind == .endOfFile {
                    error("Missing closing brace", "The object opened here has no \"}\" before the end of the file. Add \"}\" after its last item.", range(open))
                    return Expression(.object(pending.items.take(from: items)), range: SourceRange(start: startPosition(open), end: here))
                }
                let before = diagnostics.count
                key = parseExpression()
                if diagnostics.count > before {
                    recoverToCloser(UInt8(ascii: "}"))
                    return Expression(.object(pending.items.take(from: items)), range: SourceRange(start: startPosition(open), end: here))
                }
                if case .scopeTraversal(let traversal) = key.kind, traversal.steps.isEmpty {
                    key = Expression(.literal(.string(traversal.root)), range: key.range)
                }
            }
            let equals = peek()
            guard equals.kind == .equal || equals.kind == .colon else {
                error("Missing key/value separator", "An object item needs \"=\" or \":\" between its key and its value, but found \(describe(equals)).", range(equals), context: range(open).union(range(equals)))
                recoverToCloser(UInt8(ascii: "}"))
                return Expression(.object(pending.items.take(from: items)), range: SourceRange(start: startPosition(open), end: here))
            }
            _ = next()
            let before = diagnostics.count
            let value = parseExpression()
            pending.items.push(ObjectItem(key: key, value: value))
            if diagnostics.count > before {
                recoverToCloser(UInt8(ascii: "}"))
                return Expression(.object(pending.items.take(from: items)), range: SourceRange(start: startPosition(open), end: here))
            }
            let separator = peek()
            switch separator.kind {
            case .comma, .newline: _ = next()
            case .closeBrace: break
            default:
                error("Missing attribute separator", "Object items are separated by commas or newlines, but found \(describe(separator)). Put each item on its own line or add a \",\".", range(separator), context: range(open).union(range(separator)))
                recoverToCloser(UInt8(ascii: "}"))
                return Expression(.object(pending.items.take(from: items)), range: SourceRange(start: startPosition(open), end: here))
            }
        }
    }

    /// Reads the rest of `[for ...]` or `{for ...}` after the `for` keyword; newlines are skipped.
    mutating func parseFor(open: Token, forKeyword: Token, producesObject: Bool) -> Expression {
        let closer: TokenKind = producesObject ? .closeBrace : .closeBracket
        let closerByte = producesObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
        func fail(_ parser: inout Parser, _ summary: String, _ detail: String, _ token: Token) -> Expression {
            parser.error(summary, detail, parser.range(token), context: parser.range(open).union(parser.range(token)))
            parser.recoverToCloser(closerByte)
            return Expression(.invalid, range: SourceRange(start: parser.startPosition(open), end: parser.here))
        }
        var first = peek()
        guard first.kind == .identifier else {
            return fail(&self, "Invalid for expression", "A \"for\" must be followed by an iterator name, but found \(describe(first)).", first)
        }
        _ = next()
        var keyVariable: Token? = nil
        var valueVariable = first
        if peek().kind == .comma {
            _ = next()
            first = peek()
            guard first.kind == .identifier else {
                return fail(&self, "Invalid for expression", "After \",\" a second iterator name was expected, but found \(describe(first)).", first)
            }
            _ = next()
            keyVariable = valueVariable
            valueVariable = first
        }
        let inKeyword = peek()
        guard tokenIs(inKeyword, "in") else {
            return fail(&self, "Invalid for expression", "The iterator names of a \"for\" must be followed by \"in\" and a collection, but found \(describe(inKeyword)).", inKeyword)
        }
        _ = next()
        let before = diagnostics.count
        let collection = parseExpression()
        if diagnostics.count > before { recoverToCloser(closerByte); return invalid(SourceRange(start: startPosition(open), end: here)) }
        let colon = peek()
        guard colon.kind == .colon else {
            return fail(&self, "Invalid for expression", "The collection of a \"for\" must be followed by \":\" and the result expression, but found \(describe(colon)).", colon)
        }
        _ = next()
        var keyExpression: Expression? = nil
        var valueExpression = parseExpression()
        if diagnostics.count > before { recoverToCloser(closerByte); return invalid(SourceRange(start: startPosition(open), end: here)) }
        var grouped = false
        if producesObject {
            let arrow = peek()
            guard arrow.kind == .fatArrow else {
                return fail(&self, "Invalid for expression", "An object \"for\" needs \"=>\" between the key and the value, but found \(describe(arrow)).", arrow)
            }
            _ = next()
            keyExpression = valueExpression
            valueExpression = parseExpression()
            if diagnostics.count > before { recoverToCloser(closerByte); return invalid(SourceRange(start: startPosition(open), end: here)) }
            if peek().kind == .ellipsis {
                _ = next()
                grouped = true
            }
        }
        var condition: Expression? = nil
        if tokenIs(peek(), "if") {
            _ = next()
            condition = parseExpression()
            if diagnostics.count > before { recoverToCloser(closerByte); return invalid(SourceRange(start: startPosition(open), end: here)) }
        }
        let close = peek()
        guard close.kind == closer else {
            return fail(&self, "Invalid for expression", "The \"for\" expression must end with \"\(producesObject ? "}" : "]")\", but found \(describe(close)).", close)
        }
        _ = next()
        var keyName: String? = nil
        if let keyVariable { keyName = name(keyVariable) }
        let forExpression = ForExpression(
            keyVariable: keyName, valueVariable: name(valueVariable),
            keyVariableRange: keyVariable.map { range($0) }, valueVariableRange: range(valueVariable),
            collection: collection, keyExpression: keyExpression, valueExpression: valueExpression, condition: condition, isGrouped: grouped)
        return Expression(.forExpression(forExpression), range: range(open).union(range(close)))
    }

    // MARK: Traversal operators

    /// Applies `.name`, `.0`, `[key]`, `.*` and `[*]` operators to `base`.
    ///
    /// With `root`, `base` is ignored and the result starts as the scope traversal `root` (built
    /// once, with all its static steps, instead of being rebuilt per step).
    mutating func parsePostfix(_ base: Expression, root: (name: String, range: SourceRange)? = nil, attributesOnly: Bool = false) -> Expression {
        var base = base
        var root = root
        let steps = pending.steps.count
        // Index and splat operators deepen the tree, so each counts as a nesting level.
        var levels = 0
        defer { depth -= levels }
        while true {
            let token = peek()
            if token.kind == .openBracket || token.kind == .dot && byte(at: token.end) == UInt8(ascii: "*") {
                levels += 1
                guard enter(range(token)) else { return attachPending(steps, to: base, root: root) }
            }
            if token.kind == .dot {
                _ = next()
                // Right after the dot: a name, digits (legacy index) or "*".
                if pos < limit && isDigit(buffer[pos]) {
                    if attributesOnly { unpeekTo(token); break }
                    let digitsStart = pos
                    while pos < limit && isDigit(buffer[pos]) { pos += 1 }
                    let text = String(decoding: UnsafeBufferPointer(rebasing: buffer[digitsStart..<pos]), as: UTF8.self)
                    let step = TraversalStep.index(key: .number(Double(text) ?? .nan), range: SourceRange(start: startPosition(token), end: here))
                    pending.steps.push(step)
                    continue
                }
                let name = peek()
                if name.kind == .identifier && name.start == token.end {
                    _ = next()
                    let step = TraversalStep.attribute(name: self.name(name), range: range(token).union(range(name)))
                    pending.steps.push(step)
                    continue
                }
                if name.kind == .star && name.start == token.end {
                    if attributesOnly { unpeekTo(token); break }
                    _ = next()
                    base = attachPending(steps, to: base, root: root)
                    root = nil
                    let marker = range(token).union(range(name))
                    let element = Expression(.splatElement, range: SourceRange(at: marker.end))
                    let each = parsePostfix(element, attributesOnly: true)
                    base = Expression(.splat(Splat(source: base, each: each, style: .attribute, markerRange: marker)), range: base.range.union(marker).union(each.range))
                    continue
                }
                error("Invalid attribute name", "A \".\" must be followed by an attribute name, an index number or \"*\", but found \(describe(name)).", range(name), context: range(token))
                base = attachPending(steps, to: base, root: root)
                root = nil
                return Expression(.invalid, range: base.range.union(range(token)))
            }
            guard token.kind == .openBracket, !attributesOnly else { break }
            _ = next()
            let saved = skipNewlines
            setSkipNewlines(true)
            let inner = peek()
            if inner.kind == .star {
                _ = next()
                let close = peek()
                setSkipNewlines(saved)
                guard close.kind == .closeBracket else {
                    error("Missing closing bracket", "A full splat is written \"[*]\", but found \(describe(close)) after \"[*\".", range(close), context: range(token))
                    return Expression(.invalid, range: attachPending(steps, to: base, root: root).range.union(range(inner)))
                }
                _ = next()
                base = attachPending(steps, to: base, root: root)
                root = nil
                let marker = range(token).union(range(close))
                let element = Expression(.splatElement, range: SourceRange(at: marker.end))
                let each = parsePostfix(element, attributesOnly: false)
                return Expression(.splat(Splat(source: base, each: each, style: .full, markerRange: marker)), range: base.range.union(marker).union(each.range))
            }
            let before = diagnostics.count
            let key = parseExpression()
            let close = peek()
            if diagnostics.count > before || close.kind != .closeBracket {
                if diagnostics.count == before {
                    error("Missing closing bracket", "The index opened here must end with \"]\", but found \(describe(close)).", range(close), context: range(token))
                }
                recoverToCloser(UInt8(ascii: "]"))
                setSkipNewlines(saved)
                base = attachPending(steps, to: base, root: root)
                root = nil
                return Expression(.invalid, range: SourceRange(start: base.range.start, end: here))
            }
            _ = next()
            setSkipNewlines(saved)
            let bracketRange = range(token).union(range(close))
            switch key.kind {
            case .literal(.number), .literal(.string):
                if case .literal(let value) = key.kind { pending.steps.push(.index(key: value, range: bracketRange)) }
            default:
                base = attachPending(steps, to: base, root: root)
                root = nil
                base = Expression(.index(collection: base, key: key, bracketRange: bracketRange), range: base.range.union(bracketRange))
            }
        }
        return attachPending(steps, to: base, root: root)
    }

    /// Moves the cursor back to just after `token` (used to leave a "." for an outer loop).
    mutating func unpeekTo(_ dot: Token) {
        peeked = nil
        pos = dot.start
        line = dot.startLine
        lineStart = dot.startLineStart
    }

    /// Takes the pending steps from `mark` and attaches them (see `attach(_:to:root:)`).
    mutating func attachPending(_ mark: Int, to base: Expression, root: (name: String, range: SourceRange)?) -> Expression {
        let steps = pending.steps.take(from: mark)
        return attach(steps, to: base, root: root)
    }

    /// Builds the scope traversal `root` with `steps`, or attaches `steps` to `base` when there is no root.
    func attach(_ steps: [TraversalStep], to base: Expression, root: (name: String, range: SourceRange)?) -> Expression {
        guard let root else { return attach(steps, to: base) }
        let whole = steps.last.map { root.range.union($0.range) } ?? root.range
        return Expression(.scopeTraversal(Traversal(root: root.name, rootRange: root.range, steps: steps)), range: whole)
    }

    /// Appends static steps to a traversal, or wraps another expression in a relative traversal.
    func attach(_ steps: [TraversalStep], to base: Expression) -> Expression {
        guard let last = steps.last else { return base }
        let whole = base.range.union(last.range)
        switch base.kind {
        case .scopeTraversal(var traversal):
            if traversal.steps.isEmpty { traversal.steps = steps } else { traversal.steps.append(contentsOf: steps) }
            return Expression(.scopeTraversal(traversal), range: whole)
        case .relativeTraversal(let source, var existing):
            existing.append(contentsOf: steps)
            return Expression(.relativeTraversal(source: source, steps: existing), range: whole)
        default:
            return Expression(.relativeTraversal(source: base, steps: steps), range: whole)
        }
    }
}
