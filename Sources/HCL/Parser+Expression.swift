extension Parser {
    /// Expression := Conditional; nests one level.
    mutating func parseExpression() -> ParsedExpression {
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
            return record(.conditional, condition.range.union(trueResult.range), condition.id, trueResult.id, invalid(range(colon)).id)
        }
        _ = next()
        let falseResult = parseExpression()
        return record(.conditional, condition.range.union(falseResult.range), condition.id, trueResult.id, falseResult.id)
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

    mutating func parseBinary(minimumPrecedence: Int) -> ParsedExpression {
        var lhs = parseUnary()
        // Each operator in a chain deepens the (left-leaning) tree, so it counts as a nesting level.
        var levels = 0
        defer { depth -= levels }
        while let op = binaryOperator(peek().kind), op.precedence >= minimumPrecedence {
            let token = next()
            levels += 1
            guard enter(range(token)) else { return lhs }
            let rhs = parseBinary(minimumPrecedence: op.precedence + 1)
            lhs = record(.binary, lhs.range.union(rhs.range), flag: UInt8(BinaryOperator.allCases.firstIndex(of: op)!), lhs.id, rhs.id)
        }
        return lhs
    }

    mutating func parseUnary() -> ParsedExpression {
        let token = peek()
        guard token.kind == .bang || token.kind == .minus else { return parsePostfix(parsePrimary()) }
        _ = next()
        guard enter(range(token)) else { return invalid(range(token)) }
        defer { leave() }
        let operand = parseUnary()
        let whole = range(token).union(operand.range)
        if token.kind == .minus, tag(of: operand) == .number, case .number(let value) = tree.literalValue(.number, tree.nodes[Int(operand.id)].a) {
            return literal(.number(-value), whole)
        }
        return node(.unary, whole, flag: token.kind == .bang ? 0 : 1, a: operand.id)
    }

    // MARK: Primary expressions

    mutating func parsePrimary() -> ParsedExpression {
        let token = peek()
        switch token.kind {
        case .number:
            _ = next()
            return literal(.number(numberValue(token)), range(token))
        case .identifier:
            _ = next()
            if tokenIs(token, "true") { return node(.bool, range(token), a: 1) }
            if tokenIs(token, "false") { return node(.bool, range(token), a: 0) }
            if tokenIs(token, "null") { return node(.null, range(token)) }
            let after = peek()
            if after.kind == .openParen || after.kind == .doubleColon { return parseFunctionCall(name: token) }
            return parsePostfix(nil, root: (nameID(token), range(token)))
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
            return node(.parenthesized, SourceRange(start: startPosition(token), end: end), a: inner.id)
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

    mutating func parseFunctionCall(name first: Token) -> ParsedExpression {
        var nameEnd = first
        var name = identifierText(first)
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
        let nameID = nameEnd.start == first.start ? self.nameID(first) : stringID(name)
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
                return functionCall(nameID, nameRange, arguments: arguments, expands: expands, open: range(open), close: range(token), nameRange.union(range(token)))
            }
            if expands || token.kind == .endOfFile {
                error("Missing closing parenthesis", "The arguments of \"\(name)\" must end with \")\", but found \(describe(token))\(expands ? " after the expanded argument \"...\", which must come last" : "").", range(token), context: nameRange.union(range(token)))
                recoverToCloser(UInt8(ascii: ")"))
                return functionCall(nameID, nameRange, arguments: arguments, expands: expands, open: range(open), close: SourceRange(at: here), SourceRange(start: nameRange.start, end: here))
            }
            let before = diagnostics.count
            let argument = parseExpression()
            pending.expressions.push(argument.id)
            if diagnostics.count > before {
                recoverToCloser(UInt8(ascii: ")"))
                return functionCall(nameID, nameRange, arguments: arguments, expands: expands, open: range(open), close: SourceRange(at: here), SourceRange(start: nameRange.start, end: here))
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
                return functionCall(nameID, nameRange, arguments: arguments, expands: expands, open: range(open), close: SourceRange(at: here), SourceRange(start: nameRange.start, end: here))
            }
        }
    }

    mutating func parseTuple(open: Token) -> ParsedExpression {
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
                return record(.tuple, range(open).union(range(token)), pending.expressions, from: elements)
            }
            if token.kind == .endOfFile {
                error("Missing closing bracket", "The tuple opened here has no \"]\" before the end of the file. Add \"]\" after its last element.", range(open))
                return record(.tuple, SourceRange(start: startPosition(open), end: here), pending.expressions, from: elements)
            }
            let before = diagnostics.count
            let element = parseExpression()
            pending.expressions.push(element.id)
            if diagnostics.count > before {
                recoverToCloser(UInt8(ascii: "]"))
                return record(.tuple, SourceRange(start: startPosition(open), end: here), pending.expressions, from: elements)
            }
            let separator = peek()
            if separator.kind == .comma {
                _ = next()
            } else if separator.kind != .closeBracket {
                error("Missing item separator", "Tuple elements are separated by commas, but found \(describe(separator)). Add a \",\" between elements or a \"]\" after the last one.", range(separator), context: range(open).union(range(separator)))
                recoverToCloser(UInt8(ascii: "]"))
                return record(.tuple, SourceRange(start: startPosition(open), end: here), pending.expressions, from: elements)
            }
        }
    }

    mutating func parseObject(open: Token) -> ParsedExpression {
        let saved = skipNewlines
        setSkipNewlines(true)
        let first = peek()
        var pendingKey: ParsedExpression? = nil
        if tokenIs(first, "for") {
            _ = next()
            let after = peek()
            if after.kind != .equal && after.kind != .colon {
                let result = parseFor(open: open, forKeyword: first, producesObject: true)
                setSkipNewlines(saved)
                return result
            }
            pendingKey = stringLiteral(nameID(first), range(first))
        }
        setSkipNewlines(false)
        defer { setSkipNewlines(saved) }
        let items = pending.items.count
        while true {
            var key: ParsedExpression
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
                    return record(.object, range(open).union(range(token)), pending.items, from: items, pairs: true)
                }
                if token.kind == .endOfFile {
                    error("Missing closing brace", "The object opened here has no \"}\" before the end of the file. Add \"}\" after its last item.", range(open))
                    return record(.object, SourceRange(start: startPosition(open), end: here), pending.items, from: items, pairs: true)
                }
                let before = diagnostics.count
                key = parseExpression()
                if diagnostics.count > before {
                    recoverToCloser(UInt8(ascii: "}"))
                    return record(.object, SourceRange(start: startPosition(open), end: here), pending.items, from: items, pairs: true)
                }
                let keyNode = tree.nodes[Int(key.id)]
                if keyNode.tag == .scopeTraversal, tree.extra(keyNode.a, 2) == 0 {
                    // A bare name: the traversal node just built becomes the string, in place.
                    let name = tree.extra(keyNode.a, 0)
                    if Int(keyNode.a) + 3 == tree.extras.count { tree.extras.removeLast(3) }
                    tree.nodes[Int(key.id)].tag = .string
                    tree.nodes[Int(key.id)].a = name
                }
            }
            let equals = peek()
            guard equals.kind == .equal || equals.kind == .colon else {
                error("Missing key/value separator", "An object item needs \"=\" or \":\" between its key and its value, but found \(describe(equals)).", range(equals), context: range(open).union(range(equals)))
                recoverToCloser(UInt8(ascii: "}"))
                return record(.object, SourceRange(start: startPosition(open), end: here), pending.items, from: items, pairs: true)
            }
            _ = next()
            let before = diagnostics.count
            let value = parseExpression()
            pending.items.push(key.id)
            pending.items.push(value.id)
            if diagnostics.count > before {
                recoverToCloser(UInt8(ascii: "}"))
                return record(.object, SourceRange(start: startPosition(open), end: here), pending.items, from: items, pairs: true)
            }
            let separator = peek()
            switch separator.kind {
            case .comma, .newline: _ = next()
            case .closeBrace: break
            default:
                error("Missing attribute separator", "Object items are separated by commas or newlines, but found \(describe(separator)). Put each item on its own line or add a \",\".", range(separator), context: range(open).union(range(separator)))
                recoverToCloser(UInt8(ascii: "}"))
                return record(.object, SourceRange(start: startPosition(open), end: here), pending.items, from: items, pairs: true)
            }
        }
    }

    /// Reads the rest of `[for ...]` or `{for ...}` after the `for` keyword; newlines are skipped.
    mutating func parseFor(open: Token, forKeyword: Token, producesObject: Bool) -> ParsedExpression {
        let closer: TokenKind = producesObject ? .closeBrace : .closeBracket
        let closerByte = producesObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
        func fail(_ parser: inout Parser, _ summary: String, _ detail: String, _ token: Token) -> ParsedExpression {
            parser.error(summary, detail, parser.range(token), context: parser.range(open).union(parser.range(token)))
            parser.recoverToCloser(closerByte)
            return parser.invalid(SourceRange(start: parser.startPosition(open), end: parser.here))
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
        var keyExpression: ParsedExpression? = nil
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
        var condition: ParsedExpression? = nil
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
        let none = SyntaxTree.none
        let keyRange = keyVariable.map { range($0) }
        let valueRange = range(valueVariable)
        let start = tree.nextExtra
        tree.extras.append(contentsOf: [
            keyVariable.map { nameID($0) } ?? none, nameID(valueVariable),
            keyRange.map { tree.encode($0.start) } ?? 0, keyRange.map { tree.encode($0.end) } ?? 0,
            tree.encode(valueRange.start), tree.encode(valueRange.end),
            collection.id, keyExpression?.id ?? none, valueExpression.id, condition?.id ?? none,
        ])
        return node(.forExpression, range(open).union(range(close)), flag: grouped ? 1 : 0, a: start)
    }

    // MARK: Traversal operators

    /// Applies `.name`, `.0`, `[key]`, `.*` and `[*]` operators to `base`.
    ///
    /// With `root` (and no `base`), the result starts as the scope traversal `root` (built once,
    /// with all its static steps, instead of being rebuilt per step).
    mutating func parsePostfix(_ base: ParsedExpression?, root: (name: UInt32, range: SourceRange)? = nil, attributesOnly: Bool = false) -> ParsedExpression {
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
                    let (tag, a) = tree.literal(.number(Double(text) ?? .nan))
                    pending.steps.push(node(.indexStep, SourceRange(start: startPosition(token), end: here), flag: tag.rawValue, a: a))
                    continue
                }
                let name = peek()
                if name.kind == .identifier && name.start == token.end {
                    _ = next()
                    pending.steps.push(node(.attributeStep, range(token).union(range(name)), a: nameID(name)))
                    continue
                }
                if name.kind == .star && name.start == token.end {
                    if attributesOnly { unpeekTo(token); break }
                    _ = next()
                    let source = attachPending(steps, to: base, root: root)
                    root = nil
                    let marker = range(token).union(range(name))
                    let element = node(.splatElement, SourceRange(at: marker.end))
                    let each = parsePostfix(element, attributesOnly: true)
                    base = record(.splat, source.range.union(marker).union(each.range), flag: 0, source.id, each.id, span: marker)
                    continue
                }
                error("Invalid attribute name", "A \".\" must be followed by an attribute name, an index number or \"*\", but found \(describe(name)).", range(name), context: range(token))
                let source = attachPending(steps, to: base, root: root)
                return invalid(source.range.union(range(token)))
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
                    return invalid(attachPending(steps, to: base, root: root).range.union(range(inner)))
                }
                _ = next()
                let source = attachPending(steps, to: base, root: root)
                let marker = range(token).union(range(close))
                let element = node(.splatElement, SourceRange(at: marker.end))
                let each = parsePostfix(element, attributesOnly: false)
                return record(.splat, source.range.union(marker).union(each.range), flag: 1, source.id, each.id, span: marker)
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
                let source = attachPending(steps, to: base, root: root)
                return invalid(SourceRange(start: source.range.start, end: here))
            }
            _ = next()
            setSkipNewlines(saved)
            let bracketRange = range(token).union(range(close))
            let keyNode = tree.nodes[Int(key.id)]
            if keyNode.tag == .number || keyNode.tag == .string {
                // The literal key's node, the last one built, is not needed once the step holds its value.
                if Int(key.id) + 1 == tree.nodes.count { tree.nodes.removeLast() }
                pending.steps.push(node(.indexStep, bracketRange, flag: keyNode.tag.rawValue, a: keyNode.a))
            } else {
                let collection = attachPending(steps, to: base, root: root)
                root = nil
                base = record(.index, collection.range.union(bracketRange), collection.id, key.id, span: bracketRange)
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

    /// Builds the scope traversal `root` with the pending steps from `mark`, or attaches those
    /// steps to `base` when there is no root.
    func attachPending(_ mark: Int, to base: ParsedExpression?, root: (name: UInt32, range: SourceRange)?) -> ParsedExpression {
        if let root { return traversal(root: root, stepsFrom: mark) }
        return attachSteps(from: mark, to: base!)
    }
}
