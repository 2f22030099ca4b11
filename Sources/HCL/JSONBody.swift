extension JSONValue {
    /// Converts a JSON object into a `Body` under `schema`, per HCL's JSON syntax specification.
    ///
    /// A key listed in `schema.blocks` with N labels is a block: its value is read through N
    /// levels of objects whose keys are the labels; an array at any level gives several blocks.
    /// Every other key is an attribute whose value becomes an expression (see `expression(fileName:)`).
    /// A key `"//"` is a comment and is skipped. A value that is not an object gives a diagnostic.
    /// A block's open and close brace ranges are those of its body object.
    public func body(schema: BlockSchema, fileName: String) -> (body: Body, diagnostics: [Diagnostic]) {
        var converter = JSONBodyConverter(fileName: fileName)
        let body = converter.body(of: self, schema: schema)
        return (body, converter.diagnostics)
    }

    /// Converts the value into an expression: strings become templates (`${}` and `%{}` are
    /// interpreted; a string without them is `.literal(.string)`), numbers, bools and null become
    /// literals, arrays tuples, objects object constructors whose keys are strings (or templates).
    ///
    /// Ranges inside a string that holds JSON escapes are approximate: they are counted on the
    /// decoded text from the string's first byte.
    public func expression(fileName: String) -> (expression: Expression, diagnostics: [Diagnostic]) {
        var converter = JSONBodyConverter(fileName: fileName)
        let expression = converter.expression(of: self)
        return (expression, converter.diagnostics)
    }
}

/// Carries diagnostics through a JSON-to-Body conversion.
struct JSONBodyConverter {
    let fileName: String
    var diagnostics: [Diagnostic] = []

    init(fileName: String) {
        self.fileName = fileName
    }

    mutating func body(of value: JSONValue, schema: BlockSchema?) -> Body {
        guard case .object(let members) = value.kind else {
            diagnostics.append(Diagnostic(severity: .error, summary: "Incorrect JSON value type", detail: "A JSON object is required here, to define arguments and blocks.", fileName: fileName, subject: value.range))
            return Body(range: value.range)
        }
        var attributes: [Attribute] = []
        var blocks: [Block] = []
        var seen: [String: SourceRange] = [:]
        for member in members {
            if member.name == "//" { continue }
            if let blockType = schema?.blocks[member.name] {
                collectBlocks(type: member, value: member.value, labels: [], schema: blockType, into: &blocks)
                continue
            }
            if let previous = seen[member.name] {
                diagnostics.append(Diagnostic(severity: .error, summary: "Attribute redefined", detail: "The argument \"\(member.name)\" was already set at line \(previous.start.line), column \(previous.start.column). Each argument may be set only once; remove one of them.", fileName: fileName, subject: member.nameRange))
                continue
            }
            seen[member.name] = member.nameRange
            let expression = self.expression(of: member.value)
            attributes.append(Attribute(name: member.name, nameRange: member.nameRange, expression: expression, range: member.nameRange.union(member.value.range)))
        }
        return Body(attributes: attributes, blocks: blocks, range: value.range)
    }

    mutating func collectBlocks(type: JSONMember, value: JSONValue, labels: [BlockLabel], schema: BlockTypeSchema, into blocks: inout [Block]) {
        if case .array(let elements) = value.kind {
            for element in elements { collectBlocks(type: type, value: element, labels: labels, schema: schema, into: &blocks) }
            return
        }
        guard case .object(let members) = value.kind else {
            let what = labels.count < schema.labelCount ? "an object whose keys are the block's labels" : "an object holding the block's body"
            diagnostics.append(Diagnostic(severity: .error, summary: "Incorrect JSON value type", detail: "A \"\(type.name)\" block needs \(what) here (or an array of such objects).", fileName: fileName, subject: value.range, context: type.nameRange))
            return
        }
        if labels.count < schema.labelCount {
            for member in members {
                let label = BlockLabel(value: member.name, range: member.nameRange, isQuoted: true)
                collectBlocks(type: type, value: member.value, labels: labels + [label], schema: schema, into: &blocks)
            }
            return
        }
        let body = self.body(of: value, schema: schema.body)
        let open = SourceRange(start: value.range.start, end: value.range.start.advanced(by: 1))
        let closeStart = SourcePosition(line: value.range.end.line, column: value.range.end.column - 1, byte: value.range.end.byte - 1)
        let close = SourceRange(start: closeStart, end: value.range.end)
        blocks.append(Block(type: type.name, labels: labels, body: body, range: type.nameRange.union(value.range), typeRange: type.nameRange, openBraceRange: open, closeBraceRange: close))
    }

    mutating func expression(of value: JSONValue) -> Expression {
        switch value.kind {
        case .string(let text):
            return template(text, range: value.range)
        case .number(let number, _):
            return Expression(.literal(.number(number)), range: value.range)
        case .bool(let flag):
            return Expression(.literal(.bool(flag)), range: value.range)
        case .null:
            return Expression(.literal(.null), range: value.range)
        case .array(let elements):
            return Expression(.tuple(elements.map { expression(of: $0) }), range: value.range)
        case .object(let members):
            let items = members.map { member in
                ObjectItem(key: template(member.name, range: member.nameRange), value: expression(of: member.value))
            }
            return Expression(.object(items), range: value.range)
        }
    }

    /// A JSON string as a template; a literal when it has no `${` or `%{`.
    mutating func template(_ text: String, range: SourceRange) -> Expression {
        let bytes = Array(text.utf8)
        var special = false
        var i = 0
        while i + 1 < bytes.count {
            if (bytes[i] == UInt8(ascii: "$") || bytes[i] == UInt8(ascii: "%")) && bytes[i + 1] == UInt8(ascii: "{") { special = true; break }
            i += 1
        }
        guard special else { return Expression(.literal(.string(text)), range: range) }
        let result = parseTemplate(bytes, fileName: fileName, start: range.start.advanced(by: 1), style: .json)
        diagnostics += result.diagnostics
        if let literal = result.expression.staticString { return Expression(.literal(.string(literal)), range: range) }
        return Expression(result.expression.kind, range: range)
    }
}
