extension Parser {
    /// Reads a whole file: checks the encoding, skips a byte order mark, then reads the top-level body.
    mutating func parseFile() -> (Body, [Comment]) {
        checkEncoding()
        if limit >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { pos = 3 }
        let start = position(0, 1, 0)
        let (attributes, blocks, _) = parseBodyItems(openBrace: nil)
        let end = position(limit, line, lineStart)
        return (Body(attributes: attributes, blocks: blocks, range: SourceRange(start: start, end: end)), comments)
    }

    /// Reports the first invalid UTF-8 sequence and the first NUL byte, if any.
    mutating func checkEncoding() {
        var p = 0
        var firstNUL: Int? = nil
        var firstInvalid: Int? = nil
        let high: UInt64 = 0x8080_8080_8080_8080
        while p < limit && (firstNUL == nil || firstInvalid == nil) {
            // Fast path: skip eight plain ASCII bytes (no NUL, no byte >= 0x80) at a time.
            if p + 8 <= limit {
                let word = UnsafeRawPointer(buffer.baseAddress! + p).loadUnaligned(as: UInt64.self)
                if word & high == 0 && (word &- 0x0101_0101_0101_0101) & ~word & high == 0 {
                    p += 8
                    continue
                }
            }
            let c = buffer[p]
            if c < 0x80 {
                if c == 0 && firstNUL == nil { firstNUL = p }
                p += 1
                continue
            }
            let length = validUTF8SequenceLength(at: p)
            if length == 0 {
                if firstInvalid == nil { firstInvalid = p }
                p += 1
            } else {
                p += length
            }
        }
        var found: [(Int, String, String)] = []
        if let firstNUL {
            found.append((firstNUL, "Invalid character", "The file contains a NUL byte, which is not valid in HCL. Remove it; the file may be binary or in the wrong encoding."))
        }
        if let firstInvalid {
            found.append((firstInvalid, "Invalid UTF-8", "The file is not valid UTF-8 at this byte. Save the file as UTF-8; invalid bytes are read as U+FFFD."))
        }
        for (offset, summary, detail) in found.sorted(by: { $0.0 < $1.0 }) {
            let at = positionOfOffset(offset)
            error(summary, detail, SourceRange(start: at, end: at.advanced(by: 1)))
        }
    }

    /// The position of a byte offset, counting lines from the start (used for rare diagnostics only).
    func positionOfOffset(_ offset: Int) -> SourcePosition {
        var line = 1
        var lineStart = 0
        for p in 0..<offset where buffer[p] == 0x0A {
            line += 1
            lineStart = p + 1
        }
        return position(offset, line, lineStart)
    }

    /// The length of the well-formed UTF-8 sequence at `p`, or 0 when it is ill-formed.
    func validUTF8SequenceLength(at p: Int) -> Int {
        let c = buffer[p]
        func continuation(_ i: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
            i < limit && buffer[i] >= low && buffer[i] <= high
        }
        switch c {
        case 0xC2...0xDF: return continuation(p + 1) ? 2 : 0
        case 0xE0: return continuation(p + 1, 0xA0) && continuation(p + 2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF: return continuation(p + 1) && continuation(p + 2) ? 3 : 0
        case 0xED: return continuation(p + 1, 0x80, 0x9F) && continuation(p + 2) ? 3 : 0
        case 0xF0: return continuation(p + 1, 0x90) && continuation(p + 2) && continuation(p + 3) ? 4 : 0
        case 0xF1...0xF3: return continuation(p + 1) && continuation(p + 2) && continuation(p + 3) ? 4 : 0
        case 0xF4: return continuation(p + 1, 0x80, 0x8F) && continuation(p + 2) && continuation(p + 3) ? 4 : 0
        default: return 0
        }
    }

    /// Reads attributes and blocks until the end of the file (top level) or the closing brace.
    ///
    /// Returns the closing brace token for a nested body (nil when the file ended first).
    mutating func parseBodyItems(openBrace: Token?) -> ([Attribute], [Block], Token?) {
        let attributes = pending.attributes.count
        let blocks = pending.blocks.count
        var names: Set<String>? = nil
        setSkipNewlines(false)
        while true {
            let token = peek()
            switch token.kind {
            case .newline:
                _ = next()
            case .endOfFile:
                if let openBrace {
                    error("Unclosed configuration block", "There is no closing brace for this block before the end of the file. Add a \"}\" to close it.", range(openBrace))
                }
                return (pending.attributes.take(from: attributes), pending.blocks.take(from: blocks), nil)
            case .closeBrace:
                _ = next()
                if openBrace != nil { return (pending.attributes.take(from: attributes), pending.blocks.take(from: blocks), token) }
                error("Unexpected closing brace", "This \"}\" does not close any block. Remove it, or add the \"{\" it was meant to close.", range(token))
            case .identifier:
                _ = next()
                parseBodyItem(name: token, nested: openBrace != nil, attributes: attributes, names: &names)
            default:
                error("Argument or block definition required", "An argument or block definition is required here, but found \(describe(token)). An argument is written as a name, \"=\" and a value; a block as a type, optional labels and a body in braces.", range(token))
                recoverToLineEnd()
                if pos <= token.start { unpeek(); pos = token.end }
            }
        }
    }

    func describe(_ token: Token) -> String {
        if token.kind == .invalid {
            let c = buffer[token.start]
            if c >= 0x21 && c < 0x7F { return "the character \"\(String(UnicodeScalar(c)))\"" }
            return "an invalid character"
        }
        return token.kind.displayName
    }

    func identifierText(_ token: Token) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: buffer[token.start..<token.end]), as: UTF8.self)
    }

    /// The token's text for the tree: a name repeated in the file shares one string.
    func name(_ token: Token) -> String {
        tree.strings[Int(nameID(token))]
    }

    /// The index in the tree of the token's text.
    func nameID(_ token: Token) -> UInt32 {
        stringID(UnsafeBufferPointer(rebasing: buffer[token.start..<token.end]))
    }

    @inline(__always)
    func tokenIs(_ token: Token, _ word: StaticString) -> Bool {
        guard token.kind == .identifier, token.end - token.start == word.utf8CodeUnitCount else { return false }
        let w = word.utf8Start
        for i in 0..<word.utf8CodeUnitCount where buffer[token.start + i] != w[i] { return false }
        return true
    }

    /// Reads one attribute or block after its name; pushes it on `pending.attributes` (whose
    /// entries from `attributes` on are this body's) or `pending.blocks`.
    mutating func parseBodyItem(name: Token, nested: Bool, attributes: Int, names: inout Set<String>?) {
        let after = peek()
        if after.kind == .equal {
            _ = next()
            let before = diagnostics.count
            let expression = parseExpression()
            let nameText = self.name(name)
            let nameRange = range(name)
            let attribute = Attribute(name: nameText, nameRange: nameRange, expression: handle(expression), range: nameRange.union(expression.range))
            if diagnostics.count > before {
                // The expression already reported its error: skip the rest of the line quietly.
                setSkipNewlines(false)
                switch peek().kind {
                case .newline: _ = next()
                case .endOfFile, .closeBrace: break
                default: recoverToLineEnd()
                }
            } else {
                expectItemEnd(nested: nested, what: "argument")
            }
            if let previous = findAttribute(nameText, from: attributes, names: &names) {
                error("Attribute redefined", "The argument \"\(nameText)\" was already set at line \(previous.nameRange.start.line), column \(previous.nameRange.start.column). Each argument may be set only once; remove one of them.", nameRange)
            } else {
                pending.attributes.push(attribute)
                names?.insert(nameText)
            }
            return
        }
        let labels = pending.labels.count
        while true {
            let token = peek()
            switch token.kind {
            case .openQuote:
                _ = next()
                let label = parseQuotedLabel(open: token)
                pending.labels.push(label)
                continue
            case .identifier:
                _ = next()
                pending.labels.push(BlockLabel(value: self.name(token), range: range(token), isQuoted: false))
                continue
            case .openBrace:
                _ = next()
                parseBlock(type: name, labels: pending.labels.take(from: labels), openBrace: token, nested: nested)
                return
            default:
                if pending.labels.count == labels {
                    error("Argument or block definition required", "After \"\(identifierText(name))\" an equals sign or a block label or body was expected, but found \(describe(token)). To set an argument, write \"\(identifierText(name)) = value\".", range(token))
                } else {
                    error("Invalid block definition", "A block definition must have its opening brace on the same line as its type and labels, but found \(describe(token)). Write \"{\" after the last label.", range(token), context: range(name).union(range(token)))
                }
                _ = pending.labels.take(from: labels)
                recoverToLineEnd()
                return
            }
        }
    }

    /// The attribute named `name` among the pending attributes from `mark` on; past 16 of them,
    /// `names` holds their names so most lookups are one hash.
    func findAttribute(_ name: String, from mark: Int, names: inout Set<String>?) -> Attribute? {
        if names == nil && pending.attributes.count - mark >= 16 { names = Set(pending.attributes.elements(from: mark).map(\.name)) }
        if let names {
            guard names.contains(name) else { return nil }
        }
        return pending.attributes.first(from: mark) { $0.name == name }
    }

    mutating func parseBlock(type: Token, labels: [BlockLabel], openBrace: Token, nested: Bool) {
        guard enter(range(openBrace)) else { return }
        defer { leave() }
        let (attributes, innerBlocks, close) = parseBodyItems(openBrace: openBrace)
        let bodyEnd: SourcePosition
        let closeRange: SourceRange
        if let close {
            bodyEnd = startPosition(close)
            closeRange = range(close)
        } else {
            bodyEnd = here
            closeRange = SourceRange(at: here)
        }
        let body = Body(attributes: attributes, blocks: innerBlocks, range: SourceRange(start: endPosition(openBrace), end: bodyEnd))
        let typeRange = range(type)
        pending.blocks.push(Block(type: name(type), labels: labels, body: body, range: typeRange.union(closeRange), typeRange: typeRange, openBraceRange: range(openBrace), closeBraceRange: closeRange))
        if close != nil { expectItemEnd(nested: nested, what: "block definition") }
    }

    /// After an argument or block: a newline, the end of the file, or (nested) the closing brace.
    mutating func expectItemEnd(nested: Bool, what: String) {
        setSkipNewlines(false)
        let token = peek()
        switch token.kind {
        case .newline: _ = next()
        case .endOfFile: break
        case .closeBrace where nested: break
        default:
            error("Missing newline after \(what)", "\(what == "argument" ? "An argument" : "A block definition") must end with a newline, but found \(describe(token)). Put the next argument or block on its own line.", range(token))
            recoverToLineEnd()
        }
    }

    /// Reads a quoted block label; interpolation is not allowed in labels.
    mutating func parseQuotedLabel(open: Token) -> BlockLabel {
        let expression = parseQuotedTemplate(open: open)
        let node = tree.nodes[Int(expression.id)]
        if node.tag == .string {
            // The label keeps the string; its node, the last one built, is not needed.
            if Int(expression.id) + 1 == tree.nodes.count { tree.nodes.removeLast() }
            return BlockLabel(value: tree.strings[Int(node.a)], range: expression.range, isQuoted: true)
        }
        if node.tag == .template {
            error("Invalid block label", "A block label must be a literal string; templates with \"${\" or \"%{\" are not allowed here. Write \"$${\" for a literal \"${\".", expression.range)
        }
        return BlockLabel(value: "", range: expression.range, isQuoted: true)
    }

    // MARK: Recovery

    /// Skips to just after the next line break outside brackets, or to an unmatched closing brace
    /// (not consumed), or to the end of the file. Strings, heredocs and comments are skipped whole.
    mutating func recoverToLineEnd() {
        skipBalanced(stopAtNewline: true)
    }

    /// Skips to the closing bracket that matches an already-consumed opener; consumes it when it
    /// is `closer`, stops before any other unmatched closer.
    mutating func recoverToCloser(_ closer: UInt8) {
        skipBalanced(stopAtNewline: false)
        if pos < limit && buffer[pos] == closer { pos += 1 }
    }

    /// Skips to the end of the current line (outside brackets), leaving the line break unread.
    mutating func skipToLineEnd() {
        skipBalanced(stopAtNewline: true, consumeNewline: false)
    }

    mutating func skipBalanced(stopAtNewline: Bool, consumeNewline: Bool = true) {
        unpeek()
        let wasRecording = recordComments
        recordComments = false
        defer { recordComments = wasRecording }
        var depth = 0
        while pos < limit && !aborted {
            let c = buffer[pos]
            switch c {
            case 0x0D where !consumeNewline && depth == 0 && stopAtNewline && atLineBreak(pos):
                return
            case 0x0A:
                if depth == 0 && stopAtNewline {
                    if consumeNewline { consumeLineBreak() }
                    return
                }
                consumeLineBreak()
            case UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: "("):
                depth += 1
                pos += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"), UInt8(ascii: ")"):
                if depth == 0 {
                    // A stray "]" or ")" is skipped when recovering to the end of a line; a "}"
                    // may close the enclosing block, so it is left for the body to read.
                    if c == UInt8(ascii: "}") || !stopAtNewline { return }
                    pos += 1
                    continue
                }
                depth -= 1
                pos += 1
            case UInt8(ascii: "\""):
                pos += 1
                while pos < limit {
                    let d = buffer[pos]
                    if d == UInt8(ascii: "\\") { pos = min(pos + 2, limit); continue }
                    if d == UInt8(ascii: "\"") { pos += 1; break }
                    if d == 0x0A { break }
                    pos += 1
                }
            case UInt8(ascii: "#"):
                skipLineComment(style: .hash)
            case UInt8(ascii: "/"):
                let n = byte(at: pos + 1)
                if n == UInt8(ascii: "/") { skipLineComment(style: .doubleSlash) } else if n == UInt8(ascii: "*") { skipBlockComment() } else { pos += 1 }
            case UInt8(ascii: "<"):
                if byte(at: pos + 1) == UInt8(ascii: "<"), let length = heredocMarkerLength(from: pos) {
                    skipHeredoc(markerStart: pos, markerLength: length)
                } else {
                    pos += 1
                }
            default:
                pos += 1
            }
        }
    }

    /// Skips a heredoc whose marker starts at `markerStart`, through its closing line.
    mutating func skipHeredoc(markerStart: Int, markerLength: Int) {
        var nameStart = markerStart + 2
        if buffer[nameStart] == UInt8(ascii: "-") { nameStart += 1 }
        let name = UnsafeBufferPointer(rebasing: buffer[nameStart..<(markerStart + markerLength)])
        pos = markerStart + markerLength
        if pos < limit { consumeLineBreak() }
        if let close = findHeredocEnd(name: name) {
            while pos < close.lineStart { if buffer[pos] == 0x0A { consumeLineBreak() } else { pos += 1 } }
            pos = close.markerEnd
        } else {
            while pos < limit { if buffer[pos] == 0x0A { consumeLineBreak() } else { pos += 1 } }
        }
    }

    /// Finds the line, at or after `pos`, that holds only the heredoc delimiter `name` (plus spaces).
    func findHeredocEnd(name: UnsafeBufferPointer<UInt8>) -> (lineStart: Int, markerEnd: Int)? {
        var p = pos
        while p < limit {
            let start = p
            while p < limit, buffer[p] == 0x20 || buffer[p] == 0x09 { p += 1 }
            let markerStart = p
            var matched = limit - p >= name.count
            if matched {
                for i in 0..<name.count where buffer[p + i] != name[i] { matched = false; break }
            }
            if matched {
                var q = markerStart + name.count
                while q < limit, buffer[q] == 0x20 || buffer[q] == 0x09 || (buffer[q] == 0x0D && q + 1 < limit && buffer[q + 1] == 0x0A) || (buffer[q] == 0x0D && q + 1 == limit) { q += 1 }
                if q == limit || buffer[q] == 0x0A { return (start, markerStart + name.count) }
            }
            while p < limit, buffer[p] != 0x0A { p += 1 }
            p += 1
        }
        return nil
    }
}
