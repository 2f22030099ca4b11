/// A JSON parser over UTF-8 bytes that keeps the range of every value and member name.
///
/// It stops at the first syntax error (one diagnostic) and returns what it read up to there.
struct JSONParser {
    static let maximumDepth = 256

    let bytes: [UInt8]
    let fileName: String
    var pos = 0
    var line = 1
    var lineStart = 0
    var depth = 0
    /// The nesting limit of this parse: `maximumDepth`, or less on a thread with a small stack
    /// (see `ParseStack`).
    var depthLimit = JSONParser.maximumDepth
    /// Whether the parse stopped at `depthLimit`.
    var reachedDepthLimit = false
    var failed = false
    var diagnostics: [Diagnostic] = []

    init(bytes: [UInt8], fileName: String) {
        self.bytes = bytes
        self.fileName = fileName
    }

    var here: SourcePosition { SourcePosition(line: line, column: pos - lineStart + 1, byte: pos) }

    mutating func fail(_ summary: String, _ detail: String, _ subject: SourceRange) {
        if failed { return }
        failed = true
        diagnostics.append(Diagnostic(severity: .error, summary: summary, detail: detail, fileName: fileName, subject: subject))
    }

    /// The range of the one byte at the cursor (empty at the end of the file).
    var hereByte: SourceRange {
        let start = here
        return SourceRange(start: start, end: pos < bytes.count ? start.advanced(by: 1) : start)
    }

    func describeHere() -> String {
        guard pos < bytes.count else { return "the end of the file" }
        let c = bytes[pos]
        if c >= 0x21 && c < 0x7F { return "\"\(String(UnicodeScalar(c)))\"" }
        return "an invalid character"
    }

    mutating func skipWhitespace() {
        while pos < bytes.count {
            switch bytes[pos] {
            case 0x20, 0x09, 0x0D: pos += 1
            case 0x0A:
                pos += 1
                line += 1
                lineStart = pos
            default: return
            }
        }
    }

    mutating func parseDocument() -> JSONValue? {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { pos = 3 }
        skipWhitespace()
        guard pos < bytes.count else {
            fail("Empty JSON file", "The file holds no JSON value. A JSON configuration file must hold one object.", hereByte)
            return nil
        }
        let value = parseValue()
        skipWhitespace()
        if !failed && pos < bytes.count {
            fail("Extraneous data after value", "Found \(describeHere()) after the end of the JSON value. A file must hold exactly one value; remove the extra text.", hereByte)
        }
        return value
    }

    mutating func parseValue() -> JSONValue? {
        skipWhitespace()
        let start = here
        guard pos < bytes.count else {
            fail("Missing JSON value", "A value was expected here, but the file ended. Complete the value or remove the unfinished member.", hereByte)
            return nil
        }
        switch bytes[pos] {
        case UInt8(ascii: "{"): return parseObject()
        case UInt8(ascii: "["): return parseArray()
        case UInt8(ascii: "\""):
            guard let text = parseString() else { return nil }
            return JSONValue(.string(text), range: SourceRange(start: start, end: here))
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return parseNumber()
        case UInt8(ascii: "t"): return parseKeyword("true", .bool(true))
        case UInt8(ascii: "f"): return parseKeyword("false", .bool(false))
        case UInt8(ascii: "n"): return parseKeyword("null", .null)
        default:
            fail("Invalid JSON value", "A JSON value (object, array, string, number, true, false or null) was expected, but found \(describeHere()).", hereByte)
            return nil
        }
    }

    mutating func parseKeyword(_ word: String, _ kind: JSONValueKind) -> JSONValue? {
        let start = here
        let utf8 = Array(word.utf8)
        if pos + utf8.count <= bytes.count && Array(bytes[pos..<(pos + utf8.count)]) == utf8 {
            pos += utf8.count
            return JSONValue(kind, range: SourceRange(start: start, end: here))
        }
        fail("Invalid JSON keyword", "Only true, false and null are keywords in JSON; strings must be in double quotes.", hereByte)
        return nil
    }

    mutating func enter() -> Bool {
        depth += 1
        if depth > depthLimit {
            reachedDepthLimit = true
            fail("Nesting too deep", "Arrays and objects are nested more than \(JSONParser.maximumDepth) levels deep here. Flatten the structure; the rest of the file was not read.", hereByte)
            return false
        }
        return true
    }

    mutating func parseObject() -> JSONValue? {
        let start = here
        guard enter() else { return nil }
        defer { depth -= 1 }
        pos += 1
        var members: [JSONMember] = []
        skipWhitespace()
        if pos < bytes.count && bytes[pos] == UInt8(ascii: "}") {
            pos += 1
            return JSONValue(.object(members), range: SourceRange(start: start, end: here))
        }
        while !failed {
            skipWhitespace()
            let nameStart = here
            guard pos < bytes.count, bytes[pos] == UInt8(ascii: "\"") else {
                fail("Missing member name", "An object member must start with a quoted name, but found \(describeHere()).", hereByte)
                break
            }
            guard let name = parseString() else { break }
            let nameRange = SourceRange(start: nameStart, end: here)
            skipWhitespace()
            guard pos < bytes.count, bytes[pos] == UInt8(ascii: ":") else {
                fail("Missing colon", "A member name must be followed by \":\" and a value, but found \(describeHere()).", hereByte)
                break
            }
            pos += 1
            guard let value = parseValue() else { break }
            members.append(JSONMember(name: name, nameRange: nameRange, value: value))
            skipWhitespace()
            if pos < bytes.count && bytes[pos] == UInt8(ascii: ",") { pos += 1; continue }
            if pos < bytes.count && bytes[pos] == UInt8(ascii: "}") {
                pos += 1
                return JSONValue(.object(members), range: SourceRange(start: start, end: here))
            }
            fail("Missing comma or closing brace", "Object members are separated by \",\" and the object ends with \"}\", but found \(describeHere()).", hereByte)
        }
        return JSONValue(.object(members), range: SourceRange(start: start, end: here))
    }

    mutating func parseArray() -> JSONValue? {
        let start = here
        guard enter() else { return nil }
        defer { depth -= 1 }
        pos += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if pos < bytes.count && bytes[pos] == UInt8(ascii: "]") {
            pos += 1
            return JSONValue(.array(elements), range: SourceRange(start: start, end: here))
        }
        while !failed {
            guard let value = parseValue() else { break }
            elements.append(value)
            skipWhitespace()
            if pos < bytes.count && bytes[pos] == UInt8(ascii: ",") { pos += 1; continue }
            if pos < bytes.count && bytes[pos] == UInt8(ascii: "]") {
                pos += 1
                return JSONValue(.array(elements), range: SourceRange(start: start, end: here))
            }
            fail("Missing comma or closing bracket", "Array elements are separated by \",\" and the array ends with \"]\", but found \(describeHere()).", hereByte)
        }
        return JSONValue(.array(elements), range: SourceRange(start: start, end: here))
    }

    mutating func parseNumber() -> JSONValue? {
        let start = here
        let begin = pos
        if bytes[pos] == UInt8(ascii: "-") { pos += 1 }
        func digits(_ parser: inout JSONParser) -> Int {
            let from = parser.pos
            while parser.pos < parser.bytes.count, parser.bytes[parser.pos] >= UInt8(ascii: "0"), parser.bytes[parser.pos] <= UInt8(ascii: "9") { parser.pos += 1 }
            return parser.pos - from
        }
        let integerStart = pos
        let integerDigits = digits(&self)
        var valid = integerDigits > 0 && !(integerDigits > 1 && bytes[integerStart] == UInt8(ascii: "0"))
        if valid, pos < bytes.count, bytes[pos] == UInt8(ascii: ".") {
            pos += 1
            valid = digits(&self) > 0
        }
        if valid, pos < bytes.count, bytes[pos] == UInt8(ascii: "e") || bytes[pos] == UInt8(ascii: "E") {
            pos += 1
            if pos < bytes.count, bytes[pos] == UInt8(ascii: "+") || bytes[pos] == UInt8(ascii: "-") { pos += 1 }
            valid = digits(&self) > 0
        }
        let text = String(decoding: bytes[begin..<pos], as: UTF8.self)
        guard valid, let value = Double(text) else {
            fail("Invalid number", "\"\(text)\" is not a valid JSON number. Write digits with an optional fraction and exponent, without leading zeros.", SourceRange(start: start, end: here))
            return nil
        }
        return JSONValue(.number(value, text: text), range: SourceRange(start: start, end: here))
    }

    /// Reads a string at the opening quote; nil after a diagnostic.
    mutating func parseString() -> String? {
        let start = here
        pos += 1
        var decoded: [UInt8] = []
        var runStart = pos
        while pos < bytes.count {
            let c = bytes[pos]
            if c == UInt8(ascii: "\"") {
                decoded.append(contentsOf: bytes[runStart..<pos])
                pos += 1
                return String(decoding: decoded, as: UTF8.self)
            }
            if c < 0x20 {
                fail("Invalid string", "A control character (such as a line break or tab) must be escaped inside a JSON string, or the closing quote is missing.", SourceRange(start: start, end: here))
                return nil
            }
            if c == UInt8(ascii: "\\") {
                decoded.append(contentsOf: bytes[runStart..<pos])
                let escapeStart = here
                guard pos + 1 < bytes.count else { break }
                let selector = bytes[pos + 1]
                pos += 2
                switch selector {
                case UInt8(ascii: "\""): decoded.append(UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): decoded.append(UInt8(ascii: "\\"))
                case UInt8(ascii: "/"): decoded.append(UInt8(ascii: "/"))
                case UInt8(ascii: "b"): decoded.append(0x08)
                case UInt8(ascii: "f"): decoded.append(0x0C)
                case UInt8(ascii: "n"): decoded.append(0x0A)
                case UInt8(ascii: "r"): decoded.append(0x0D)
                case UInt8(ascii: "t"): decoded.append(0x09)
                case UInt8(ascii: "u"):
                    guard var unit = readHex4() else {
                        fail("Invalid escape sequence", "\"\\u\" must be followed by exactly four hexadecimal digits.", SourceRange(start: escapeStart, end: here))
                        return nil
                    }
                    if unit >= 0xD800 && unit < 0xDC00, pos + 1 < bytes.count, bytes[pos] == UInt8(ascii: "\\"), bytes[pos + 1] == UInt8(ascii: "u") {
                        let saved = pos
                        pos += 2
                        if let low = readHex4(), low >= 0xDC00 && low < 0xE000 {
                            unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                        } else {
                            pos = saved
                        }
                    }
                    let scalar = Unicode.Scalar(unit) ?? "\u{FFFD}"
                    decoded.append(contentsOf: Array(String(Character(scalar)).utf8))
                default:
                    fail("Invalid escape sequence", "A backslash in a JSON string must be followed by one of \" \\ / b f n r t u; write \"\\\\\" for a literal backslash.", SourceRange(start: escapeStart, end: here))
                    return nil
                }
                runStart = pos
                continue
            }
            pos += 1
        }
        fail("Unterminated string", "The string that starts here has no closing quote before the end of the file. Add a closing \"\\\"\".", SourceRange(start: start, end: start.advanced(by: 1)))
        return nil
    }

    mutating func readHex4() -> UInt32? {
        guard pos + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for i in 0..<4 {
            let c = bytes[pos + i]
            let digit: UInt32
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(c - UInt8(ascii: "A") + 10)
            default: return nil
            }
            value = value * 16 + digit
        }
        pos += 4
        return value
    }
}
