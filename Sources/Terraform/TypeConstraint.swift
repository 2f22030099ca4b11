import HCL

/// A variable's `type` constraint, read from its expression (`list(string)`, `object({...})`).
public indirect enum TypeConstraint: Hashable, Sendable, CustomStringConvertible {
    /// `any`.
    case any
    /// `string`.
    case string
    /// `number`.
    case number
    /// `bool`.
    case bool
    /// `list(T)`.
    case list(TypeConstraint)
    /// `set(T)`.
    case set(TypeConstraint)
    /// `map(T)`.
    case map(TypeConstraint)
    /// `tuple([T, ...])`.
    case tuple([TypeConstraint])
    /// `object({ name = T, ... })`; `optional(T)` attributes are listed in `optional`, and the
    /// defaults of `optional(T, default)` attributes (when constant) in `defaults`.
    case object([String: TypeConstraint], optional: Set<String>, defaults: [String: Value] = [:])

    /// Reads a type expression; nil when it is not a valid type.
    public init?(expression: Expression) {
        switch expression.kind {
        case .scopeTraversal(let traversal) where traversal.steps.isEmpty:
            switch traversal.root {
            case "any": self = .any
            case "string": self = .string
            case "number": self = .number
            case "bool": self = .bool
            default: return nil
            }
        case .functionCall(let call) where call.arguments.count == 1 || call.name == "optional":
            guard let first = call.arguments.first else { return nil }
            switch call.name {
            case "list": guard let element = TypeConstraint(expression: first) else { return nil }; self = .list(element)
            case "set": guard let element = TypeConstraint(expression: first) else { return nil }; self = .set(element)
            case "map": guard let element = TypeConstraint(expression: first) else { return nil }; self = .map(element)
            case "optional": guard let element = TypeConstraint(expression: first) else { return nil }; self = element
            case "tuple":
                guard case .tuple(let items) = first.kind else { return nil }
                var types: [TypeConstraint] = []
                for item in items {
                    guard let type = TypeConstraint(expression: item) else { return nil }
                    types.append(type)
                }
                self = .tuple(types)
            case "object":
                guard case .object(let items) = first.kind else { return nil }
                var attributes: [String: TypeConstraint] = [:]
                var optional: Set<String> = []
                var defaults: [String: Value] = [:]
                for item in items {
                    guard let key = item.key.staticString ?? item.key.asTraversal.flatMap({ $0.steps.isEmpty ? $0.root : nil }),
                          let type = TypeConstraint(expression: item.value) else { return nil }
                    attributes[key] = type
                    if case .functionCall(let inner) = item.value.kind, inner.name == "optional" {
                        optional.insert(key)
                        if inner.arguments.count == 2 {
                            let value = Evaluator(context: EvaluationContext()).evaluate(inner.arguments[1], file: "")
                            if value.isWhollyKnown { defaults[key] = type.convert(value) }
                        }
                    }
                }
                self = .object(attributes, optional: optional, defaults: defaults)
            default: return nil
            }
        default: return nil
        }
    }

    /// The type written as HCL.
    public var description: String {
        switch self {
        case .any: return "any"
        case .string: return "string"
        case .number: return "number"
        case .bool: return "bool"
        case .list(let element): return "list(\(element))"
        case .set(let element): return "set(\(element))"
        case .map(let element): return "map(\(element))"
        case .tuple(let elements): return "tuple([" + elements.map(\.description).joined(separator: ", ") + "])"
        case .object(let attributes, let optional, let defaults):
            let parts = attributes.keys.sorted().map { key in
                guard optional.contains(key) else { return "\(key) = \(attributes[key]!)" }
                return defaults[key].map { "\(key) = optional(\(attributes[key]!), \($0))" } ?? "\(key) = optional(\(attributes[key]!))"
            }
            return "object({" + parts.joined(separator: ", ") + "})"
        }
    }

    /// Converts `value` to this type where Terraform would (string ↔ number ↔ bool, list → set,
    /// missing optional attributes → their default or null); values that do not fit are returned unchanged.
    public func convert(_ value: Value) -> Value {
        if case .unknown = value { return value }
        if value == .null { return value }
        switch self {
        case .any: return value
        case .string: return value.primitiveString.map(Value.string) ?? value
        case .number:
            if case .string(let text) = value, let number = Double(text) { return .number(number) }
            return value
        case .bool:
            if case .string(let text) = value, text == "true" || text == "false" { return .bool(text == "true") }
            return value
        case .list(let element):
            guard let items = value.elements else { return value }
            return .list(items.map(element.convert))
        case .set(let element):
            guard let items = value.elements else { return value }
            return makeSet(items.map(element.convert))
        case .map(let element):
            guard let members = value.members else { return value }
            return .object(members.mapValues(element.convert))
        case .tuple(let elements):
            guard let items = value.elements, items.count == elements.count else { return value }
            return .list(zip(elements, items).map { $0.convert($1) })
        case .object(let attributes, _, let defaults):
            guard var members = value.members else { return value }
            for (key, type) in attributes {
                let given = members[key].flatMap { $0 == .null ? nil : $0 }
                members[key] = given.map(type.convert) ?? defaults[key] ?? .null
            }
            return .object(members)
        }
    }
}

/// A set from elements: duplicates dropped; strings sorted lexically and numbers ascending, as
/// cty orders them; other element types keep their first-seen order.
func makeSet(_ items: [Value]) -> Value {
    var seen = Set<Value>()
    var result: [Value] = []
    for item in items where seen.insert(item).inserted { result.append(item) }
    if result.allSatisfy({ $0.stringValue != nil }) {
        result.sort { $0.stringValue! < $1.stringValue! }
    } else if result.allSatisfy({ $0.numberValue != nil }) {
        result.sort { $0.numberValue! < $1.numberValue! }
    }
    return .set(result)
}
