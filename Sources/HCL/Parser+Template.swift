/// A template piece before strip markers are applied and directives are nested.
enum RawTemplateItem {
    case literal([UInt8], SourceRange)
    case interpolation(ParsedExpression, SourceRange, stripBefore: Bool, stripAfter: Bool)
    case directive(TemplateDirective, SourceRange, stripBefore: Bool, stripAfter: Bool)
}

/// A template directive `%{ ... }` as read, before nesting.
enum TemplateDirective {
    case ifCondition(ParsedExpression)
    case elseBranch
    case endIf
    case forLoop(key: UInt32, value: UInt32, collection: ParsedExpression)
    case endFor
    case invalid
}

/// Where template text ends.
enum TemplateMode: Equatable {
    /// A quoted string: ends at `"`; escapes apply; a line break is an error.
    case quoted
    /// A heredoc body (the limit is its end); `indent` spaces are removed at each line start.
    case heredoc(indent: Int)
    /// Bare template text up to the limit (a JSON string, `parseTemplate`).
    case bare
}

extension Parser {
    /// Reads a quoted string after its opening quote: a literal when it has no `${}` / `%{}`.
    mutating func parseQuotedTemplate(open: Token) -> ParsedExpression {
        // Fast path: plain text up to the closing quote.
        var p = pos
        while p < limit {
            let c = buffer[p]
            if c == UInt8(ascii: "\"") {
                let value = stringID(UnsafeBufferPointer(rebasing: buffer[pos..<p]))
                pos = p + 1
                return stringLiteral(value, SourceRange(start: startPosition(open), end: here))
            }
            if c == UInt8(ascii: "\\") || c == 0x0A || c == 0x0D { break }
            if (c == UInt8(ascii: "$") || c == UInt8(ascii: "%")) && p + 1 < limit && buffer[p + 1] == UInt8(ascii: "{") { break }
            p += 1
        }
        let (items, closed) = scanTemplate(mode: .quoted)
        if !closed && !aborted {
            let lineEnd = here
            error("Unterminated template string", "The quoted string that starts here has no closing quote before the end of the line. Add a closing \"\\\"\"; a string cannot span lines (use a heredoc for multi-line text).", range(open), context: SourceRange(start: startPosition(open), end: lineEnd))
        }
        let whole = SourceRange(start: startPosition(open), end: here)
        let parts = buildTemplate(items)
        if let text = literalText(parts) { return stringLiteral(text, whole) }
        return template(parts, style: 0, delimiter: 0, whole)
    }

    /// The string index of the text when every part is literal, else nil.
    func literalText(_ parts: [UInt32]) -> UInt32? {
        var text = ""
        for part in parts {
            let node = tree.nodes[Int(part)]
            guard node.tag == .literalPart else { return nil }
            if parts.count == 1 { return node.a }
            text += tree.strings[Int(node.a)]
        }
        return stringID(text)
    }

    /// A template node with `parts` and a style (see `SyntaxTree`).
    func template(_ parts: [UInt32], style: UInt32, delimiter: UInt32, _ range: SourceRange) -> ParsedExpression {
        let start = tree.nextExtra
        tree.extras.append(style)
        tree.extras.append(delimiter)
        tree.extras.append(UInt32(truncatingIfNeeded: parts.count))
        tree.extras.append(contentsOf: parts)
        return node(.template, range, a: start)
    }

    /// Reads a heredoc from its `<<EOF` / `<<-EOF` marker through its closing line.
    mutating func parseHeredoc(marker: Token) -> ParsedExpression {
        var nameStart = marker.start + 2
        let indented = buffer[nameStart] == UInt8(ascii: "-")
        if indented { nameStart += 1 }
        let name = UnsafeBufferPointer(rebasing: buffer[nameStart..<marker.end])
        let delimiter = String(decoding: name, as: UTF8.self)
        let delimiterID = stringID(name)
        unpeek()
        pos = marker.end
        if pos < limit { consumeLineBreak() }
        let bodyStart = pos
        let end = findHeredocEnd(name: name)
        let bodyEnd = end?.lineStart ?? limit
        var indent = 0
        if indented { indent = commonIndent(from: bodyStart, to: bodyEnd) }
        let savedLimit = limit
        let savedSkip = skipNewlines
        limit = bodyEnd
        let (items, _) = scanTemplate(mode: .heredoc(indent: indent))
        limit = savedLimit
        skipNewlines = savedSkip
        peeked = nil
        advance(to: bodyEnd)
        if let end {
            pos = end.markerEnd
        } else if !aborted {
            error("Unterminated heredoc", "There is no line holding only \"\(delimiter)\" to close the heredoc that starts here. Add that line where the text ends.", range(marker))
        }
        let parts = buildTemplate(items)
        return template(parts, style: indented ? 3 : 2, delimiter: delimiterID, SourceRange(start: startPosition(marker), end: here))
    }

    /// Moves the cursor forward to `target`, counting line breaks.
    mutating func advance(to target: Int) {
        while pos < target {
            if buffer[pos] == 0x0A { consumeLineBreak() } else { pos += 1 }
        }
    }

    /// The smallest number of leading spaces or tabs on the non-blank lines between two offsets.
    func commonIndent(from start: Int, to end: Int) -> Int {
        var smallest = Int.max
        var p = start
        while p < end {
            var count = 0
            while p < end, buffer[p] == 0x20 || buffer[p] == 0x09 { p += 1; count += 1 }
            if p < end, buffer[p] != 0x0A, !(buffer[p] == 0x0D && p + 1 < end && buffer[p + 1] == 0x0A) {
                smallest = min(smallest, count)
            }
            while p < end, buffer[p] != 0x0A { p += 1 }
            p += 1
        }
        return smallest == Int.max ? 0 : smallest
    }

    /// Reads template text until its end; returns the flat items and whether the end was proper.
    mutating func scanTemplate(mode: TemplateMode) -> ([RawTemplateItem], Bool) {
        var items: [RawTemplateItem] = []
        scratch.removeAll(keepingCapacity: true)
        var literalStart = here
        var stripIndent = 0
        if case .heredoc(let indent) = mode { stripIndent = indent }
        var atLineStart = stripIndent > 0

        func flush(_ parser: inout Parser, _ items: inout [RawTemplateItem], _ start: SourcePosition) {
            if !parser.scratch.isEmpty {
                // Copy at the exact size, so the scratch buffer keeps its capacity for the next literal.
                let bytes = parser.scratch.withUnsafeBufferPointer { Array($0) }
                items.append(.literal(bytes, SourceRange(start: start, end: parser.here)))
                parser.scratch.removeAll(keepingCapacity: true)
            }
        }

        while true {
            if aborted { return (items, false) }
            if atLineStart {
                atLineStart = false
                var skipped = 0
                while skipped < stripIndent, pos < limit, buffer[pos] == 0x20 || buffer[pos] == 0x09 { pos += 1; skipped += 1 }
            }
            guard pos < limit else {
                flush(&self, &items, literalStart)
                return (items, mode != .quoted)
            }
            let c = buffer[pos]
            switch c {
            case UInt8(ascii: "\"") where mode == .quoted:
                flush(&self, &items, literalStart)
                pos += 1
                return (items, true)
            case 0x0A, 0x0D:
                if mode == .quoted && atLineBreak(pos) {
                    flush(&self, &items, literalStart)
                    return (items, false)
                }
                if c == 0x0D && atLineBreak(pos) {
                    scratch.append(0x0D)
                    pos += 1
                    continue
                }
                scratch.append(c)
                if c == 0x0A {
                    consumeLineBreak()
                    atLineStart = stripIndent > 0
                } else {
                    pos += 1
                }
            case UInt8(ascii: "\\") where mode == .quoted:
                readEscape()
            case UInt8(ascii: "$"), UInt8(ascii: "%"):
                let n = byte(at: pos + 1)
                if n == c && byte(at: pos + 2) == UInt8(ascii: "{") {
                    scratch.append(c)
                    scratch.append(UInt8(ascii: "{"))
                    pos += 3
                } else if n == UInt8(ascii: "{") {
                    flush(&self, &items, literalStart)
                    let ok = c == UInt8(ascii: "$") ? readInterpolation(into: &items) : readDirective(into: &items)
                    literalStart = here
                    if !ok {
                        if mode == .quoted && peekIsQuoteAfterFailure() {
                            return (items, true)
                        }
                        if mode == .quoted { skipToLineEnd() } else { pos = max(pos, limit) }
                        return (items, true)
                    }
                } else {
                    scratch.append(c)
                    pos += 1
                }
            default:
                // Copy a run of ordinary bytes at once.
                let runStart = pos
                pos += 1
                while pos < limit {
                    let d = buffer[pos]
                    if d == UInt8(ascii: "\"") || d == UInt8(ascii: "\\") || d == UInt8(ascii: "$") || d == UInt8(ascii: "%") || d == 0x0A || d == 0x0D { break }
                    pos += 1
                }
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[runStart..<pos]))
            }
        }
    }

    /// After a failed interpolation in a quoted string: consumes the closing quote when it is next.
    mutating func peekIsQuoteAfterFailure() -> Bool {
        unpeek()
        var p = pos
        while p < limit, buffer[p] == 0x20 || buffer[p] == 0x09 { p += 1 }
        if p < limit && buffer[p] == UInt8(ascii: "\"") {
            pos = p + 1
            return true
        }
        return false
    }

    /// Reads one backslash escape of a quoted string into `scratch`.
    mutating func readEscape() {
        let start = here
        let selector = byte(at: pos + 1)
        switch selector {
        case UInt8(ascii: "n"): scratch.append(0x0A); pos += 2
        case UInt8(ascii: "r"): scratch.append(0x0D); pos += 2
        case UInt8(ascii: "t"): scratch.append(0x09); pos += 2
        case UInt8(ascii: "\""): scratch.append(UInt8(ascii: "\"")); pos += 2
        case UInt8(ascii: "\\"): scratch.append(UInt8(ascii: "\\")); pos += 2
        case UInt8(ascii: "u"), UInt8(ascii: "U"):
            let count = selector == UInt8(ascii: "u") ? 4 : 8
            var value: UInt32 = 0
            var digits = 0
            while digits < count, let d = hexValue(byte(at: pos + 2 + digits)) {
                value = value &* 16 &+ d
                digits += 1
            }
            let length = 2 + digits
            if digits == count, let scalar = Unicode.Scalar(value) {
                scratch.append(contentsOf: Array(String(Character(scalar)).utf8))
            } else {
                let what = digits == count ? "is not a Unicode scalar value" : "needs exactly \(count) hexadecimal digits"
                error("Invalid escape sequence", "The escape \"\\\(String(UnicodeScalar(selector)))\" \(what). Write \"\\\\\" for a literal backslash.", SourceRange(start: start, end: start.advanced(by: length)))
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[pos..<(pos + length)]))
            }
            pos += length
        default:
            let shown = selector >= 0x21 && selector < 0x7F ? "\"\(String(UnicodeScalar(selector)))\"" : "this character"
            error("Invalid escape sequence", "The symbol \(shown) is not a valid escape sequence selector. Valid escapes are \\n, \\r, \\t, \\\", \\\\, \\uNNNN and \\UNNNNNNNN; write \"\\\\\" for a literal backslash.", SourceRange(start: start, end: start.advanced(by: selector == 0 ? 1 : 2)))
            scratch.append(UInt8(ascii: "\\"))
            pos += 1
        }
    }

    func hexValue(_ c: UInt8) -> UInt32? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(c - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(c - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(c - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    /// Reads `${ expr }` at the cursor; false after a diagnostic.
    mutating func readInterpolation(into items: inout [RawTemplateItem]) -> Bool {
        guard let (open, stripBefore, saved) = beginTemplateSequence() else { return false }
        defer {
            setSkipNewlines(saved)
            leave()
        }
        let before = diagnostics.count
        let expression = parseExpression()
        if diagnostics.count > before { return false }
        guard let (stripAfter, whole) = readTemplateClose(open, kind: "interpolation", opener: "${") else { return false }
        items.append(.interpolation(expression, whole, stripBefore: stripBefore, stripAfter: stripAfter))
        return true
    }

    /// Consumes the two-byte opener (`${` or `%{`) at the cursor and an optional `~` strip
    /// marker, enters one nesting level and turns newline skipping on. Returns the opener's span,
    /// the strip flag and the previous newline setting (which the caller restores, then calls
    /// `leave()`); nil when the nesting limit is reached (a diagnostic says so).
    mutating func beginTemplateSequence() -> (open: SourceRange, stripBefore: Bool, savedSkipNewlines: Bool)? {
        let open = SourceRange(start: here, end: here.advanced(by: 2))
        pos += 2
        guard enter(open) else { return nil }
        let stripBefore = byte(at: pos) == UInt8(ascii: "~")
        if stripBefore { pos += 1 }
        let saved = skipNewlines
        skipNewlines = true
        return (open, stripBefore, saved)
    }

    /// Reads the optional `~` strip marker and the `}` that closes an interpolation or a
    /// directive opened at `open`; nil after a diagnostic. Returns the strip flag and the span
    /// from the opener to the closing brace.
    mutating func readTemplateClose(_ open: SourceRange, kind: String, opener: String) -> (stripAfter: Bool, range: SourceRange)? {
        var stripAfter = false
        if peek().kind == .tilde {
            _ = next()
            stripAfter = true
        }
        let close = peek()
        guard close.kind == .closeBrace else {
            error("Unclosed template \(kind)", "The \(kind) \"\(opener)\" that starts here must end with \"}\", but found \(describe(close)).", open, context: open.union(range(close)))
            return nil
        }
        _ = next()
        return (stripAfter, open.union(range(close)))
    }

    /// Reads `%{ if ... }`, `%{ else }`, `%{ endif }`, `%{ for ... }` or `%{ endfor }`; false after a diagnostic.
    mutating func readDirective(into items: inout [RawTemplateItem]) -> Bool {
        guard let (open, stripBefore, saved) = beginTemplateSequence() else { return false }
        defer {
            setSkipNewlines(saved)
            leave()
        }
        let before = diagnostics.count
        let keyword = next()
        var directive = TemplateDirective.invalid
        if tokenIs(keyword, "if") {
            directive = .ifCondition(parseExpression())
        } else if tokenIs(keyword, "else") {
            directive = .elseBranch
        } else if tokenIs(keyword, "endif") {
            directive = .endIf
        } else if tokenIs(keyword, "endfor") {
            directive = .endFor
        } else if tokenIs(keyword, "for") {
            var first = next()
            var key = SyntaxTree.none
            guard first.kind == .identifier else {
                error("Invalid template directive", "A \"%{for\" must be followed by an iterator name, but found \(describe(first)).", range(first), context: open)
                return false
            }
            if peek().kind == .comma {
                _ = next()
                key = nameID(first)
                first = next()
                guard first.kind == .identifier else {
                    error("Invalid template directive", "After \",\" a second iterator name was expected, but found \(describe(first)).", range(first), context: open)
                    return false
                }
            }
            let inKeyword = next()
            guard tokenIs(inKeyword, "in") else {
                error("Invalid template directive", "The iterator names of \"%{for\" must be followed by \"in\" and a collection, but found \(describe(inKeyword)).", range(inKeyword), context: open)
                return false
            }
            directive = .forLoop(key: key, value: nameID(first), collection: parseExpression())
        } else {
            error("Invalid template directive", "A \"%{\" must be followed by if, else, endif, for or endfor, but found \(describe(keyword)). Write \"%%{\" for a literal \"%{\".", range(keyword), context: open)
            return false
        }
        if diagnostics.count > before { return false }
        guard let (stripAfter, whole) = readTemplateClose(open, kind: "directive", opener: "%{") else { return false }
        items.append(.directive(directive, whole, stripBefore: stripBefore, stripAfter: stripAfter))
        return true
    }

    /// Applies strip markers, nests directives and decodes literal text.
    mutating func buildTemplate(_ raw: [RawTemplateItem]) -> [UInt32] {
        var items = raw
        for i in items.indices {
            var stripBefore = false
            var stripAfter = false
            switch items[i] {
            case .interpolation(_, _, let before, let after), .directive(_, _, let before, let after):
                stripBefore = before
                stripAfter = after
            case .literal:
                continue
            }
            if stripBefore, i > 0, case .literal(var bytes, let range) = items[i - 1] {
                while let last = bytes.last, last == 0x20 || last == 0x09 || last == 0x0A || last == 0x0D { bytes.removeLast() }
                items[i - 1] = .literal(bytes, range)
            }
            if stripAfter, i + 1 < items.count, case .literal(let bytes, let range) = items[i + 1] {
                var start = 0
                while start < bytes.count, bytes[start] == 0x20 || bytes[start] == 0x09 || bytes[start] == 0x0A || bytes[start] == 0x0D { start += 1 }
                items[i + 1] = .literal(Array(bytes[start...]), range)
            }
        }
        var index = 0
        var parts: [UInt32]? = nil
        while index < items.count {
            let (nested, stop) = nestParts(items, &index)
            if parts == nil { parts = nested } else { parts! += nested }
            if let stop, case .directive(_, let range, _, _) = stop {
                error("Unexpected template directive", "This directive has no matching \"%{if\" or \"%{for\" before it. Remove it, or add the opening directive.", range)
            }
        }
        return parts ?? []
    }

    /// Nests items from `index` until an `else`, `endif` or `endfor`, which is returned (and consumed).
    mutating func nestParts(_ items: [RawTemplateItem], _ index: inout Int) -> ([UInt32], RawTemplateItem?) {
        let parts = pending.parts.count
        while index < items.count {
            let item = items[index]
            index += 1
            switch item {
            case .literal(let bytes, let range):
                if !bytes.isEmpty {
                    let text = bytes.withUnsafeBufferPointer { stringID($0) }
                    pending.parts.push(node(.literalPart, range, a: text).id)
                }
            case .interpolation(let expression, let range, _, _):
                pending.parts.push(node(.interpolationPart, range, a: expression.id).id)
            case .directive(let directive, let range, _, _):
                switch directive {
                case .elseBranch, .endIf, .endFor:
                    return (pending.parts.take(from: parts), item)
                case .invalid:
                    continue
                case .ifCondition(let condition):
                    let (trueParts, stop) = nestParts(items, &index)
                    var falseParts: [UInt32] = []
                    var end = stop
                    if let stop, case .directive(.elseBranch, _, _, _) = stop {
                        let (elseParts, elseStop) = nestParts(items, &index)
                        falseParts = elseParts
                        end = elseStop
                    }
                    var whole = range
                    if let end, case .directive(.endIf, let endRange, _, _) = end {
                        whole = range.union(endRange)
                    } else {
                        error("Unclosed template if", "The \"%{if\" directive that starts here has no matching \"%{endif}\". Add \"%{endif}\" where the conditional text ends.", range)
                        if let end, case .directive(_, let endRange, _, _) = end { whole = range.union(endRange); index -= 1 }
                    }
                    let start = tree.nextExtra
                    tree.extras.append(condition.id)
                    tree.extras.append(UInt32(truncatingIfNeeded: trueParts.count))
                    tree.extras.append(UInt32(truncatingIfNeeded: falseParts.count))
                    tree.extras.append(contentsOf: trueParts)
                    tree.extras.append(contentsOf: falseParts)
                    pending.parts.push(node(.ifPart, whole, a: start).id)
                case .forLoop(let key, let value, let collection):
                    let (body, stop) = nestParts(items, &index)
                    var whole = range
                    if let stop, case .directive(.endFor, let endRange, _, _) = stop {
                        whole = range.union(endRange)
                    } else {
                        error("Unclosed template for", "The \"%{for\" directive that starts here has no matching \"%{endfor}\". Add \"%{endfor}\" where the repeated text ends.", range)
                        if let stop, case .directive(_, let endRange, _, _) = stop { whole = range.union(endRange); index -= 1 }
                    }
                    let start = tree.nextExtra
                    tree.extras.append(key)
                    tree.extras.append(value)
                    tree.extras.append(collection.id)
                    tree.extras.append(UInt32(truncatingIfNeeded: body.count))
                    tree.extras.append(contentsOf: body)
                    pending.parts.push(node(.forPart, whole, a: start).id)
                }
            }
        }
        return (pending.parts.take(from: parts), nil)
    }

    // MARK: Standalone entry points

    mutating func parseStandaloneExpression() -> ParsedExpression {
        skipNewlines = true
        let expression = parseExpression()
        let after = peek()
        if after.kind != .endOfFile {
            error("Extra characters after expression", "An expression was expected to end here, but found \(describe(after)). Remove the extra text or join the parts with an operator.", range(after))
        }
        return expression
    }

    mutating func parseStandaloneTemplate(style: Template.Style) -> ParsedExpression {
        let start = here
        let (items, _) = scanTemplate(mode: .bare)
        let parts = buildTemplate(items)
        let whole = SourceRange(start: start, end: here)
        if style == .quoted, let text = literalText(parts) { return stringLiteral(text, whole) }
        switch style {
        case .quoted: return template(parts, style: 0, delimiter: 0, whole)
        case .json: return template(parts, style: 1, delimiter: 0, whole)
        case .heredoc(let delimiter, let indented): return template(parts, style: indented ? 3 : 2, delimiter: stringID(delimiter), whole)
        }
    }
}
