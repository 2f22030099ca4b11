/// Why `yamldecode` could not read its input.
struct YAMLError: Error {
    var message: String
}

/// A subset of YAML for `yamldecode`: one document of block mappings, block sequences (including
/// `- key: value` items), plain, single- and double-quoted scalars, flow sequences and mappings,
/// literal (`|`) and folded (`>`) block scalars, and comments.
///
/// Not supported (they give an error): anchors and aliases, tags, several documents, complex
/// (`?`) keys, multi-line plain scalars. Scalars resolve as in YAML 1.2's core schema: `null`,
/// `~` and empty are null, `true`/`false` are bools, decimal numbers are numbers.
enum YAMLText {
    static func decode(_ text: String) throws -> Value {
        var parser = YAMLParser(text: text)
        return try parser.document()
    }
}

private struct YAMLLine {
    var indent: Int
    var text: String
    var number: Int
}

private struct YAMLParser {
    var lines: [YAMLLine]
    var raw: [String]
    var index = 0

    init(text: String) {
        raw = text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0.hasSuffix("\r") ? $0.dropLast() : $0) }
        lines = raw.enumerated().map { offset, line in
            let indent = line.prefix { $0 == " " }.count
            return YAMLLine(indent: indent, text: Self.stripComment(String(line.dropFirst(indent))), number: offset + 1)
        }
    }

    static func stripComment(_ text: String) -> String {
        var quote: Character?
        var previous: Character = " "
        for (offset, character) in text.enumerated() {
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "#", previous == " " || previous == "\t" {
                return String(text.prefix(offset)).trimmingSpaces
            }
            previous = character
        }
        return text.trimmingSpaces == "" ? "" : String(text.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }

    mutating func skipBlank() {
        while index < lines.count, lines[index].text.isEmpty || lines[index].text == "---" { index += 1 }
    }

    mutating func document() throws -> Value {
        skipBlank()
        guard index < lines.count else { return .null }
        let value = try node(minimumIndent: 0)
        skipBlank()
        if index < lines.count {
            if lines[index].text.hasPrefix("---") || lines[index].text == "..." { throw YAMLError(message: "several documents are not supported (line \(lines[index].number)).") }
            throw YAMLError(message: "unexpected content on line \(lines[index].number).")
        }
        return value
    }

    mutating func node(minimumIndent: Int) throws -> Value {
        skipBlank()
        guard index < lines.count, lines[index].indent >= minimumIndent else { return .null }
        let line = lines[index]
        if line.text == "-" || line.text.hasPrefix("- ") { return try sequence(indent: line.indent) }
        if Self.splitKey(line.text) != nil { return try mapping(indent: line.indent) }
        index += 1
        var text = line.text
        while let first = text.first, first == "[" || first == "{", !Self.isBalanced(text), index < lines.count {
            text += " " + lines[index].text
            index += 1
        }
        return try inline(text, line: line.number)
    }

    mutating func sequence(indent: Int) throws -> Value {
        var items: [Value] = []
        while true {
            skipBlank()
            guard index < lines.count, lines[index].indent == indent, lines[index].text == "-" || lines[index].text.hasPrefix("- ") else { break }
            let line = lines[index]
            let content = String(line.text.dropFirst()).drop { $0 == " " }
            if content.isEmpty {
                index += 1
                items.append(try node(minimumIndent: indent + 1))
            } else {
                let offset = line.text.count - content.count
                lines[index] = YAMLLine(indent: indent + offset, text: String(content), number: line.number)
                items.append(try node(minimumIndent: indent + offset))
            }
        }
        return .list(items)
    }

    mutating func mapping(indent: Int) throws -> Value {
        var members: [String: Value] = [:]
        while true {
            skipBlank()
            guard index < lines.count, lines[index].indent == indent else { break }
            let line = lines[index]
            guard let (rawKey, rest) = Self.splitKey(line.text) else { throw YAMLError(message: "expected \"key: value\" on line \(line.number).") }
            if rawKey.hasPrefix("? ") { throw YAMLError(message: "complex keys are not supported (line \(line.number)).") }
            let key = try Self.scalarText(rawKey, line: line.number)
            index += 1
            if rest.isEmpty {
                skipBlank()
                if index < lines.count, lines[index].indent == indent, lines[index].text == "-" || lines[index].text.hasPrefix("- ") {
                    members[key] = try sequence(indent: indent)
                } else if index < lines.count, lines[index].indent > indent {
                    members[key] = try node(minimumIndent: indent + 1)
                } else {
                    members[key] = .null
                }
            } else if let style = rest.first, style == "|" || style == ">" {
                members[key] = .string(blockScalar(folded: style == ">", header: rest, parentIndent: indent))
            } else {
                var text = rest
                while let first = text.first, first == "[" || first == "{", !Self.isBalanced(text), index < lines.count {
                    text += " " + lines[index].text
                    index += 1
                }
                members[key] = try inline(text, line: line.number)
            }
        }
        return .object(members)
    }

    mutating func blockScalar(folded: Bool, header: String, parentIndent: Int) -> String {
        var body: [String] = []
        var blockIndent: Int?
        while index < raw.count {
            let rawLine = raw[index]
            let indent = rawLine.prefix { $0 == " " }.count
            let isBlank = rawLine.trimmingSpaces.isEmpty
            if !isBlank {
                if indent <= parentIndent { break }
                if blockIndent == nil { blockIndent = indent }
                if indent < blockIndent! { break }
            }
            body.append(isBlank ? "" : String(rawLine.dropFirst(blockIndent!)))
            index += 1
        }
        while body.last == "" { body.removeLast() }
        var text: String
        if folded {
            text = ""
            for (offset, line) in body.enumerated() {
                if offset > 0 { text += (line.isEmpty || body[offset - 1].isEmpty || line.hasPrefix(" ")) ? "\n" : " " }
                text += line
            }
        } else {
            text = body.joined(separator: "\n")
        }
        if header.contains("-") { return text }
        return body.isEmpty ? "" : text + "\n"
    }

    static func isBalanced(_ text: String) -> Bool {
        var depth = 0
        var quote: Character?
        for character in text {
            if let open = quote { if character == open { quote = nil }; continue }
            switch character {
            case "\"", "'": quote = character
            case "[", "{": depth += 1
            case "]", "}": depth -= 1
            default: break
            }
        }
        return depth <= 0
    }

    /// Splits `key: value` (or `key:`) outside quotes and brackets.
    static func splitKey(_ text: String) -> (String, String)? {
        if text.hasPrefix("[") || text.hasPrefix("{") { return nil }
        var quote: Character?
        let characters = Array(text)
        for offset in characters.indices {
            let character = characters[offset]
            if let open = quote { if character == open { quote = nil }; continue }
            if (character == "\"" || character == "'"), offset == 0 { quote = character; continue }
            if character == ":", offset + 1 == characters.count || characters[offset + 1] == " " {
                let key = String(characters[..<offset]).trimmingSpaces
                let value = String(characters[(offset + 1)...]).trimmingSpaces
                return key.isEmpty ? nil : (key, value)
            }
        }
        return nil
    }

    static func scalarText(_ text: String, line: Int) throws -> String {
        switch try Self.scalar(text, line: line, resolve: false) {
        case .string(let value): return value
        case let other: return other.primitiveString ?? ""
        }
    }

    func inline(_ text: String, line: Int) throws -> Value {
        if text.hasPrefix("&") || text.hasPrefix("*") { throw YAMLError(message: "anchors and aliases are not supported (line \(line)).") }
        if text.hasPrefix("!") { throw YAMLError(message: "tags are not supported (line \(line)).") }
        if text.hasPrefix("[") || text.hasPrefix("{") {
            var flow = YAMLFlow(characters: Array(text), line: line)
            let value = try flow.value()
            flow.skipSpaces()
            guard flow.position == flow.characters.count else { throw YAMLError(message: "unexpected text after a flow collection on line \(line).") }
            return value
        }
        return try Self.scalar(text, line: line, resolve: true)
    }

    static func scalar(_ text: String, line: Int, resolve: Bool) throws -> Value {
        if text.hasPrefix("\"") {
            guard text.count >= 2, text.hasSuffix("\"") else { throw YAMLError(message: "unterminated double-quoted string on line \(line).") }
            return .string(unescapeDouble(String(text.dropFirst().dropLast())))
        }
        if text.hasPrefix("'") {
            guard text.count >= 2, text.hasSuffix("'") else { throw YAMLError(message: "unterminated single-quoted string on line \(line).") }
            return .string(String(text.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'"))
        }
        guard resolve else { return .string(text) }
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        default: break
        }
        if let first = text.first, first.isNumber || first == "-" || first == "+" || first == ".",
           text.allSatisfy({ $0.isNumber || "+-.eE".contains($0) }), let number = Double(text) {
            return .number(number)
        }
        if text.hasPrefix("0x"), let number = Int(text.dropFirst(2), radix: 16) { return .number(Double(number)) }
        return .string(text)
    }

    static func unescapeDouble(_ text: String) -> String {
        var output = ""
        var characters = text.makeIterator()
        while let character = characters.next() {
            guard character == "\\", let escaped = characters.next() else { output.append(character); continue }
            switch escaped {
            case "n": output += "\n"
            case "t": output += "\t"
            case "r": output += "\r"
            case "0": output += "\0"
            case "\"": output += "\""
            case "\\": output += "\\"
            case "/": output += "/"
            default: output += "\\" + String(escaped)
            }
        }
        return output
    }
}

/// A flow collection reader (`[a, b]`, `{k: v}`).
private struct YAMLFlow {
    var characters: [Character]
    var line: Int
    var position = 0

    mutating func skipSpaces() {
        while position < characters.count, characters[position] == " " || characters[position] == "\t" { position += 1 }
    }

    mutating func value() throws -> Value {
        skipSpaces()
        guard position < characters.count else { throw YAMLError(message: "unexpected end of a flow collection on line \(line).") }
        switch characters[position] {
        case "[":
            position += 1
            var items: [Value] = []
            while true {
                skipSpaces()
                if position < characters.count, characters[position] == "]" { position += 1; return .list(items) }
                items.append(try value())
                skipSpaces()
                guard position < characters.count else { throw YAMLError(message: "unterminated flow sequence on line \(line).") }
                if characters[position] == "," { position += 1 } else if characters[position] != "]" { throw YAMLError(message: "expected , or ] on line \(line).") }
            }
        case "{":
            position += 1
            var members: [String: Value] = [:]
            while true {
                skipSpaces()
                if position < characters.count, characters[position] == "}" { position += 1; return .object(members) }
                let key = try scalarText(stopAt: ":,}")
                skipSpaces()
                guard position < characters.count, characters[position] == ":" else { throw YAMLError(message: "expected : in a flow mapping on line \(line).") }
                position += 1
                members[try YAMLParser.scalarText(key, line: line)] = try value()
                skipSpaces()
                guard position < characters.count else { throw YAMLError(message: "unterminated flow mapping on line \(line).") }
                if characters[position] == "," { position += 1 } else if characters[position] != "}" { throw YAMLError(message: "expected , or } on line \(line).") }
            }
        default:
            return try YAMLParser.scalar(try scalarText(stopAt: ",]}"), line: line, resolve: true)
        }
    }

    mutating func scalarText(stopAt stops: String) throws -> String {
        skipSpaces()
        let start = position
        if position < characters.count, characters[position] == "\"" || characters[position] == "'" {
            let quote = characters[position]
            position += 1
            while position < characters.count {
                if characters[position] == "\\", quote == "\"" { position += 2; continue }
                if characters[position] == quote { position += 1; return String(characters[start..<position]) }
                position += 1
            }
            throw YAMLError(message: "unterminated quoted string on line \(line).")
        }
        while position < characters.count, !stops.contains(characters[position]) { position += 1 }
        return String(characters[start..<position]).trimmingSpaces
    }
}
