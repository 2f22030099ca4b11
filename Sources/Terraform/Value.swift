/// A Terraform value, like cty's: primitives, collections, and `unknown` for what only a plan
/// or apply could tell.
///
/// Lists and tuples share `.list`; maps and objects share `.object`. An unknown value remembers
/// the references it came from (`aws_kms_key.main.arn`, `var.unset`, `data.x.y.json`) so a rule
/// can say "unknown because of ..." instead of guessing. Sensitivity is not tracked on values;
/// `Variable.sensitive` and `Output.sensitive` carry it on the declarations.
public indirect enum Value: Hashable, Sendable, CustomStringConvertible {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number (cty numbers are arbitrary precision; this keeps a `Double`).
    case number(Double)
    /// A string.
    case string(String)
    /// A list or tuple, in order.
    case list([Value])
    /// A set: distinct elements, kept in first-seen order.
    case set([Value])
    /// A map or object; iteration order is the keys' lexical order, as in Terraform.
    case object([String: Value])
    /// A value not known before apply; see `UnknownValue`.
    case unknown(UnknownValue)

    /// An unknown value caused by the given references.
    public static func unknown(_ references: [String]) -> Value {
        .unknown(UnknownValue(references: references))
    }

    /// True when neither the value nor anything inside it is unknown.
    public var isWhollyKnown: Bool {
        switch self {
        case .unknown: return false
        case .list(let items), .set(let items): return items.allSatisfy(\.isWhollyKnown)
        case .object(let members): return members.values.allSatisfy(\.isWhollyKnown)
        default: return true
        }
    }

    /// True when the value itself is unknown (its elements may be unknown even when this is false).
    public var isUnknown: Bool {
        if case .unknown = self { return true }
        return false
    }

    /// Every reference behind the unknown parts of the value, sorted, without duplicates.
    public var unknownReferences: [String] {
        var found = Set<String>()
        collectUnknownReferences(into: &found)
        return found.sorted()
    }

    private func collectUnknownReferences(into found: inout Set<String>) {
        switch self {
        case .unknown(let unknown): found.formUnion(unknown.references)
        case .list(let items), .set(let items): for item in items { item.collectUnknownReferences(into: &found) }
        case .object(let members): for member in members.values { member.collectUnknownReferences(into: &found) }
        default: break
        }
    }

    /// True for `null`.
    public var isNull: Bool { self == .null }

    /// The string when the value is a string.
    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The number when the value is a number.
    public var numberValue: Double? {
        if case .number(let number) = self { return number }
        return nil
    }

    /// The bool when the value is a bool.
    public var boolValue: Bool? {
        if case .bool(let flag) = self { return flag }
        return nil
    }

    /// The elements of a list, tuple or set.
    public var elements: [Value]? {
        switch self {
        case .list(let items), .set(let items): return items
        default: return nil
        }
    }

    /// The members of a map or object.
    public var members: [String: Value]? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// The member `name` of an object, or element `name` (a decimal index) of a list.
    public subscript(key: String) -> Value? {
        switch self {
        case .object(let members): return members[key]
        case .list(let items):
            guard let index = Int(key), items.indices.contains(index) else { return nil }
            return items[index]
        default: return nil
        }
    }

    /// The value converted to a string as Terraform does for primitives (numbers without a
    /// trailing `.0`, bools as `true`/`false`); nil for null, collections and unknowns.
    public var primitiveString: String? {
        switch self {
        case .string(let text): return text
        case .number(let number): return formatNumber(number)
        case .bool(let flag): return flag ? "true" : "false"
        default: return nil
        }
    }

    /// The value written as HCL, e.g. `{ a = [1, "x"] }`; unknowns as `(unknown: refs)`.
    public var description: String {
        switch self {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let number): return formatNumber(number)
        case .string(let text): return quoteString(text)
        case .list(let items): return "[" + items.map(\.description).joined(separator: ", ") + "]"
        case .set(let items): return "toset([" + items.map(\.description).joined(separator: ", ") + "])"
        case .object(let members):
            if members.isEmpty { return "{}" }
            let parts = members.keys.sorted().map { "\(quoteKey($0)) = \(members[$0]!.description)" }
            return "{ " + parts.joined(separator: ", ") + " }"
        case .unknown(let unknown):
            return unknown.references.isEmpty ? "(unknown)" : "(unknown: " + unknown.references.joined(separator: ", ") + ")"
        }
    }

    /// A short name of the value's type for messages: `string`, `number`, `bool`, `list`, ...
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "bool"
        case .number: return "number"
        case .string: return "string"
        case .list: return "list"
        case .set: return "set"
        case .object: return "object"
        case .unknown: return "unknown"
        }
    }
}

/// What an unknown value depends on.
public struct UnknownValue: Hashable, Sendable {
    /// The references (traversals as written, e.g. `aws_kms_key.main.arn`), sorted, no duplicates.
    public var references: [String]

    /// Creates an unknown; the references are sorted and deduplicated.
    public init(references: [String]) {
        self.references = Array(Set(references)).sorted()
    }
}

/// Formats a number as Terraform prints it: integers without a fraction.
func formatNumber(_ number: Double) -> String {
    if number.isNaN { return "NaN" }
    if number.isInfinite { return number > 0 ? "Infinity" : "-Infinity" }
    if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
    return "\(number)"
}

private func quoteString(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out + "\""
}

private func quoteKey(_ key: String) -> String {
    let isIdentifier = !key.isEmpty && key.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" }
        && !("0"..."9").contains(key.unicodeScalars.first!)
    return isIdentifier ? key : quoteString(key)
}
