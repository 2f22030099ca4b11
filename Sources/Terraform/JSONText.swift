import HCL

/// JSON text to and from `Value`, as `jsonencode` and `jsondecode` do.
enum JSONText {
    /// Compact JSON with object keys sorted and `<`, `>`, `&` escaped, as Terraform writes it;
    /// nil when the value holds an unknown.
    static func encode(_ value: Value) -> String? {
        var output = ""
        guard write(value, into: &output) else { return nil }
        return output
    }

    private static func write(_ value: Value, into output: inout String) -> Bool {
        switch value {
        case .null: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .number(let number): output += formatNumber(number)
        case .string(let text): writeString(text, into: &output)
        case .list(let items), .set(let items):
            output += "["
            for (index, item) in items.enumerated() {
                if index > 0 { output += "," }
                guard write(item, into: &output) else { return false }
            }
            output += "]"
        case .object(let members):
            output += "{"
            for (index, key) in members.keys.sorted().enumerated() {
                if index > 0 { output += "," }
                writeString(key, into: &output)
                output += ":"
                guard write(members[key]!, into: &output) else { return false }
            }
            output += "}"
        case .unknown: return false
        }
        return true
    }

    private static func writeString(_ text: String, into output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "<": output += "\\u003c"
            case ">": output += "\\u003e"
            case "&": output += "\\u0026"
            case "\u{2028}": output += "\\u2028"
            case "\u{2029}": output += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }

    /// The value of JSON text; nil when the text is not valid JSON.
    static func decode(_ text: String) -> Value? {
        let parsed = parseJSON(Array(text.utf8), fileName: "")
        guard parsed.diagnostics.isEmpty, let root = parsed.value else { return nil }
        return value(of: root)
    }

    /// The value of a parsed JSON tree.
    static func value(of json: JSONValue) -> Value {
        switch json.kind {
        case .null: return .null
        case .bool(let flag): return .bool(flag)
        case .number(let number, _): return .number(number)
        case .string(let text): return .string(text)
        case .array(let items): return .list(items.map(value(of:)))
        case .object(let members):
            var result: [String: Value] = [:]
            for member in members { result[member.name] = value(of: member.value) }
            return .object(result)
        }
    }
}
