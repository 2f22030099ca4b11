/// A declarative check: conditions on a resource's attributes and connections, combined with
/// `and`, `or` and `not`.
///
/// The shape is that of checkov's YAML custom policies (`cond_type: attribute | connection |
/// filter`), so a checkov policy that uses this subset loads unchanged.
public indirect enum Condition: Sendable, Hashable {
    /// A condition on one attribute path of the resource.
    case attribute(AttributeCondition)
    /// A condition on the resource's connections to resources of other types.
    case connection(ConnectionCondition)
    /// A filter on the resource itself (today: its type).
    case filter(FilterCondition)
    /// Every condition holds.
    case and([Condition])
    /// At least one condition holds.
    case or([Condition])
    /// The condition does not hold.
    case not(Condition)

    /// The resource types the condition names, in order of first appearance; empty when it
    /// applies to every type.
    public var resourceTypes: [String] {
        var seen: [String] = []
        func visit(_ condition: Condition) {
            switch condition {
            case .attribute(let attribute): add(attribute.resourceTypes.types)
            case .connection(let connection): add(connection.resourceTypes.types)
            case .filter(let filter): if filter.attribute == "resource_type" { add(filter.values.compactMap(\.stringValue)) }
            case .and(let all), .or(let all): all.forEach(visit)
            case .not(let inner): visit(inner)
            }
        }
        func add(_ types: [String]) { for type in types where !seen.contains(type) { seen.append(type) } }
        visit(self)
        return seen
    }
}

/// Which resource types a condition applies to.
public enum ResourceTypeSelection: Sendable, Hashable {
    /// Every type (`all` in checkov).
    case all
    /// The listed types.
    case only([String])

    /// The listed types; empty for `all`.
    public var types: [String] {
        if case .only(let types) = self { return types }
        return []
    }

    /// Whether `type` is selected.
    public func contains(_ type: String) -> Bool {
        switch self {
        case .all: return true
        case .only(let types): return types.contains(type)
        }
    }
}

/// `cond_type: attribute`: an operator applied to the value at an attribute path.
public struct AttributeCondition: Sendable, Hashable {
    /// The resource types the condition is about.
    public var resourceTypes: ResourceTypeSelection
    /// A dotted path such as `tracing_config.mode` or `statement.*.actions`; `*` matches every
    /// element or key at that step, and a number selects one element.
    public var attribute: String
    /// What to test.
    public var `operator`: AttributeOperator
    /// The operand; nil for operators that take none (`exists`, `is_true`, ...).
    public var value: RuleValue?

    /// Creates an attribute condition.
    public init(resourceTypes: ResourceTypeSelection, attribute: String, operator: AttributeOperator, value: RuleValue?) {
        self.resourceTypes = resourceTypes
        self.attribute = attribute
        self.operator = `operator`
        self.value = value
    }
}

/// `cond_type: connection`: whether resources are connected to resources of other types.
public struct ConnectionCondition: Sendable, Hashable {
    /// The resources on one side.
    public var resourceTypes: ResourceTypeSelection
    /// The resource types on the other side.
    public var connectedResourceTypes: ResourceTypeSelection
    /// What to test.
    public var `operator`: ConnectionOperator

    /// Creates a connection condition.
    public init(resourceTypes: ResourceTypeSelection, connectedResourceTypes: ResourceTypeSelection, operator: ConnectionOperator) {
        self.resourceTypes = resourceTypes
        self.connectedResourceTypes = connectedResourceTypes
        self.operator = `operator`
    }
}

/// `cond_type: filter`: keeps resources whose `attribute` (today only `resource_type`) passes.
public struct FilterCondition: Sendable, Hashable {
    /// The attribute filtered on; `resource_type` is the one checkov documents.
    public var attribute: String
    /// `within` (the value is one of `values`) or `equals`.
    public var `operator`: AttributeOperator
    /// The accepted values.
    public var values: [RuleValue]

    /// Creates a filter.
    public init(attribute: String, operator: AttributeOperator, values: [RuleValue]) {
        self.attribute = attribute
        self.operator = `operator`
        self.values = values
    }
}

/// The operators of a connection condition.
public enum ConnectionOperator: String, Sendable, Hashable, CaseIterable {
    /// At least one connection exists.
    case exists
    /// No connection exists.
    case notExists = "not_exists"
    /// Exactly one connection exists.
    case oneExists = "one_exists"
}

/// A literal operand in a rule: what YAML can write.
public indirect enum RuleValue: Sendable, Hashable {
    /// A string.
    case string(String)
    /// A number.
    case number(Double)
    /// `true` or `false`.
    case bool(Bool)
    /// `null` / `~`.
    case null
    /// A sequence.
    case list([RuleValue])
    /// A mapping, keys in the file's order.
    case map([(String, RuleValue)])

    /// The string, when this is a string.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// Compares maps pair by pair, in order.
    public static func == (lhs: RuleValue, rhs: RuleValue) -> Bool {
        switch (lhs, rhs) {
        case (.string(let a), .string(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b
        case (.bool(let a), .bool(let b)): return a == b
        case (.null, .null): return true
        case (.list(let a), .list(let b)): return a == b
        case (.map(let a), .map(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    /// Hashes consistently with `==`.
    public func hash(into hasher: inout Hasher) {
        switch self {
        case .string(let value): hasher.combine(0); hasher.combine(value)
        case .number(let value): hasher.combine(1); hasher.combine(value)
        case .bool(let value): hasher.combine(2); hasher.combine(value)
        case .null: hasher.combine(3)
        case .list(let values): hasher.combine(4); hasher.combine(values)
        case .map(let pairs):
            hasher.combine(5)
            for (key, value) in pairs { hasher.combine(key); hasher.combine(value) }
        }
    }
}
