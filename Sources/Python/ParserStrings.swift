/// The parts of a `JoinedStr` being built: finished values plus pending literal text.
struct JoinedStringParts {
    var values: [Expression] = []
    var literal: [UInt8] = []
    var literalStart: SourceLocation?
    var literalEnd: SourceLocation?

    mutating func appendLiteral(_ text: [UInt8], from start: SourceLocation, to end: SourceLocation) {
        if literalStart == nil { literalStart = start }
        literalEnd = end
        literal += text
    }

    mutating func flush() {
        if let start = literalStart, let end = literalEnd, !literal.isEmpty {
            values.append(Expression(.constant(.string(String(decoding: literal, as: UTF8.self))),
                                     SourceRange(start: start, end: end)))
        }
        literal = []
        literalStart = nil
        literalEnd = nil
    }
}

extension Parser {
    /// One or more adjacent string tokens: a `Constant`, or a `JoinedStr` if any is an f-string.
    mutating func parseStrings() throws(SyntaxError) -> Expression {
        let start = current.range.start
        var pieces: [(token: Token, quoting: StringLiteralScanner.Quoting)] = []
        let scanner = StringLiteralScanner(bytes: bytes, limit: bytes.count)
        var anyFormatted = false
        var anyBytes = false
        var anyText = false
        while current.kind == .string {
            let token = advance()
            var quote = token.range.start.offset
            while bytes[quote] != UInt8(ascii: "'") && bytes[quote] != UInt8(ascii: "\"") { quote += 1 }
            let quoting = scanner.quoting(prefixStart: token.range.start.offset, quoteOffset: quote)
            if quoting.isFormatted { anyFormatted = true }
            if quoting.isBytes { anyBytes = true } else { anyText = true }
            pieces.append((token, quoting))
        }
        if anyBytes && anyText {
            throw error("cannot mix bytes and nonbytes literals",
                        "Adjacent string literals are joined into one value, so they must all be bytes or all be text. Add or remove the 'b' prefix.",
                        range(from: start))
        }
        if !anyFormatted {
            var decoded: [UInt8] = []
            for piece in pieces {
                let end = piece.token.range.end.offset - (piece.quoting.isTriple ? 3 : 1)
                decode(piece.quoting.bodyStart..<max(piece.quoting.bodyStart, end), raw: piece.quoting.isRaw,
                       isBytes: piece.quoting.isBytes, doubledBraces: false, into: &decoded)
            }
            let value: ConstantValue = anyBytes ? .bytes(decoded) : .string(String(decoding: decoded, as: UTF8.self))
            return Expression(.constant(value), range(from: start))
        }
        var parts = JoinedStringParts()
        for piece in pieces {
            let end = piece.token.range.end.offset
            if !piece.quoting.isFormatted {
                let bodyEnd = max(piece.quoting.bodyStart, end - (piece.quoting.isTriple ? 3 : 1))
                var decoded: [UInt8] = []
                decode(piece.quoting.bodyStart..<bodyEnd, raw: piece.quoting.isRaw, isBytes: false,
                       doubledBraces: false, into: &decoded)
                parts.appendLiteral(decoded, from: lines.location(piece.quoting.bodyStart), to: lines.location(bodyEnd))
                continue
            }
            var fieldScanner = StringLiteralScanner(bytes: bytes, limit: end)
            let body = fieldScanner.scanFStringBody(piece.quoting, from: piece.quoting.bodyStart, inSpec: false, nesting: 0)
            try appendPieces(body.pieces, quoting: piece.quoting, to: &parts)
        }
        parts.flush()
        return Expression(.joinedStr(values: parts.values), range(from: start))
    }

    mutating func appendPieces(_ pieces: [StringLiteralScanner.Piece], quoting: StringLiteralScanner.Quoting,
                               to parts: inout JoinedStringParts) throws(SyntaxError) {
        for piece in pieces {
            switch piece {
            case .literal(let span):
                var decoded: [UInt8] = []
                decode(span, raw: quoting.isRaw, isBytes: false, doubledBraces: true, into: &decoded)
                parts.appendLiteral(decoded, from: lines.location(span.lowerBound), to: lines.location(span.upperBound))
            case .field(let field):
                if let debug = field.debugText {
                    parts.appendLiteral(Array(bytes[debug]), from: lines.location(debug.lowerBound),
                                        to: lines.location(debug.upperBound))
                }
                parts.flush()
                parts.values.append(try parseField(field, quoting: quoting))
            }
        }
    }

    /// One replacement field as a `FormattedValue`.
    mutating func parseField(_ field: StringLiteralScanner.Field,
                             quoting: StringLiteralScanner.Quoting) throws(SyntaxError) -> Expression {
        let fieldRange = lines.range(field.open, max(field.open, field.close))
        try enter()
        defer { leave() }
        let fragment = Tokenizer.tokenizeFragment(bytes, lines: lines, range: field.expression)
        diagnostics += fragment.diagnostics
        if fragment.tokens.count <= 1 {
            throw error("f-string: valid expression required before '}'",
                        "A replacement field in an f-string needs an expression between its braces.", fieldRange)
        }
        var inner = Parser(bytes: bytes, lines: lines, tokens: fragment.tokens, depth: depth, maximumDepth: maximumDepth)
        let value: Expression
        do throws(SyntaxError) {
            value = try inner.parseStarExpressionsOrYield()
            if inner.current.kind != .endMarker { throw inner.invalidSyntax() }
        } catch {
            diagnostics += inner.diagnostics
            if inner.reachedDepthLimit { reachedDepthLimit = true }
            throw error
        }
        diagnostics += inner.diagnostics
        if inner.reachedDepthLimit { reachedDepthLimit = true }
        var conversion: Character?
        if let (byte, offset) = field.conversion {
            guard byte == UInt8(ascii: "r") || byte == UInt8(ascii: "s") || byte == UInt8(ascii: "a") else {
                throw error("f-string: invalid conversion character",
                            "The conversion after '!' must be 'r', 's' or 'a'.", lines.range(offset, offset + 1))
            }
            conversion = Character(UnicodeScalar(byte))
        }
        var formatSpec: Expression?
        if let spec = field.formatSpec {
            var specParts = JoinedStringParts()
            try appendPieces(spec.pieces, quoting: quoting, to: &specParts)
            specParts.flush()
            formatSpec = Expression(.joinedStr(values: specParts.values),
                                    lines.range(spec.range.lowerBound, max(spec.range.lowerBound, spec.range.upperBound)))
        }
        if field.debugText != nil && conversion == nil && formatSpec == nil {
            conversion = "r"
        }
        return Expression(.formattedValue(value: value, conversion: conversion, formatSpec: formatSpec), fieldRange)
    }

    // MARK: - Escapes

    private func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    private func appendScalar(_ value: UInt32, into output: inout [UInt8]) {
        let scalar = UnicodeScalar(value) ?? "\u{FFFD}"
        output += Array(String(Character(scalar)).utf8)
    }

    /// Decodes the body of a literal (escapes, newlines; `{{`/`}}` in f-string text) into UTF-8 or bytes.
    func decode(_ span: Range<Int>, raw: Bool, isBytes: Bool, doubledBraces: Bool, into output: inout [UInt8]) {
        var index = span.lowerBound
        let end = min(span.upperBound, bytes.count)
        while index < end {
            let byte = bytes[index]
            if doubledBraces && (byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}"))
                && index + 1 < end && bytes[index + 1] == byte {
                output.append(byte)
                index += 2
                continue
            }
            if byte == 0x0D {
                output.append(0x0A)
                index += 1
                if index < end && bytes[index] == 0x0A { index += 1 }
                continue
            }
            guard byte == UInt8(ascii: "\\"), !raw, index + 1 < end else {
                output.append(byte)
                index += 1
                continue
            }
            let escape = bytes[index + 1]
            index += 2
            switch escape {
            case 0x0A:
                continue
            case 0x0D:
                if index < end && bytes[index] == 0x0A { index += 1 }
            case UInt8(ascii: "\\"), UInt8(ascii: "'"), UInt8(ascii: "\""):
                output.append(escape)
            case UInt8(ascii: "a"): output.append(7)
            case UInt8(ascii: "b"): output.append(8)
            case UInt8(ascii: "f"): output.append(12)
            case UInt8(ascii: "n"): output.append(10)
            case UInt8(ascii: "r"): output.append(13)
            case UInt8(ascii: "t"): output.append(9)
            case UInt8(ascii: "v"): output.append(11)
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                var value = UInt32(escape - UInt8(ascii: "0"))
                var count = 1
                while count < 3 && index < end && bytes[index] >= UInt8(ascii: "0") && bytes[index] <= UInt8(ascii: "7") {
                    value = value * 8 + UInt32(bytes[index] - UInt8(ascii: "0"))
                    index += 1
                    count += 1
                }
                if isBytes { output.append(UInt8(truncatingIfNeeded: value)) } else { appendScalar(value, into: &output) }
            case UInt8(ascii: "x"), UInt8(ascii: "u"), UInt8(ascii: "U"):
                let digits = escape == UInt8(ascii: "x") ? 2 : escape == UInt8(ascii: "u") ? 4 : 8
                if isBytes && escape != UInt8(ascii: "x") {
                    output += [UInt8(ascii: "\\"), escape]
                    continue
                }
                var value: UInt32 = 0
                var count = 0
                while count < digits && index + count < end, let digit = hexValue(bytes[index + count]) {
                    value = value &* 16 &+ digit
                    count += 1
                }
                if count < digits {
                    output += [UInt8(ascii: "\\"), escape]
                    continue
                }
                index += digits
                if isBytes { output.append(UInt8(truncatingIfNeeded: value)) } else { appendScalar(value, into: &output) }
            default:
                output += [UInt8(ascii: "\\"), escape]
            }
        }
    }
}
