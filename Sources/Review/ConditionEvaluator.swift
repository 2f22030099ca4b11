import LinearRegex
import HCL
import Terraform

/// Evaluates declarative conditions on subjects, the way checkov's YAML policies are meant:
/// positive operators hold when any matched value satisfies them, negated operators when every
/// matched value does; an unknown value makes the answer unknown rather than a guess.
public final class ConditionEvaluator {
    private let connections: ConnectionIndex
    private var regexCache: [String: SafeRegex] = [:]

    /// An evaluator for subjects of one loaded module tree.
    public init(connections: ConnectionIndex) {
        self.connections = connections
    }

    /// The verdict of `condition` on `subject`.
    public func verdict(_ condition: Condition, on subject: Subject) -> Verdict {
        switch condition {
        case .attribute(let attribute):
            guard attribute.resourceTypes.contains(subject.type) else { return .pass }
            return verdict(attribute, on: subject)
        case .connection(let connection):
            guard connection.resourceTypes.contains(subject.type) else { return .pass }
            let count = connections.connectedCount(of: subject.graphNode, types: connection.connectedResourceTypes)
            let holds: Bool
            switch connection.operator {
            case .exists: holds = count > 0
            case .notExists: holds = count == 0
            case .oneExists: holds = count == 1
            }
            return holds ? .pass : .fail(FailureLocation(range: subject.headerRange, attributePath: ""))
        case .filter(let filter):
            let values = filter.values.compactMap(\.stringValue)
            return values.contains(subject.type) ? .pass : .fail(FailureLocation(range: subject.headerRange, attributePath: ""))
        case .and(let conditions):
            var unknowns: [String] = []
            var sawUnknown = false
            for inner in conditions {
                switch verdict(inner, on: subject) {
                case .pass: continue
                case .fail(let location): return .fail(location)
                case .unknown(let references): sawUnknown = true; unknowns += references
                }
            }
            return sawUnknown ? .unknown(Array(Set(unknowns)).sorted()) : .pass
        case .or(let conditions):
            var unknowns: [String] = []
            var sawUnknown = false
            var locations: [FailureLocation] = []
            for inner in conditions {
                switch verdict(inner, on: subject) {
                case .pass: return .pass
                case .fail(let location): locations.append(location)
                case .unknown(let references): sawUnknown = true; unknowns += references
                }
            }
            if sawUnknown { return .unknown(Array(Set(unknowns)).sorted()) }
            // Every alternative failed: report where they agree; else at the value the first
            // alternative judged wrong (rules state the requirement first and its exemptions
            // after it, so that value is what to change); else at the block.
            if let first = locations.first, locations.allSatisfy({ $0.range == first.range }) { return .fail(first) }
            if let first = locations.first, first.value != nil { return .fail(first) }
            return .fail(FailureLocation(range: subject.headerRange, attributePath: locations.first?.attributePath ?? ""))
        case .not(let inner):
            switch verdict(inner, on: subject) {
            case .pass:
                return .fail(FailureLocation(range: passLocation(inner, on: subject), attributePath: Self.firstAttribute(inner) ?? ""))
            case .fail: return .pass
            case .unknown(let references): return .unknown(references)
            }
        }
    }

    /// Where a passing condition found what it looked for (used when `not` turns it into a failure).
    private func passLocation(_ condition: Condition, on subject: Subject) -> SourceRange {
        if case .attribute(let attribute) = condition, let match = matches(attribute.attribute, in: subject).first {
            return match.range
        }
        return subject.headerRange
    }

    static func firstAttribute(_ condition: Condition) -> String? {
        switch condition {
        case .attribute(let attribute): return attribute.attribute
        case .and(let all), .or(let all): return all.lazy.compactMap(firstAttribute).first
        case .not(let inner): return firstAttribute(inner)
        default: return nil
        }
    }

    private func verdict(_ condition: AttributeCondition, on subject: Subject) -> Verdict {
        let found = matches(condition.attribute, in: subject)
        let (base, negated) = Self.decompose(condition.operator)
        let path = condition.attribute
        if base == .exists {
            let present = found.filter { !$0.value.isNull }
            let holds = present.isEmpty == negated
            if holds { return .pass }
            if negated, let offending = present.first {
                return .fail(FailureLocation(range: offending.range, attributePath: path, value: offending.value))
            }
            return .fail(FailureLocation(range: closestRange(path, in: subject), attributePath: path))
        }
        if found.isEmpty {
            // Nothing to test: negated operators hold vacuously, positive ones fail at the
            // closest enclosing part that exists.
            return negated ? .pass : .fail(FailureLocation(range: closestRange(path, in: subject), attributePath: path))
        }
        var unknownReferences: [String] = []
        var failing: AttributeMatch?
        var anyYes = false
        for match in found {
            var truth = test(base, match.value, condition.value)
            if negated { truth = truth.negated }
            switch truth {
            case .yes:
                anyYes = true
                if !negated { return .pass }
            case .no:
                if failing == nil { failing = match }
                if negated { return .fail(FailureLocation(range: match.range, attributePath: path, value: match.value)) }
            case .unknown:
                unknownReferences += match.value.unknownReferences
            }
        }
        if negated {
            return unknownReferences.isEmpty ? .pass : .unknown(Array(Set(unknownReferences)).sorted())
        }
        if anyYes { return .pass }
        if !unknownReferences.isEmpty { return .unknown(Array(Set(unknownReferences)).sorted()) }
        let offending = failing ?? found[0]
        return .fail(FailureLocation(range: offending.range, attributePath: path, value: offending.value))
    }

    /// The values at `path`; a `*` step fans out over every element or member.
    func matches(_ path: String, in subject: Subject) -> [AttributeMatch] {
        // Most paths have no `*`: those are looked up without splitting them here first.
        guard path.utf8.contains(UInt8(ascii: "*")) else { return subject.body.values(at: path) }
        let steps = path.split(separator: ".").map(String.init)
        guard let star = steps.firstIndex(of: "*") else { return subject.body.values(at: path) }
        let prefix = steps[..<star].joined(separator: ".")
        let rest = Array(steps[(star + 1)...])
        let roots = prefix.isEmpty ? [AttributeMatch(subject.body.value, at: subject.range)] : subject.body.values(at: prefix)
        var results: [AttributeMatch] = []
        for root in roots {
            let elements: [Value]
            switch root.value {
            case .list(let items), .set(let items): elements = items
            case .object(let members): elements = members.keys.sorted().compactMap { members[$0] }
            case .unknown: elements = [root.value]
            default: elements = []
            }
            for element in elements {
                for value in Self.walk(element, rest[...]) { results.append(AttributeMatch(value, at: root.range)) }
            }
        }
        return results
    }

    /// Follows `steps` inside a value (`*` fans out, numbers index lists, names pick members;
    /// a list without an index step is followed element by element).
    static func walk(_ value: Value, _ steps: ArraySlice<String>) -> [Value] {
        guard let step = steps.first else { return [value] }
        let rest = steps.dropFirst()
        switch value {
        case .unknown: return [value]
        case .object(let members):
            if step == "*" { return members.keys.sorted().flatMap { walk(members[$0] ?? .null, rest) } }
            guard let member = members[step] else { return [] }
            return walk(member, rest)
        case .list(let items), .set(let items):
            if let index = Int(step) { return items.indices.contains(index) ? walk(items[index], rest) : [] }
            if step == "*" { return items.flatMap { walk($0, rest) } }
            return items.flatMap { walk($0, steps) }
        default:
            return []
        }
    }

    /// The range of the longest prefix of `path` that exists, else the subject's keyword.
    func closestRange(_ path: String, in subject: Subject) -> SourceRange {
        guard path.utf8.contains(UInt8(ascii: "*")) else {
            // Without `*` steps, each shorter path is a prefix of this one: the text up to the
            // end of one of its (non-empty) steps, looked up without copying it.
            var stepEnds: [String.Index] = []
            var previous: UInt8 = UInt8(ascii: ".")
            for index in path.utf8.indices {
                let byte = path.utf8[index]
                if byte == UInt8(ascii: "."), previous != UInt8(ascii: ".") { stepEnds.append(index) }
                previous = byte
            }
            // A path ending in a dot: its last step ends at that dot, and is not a shorter path.
            for end in stepEnds.reversed() where end != stepEnds.last || previous != UInt8(ascii: ".") {
                if let match = subject.body.values(at: path[..<end]).first { return match.range }
            }
            return subject.headerRange
        }
        var steps = path.split(separator: ".").map(String.init).filter { $0 != "*" }
        while !steps.isEmpty {
            steps.removeLast()
            if steps.isEmpty { break }
            if let match = subject.body.values(at: steps.joined(separator: ".")).first { return match.range }
        }
        return subject.headerRange
    }

    /// Splits an operator into its positive form and whether it is negated.
    static func decompose(_ op: AttributeOperator) -> (AttributeOperator, Bool) {
        switch op {
        case .notEquals: return (.equals, true)
        case .notEqualsIgnoreCase: return (.equalsIgnoreCase, true)
        case .notExists: return (.exists, true)
        case .notContains: return (.contains, true)
        case .notWithin: return (.within, true)
        case .notStartingWith: return (.startingWith, true)
        case .notEndingWith: return (.endingWith, true)
        case .notRegexMatch: return (.regexMatch, true)
        case .notSubset: return (.subset, true)
        case .notIntersects: return (.intersects, true)
        case .rangeNotIncludes: return (.rangeIncludes, true)
        case .cidrRangeNotSubset: return (.cidrRangeSubset, true)
        case .lengthNotEquals: return (.lengthEquals, true)
        default: return (op, false)
        }
    }

    /// The positive operator `op` applied to one value.
    func test(_ op: AttributeOperator, _ value: Value, _ operand: RuleValue?) -> Truth {
        if value.isUnknown { return .unknown }
        switch op {
        case .equals, .any:
            guard let operand else { return .no }
            return ValueComparison.equals(value, operand)
        case .equalsIgnoreCase:
            guard let text = ValueComparison.text(value), let expected = operand.flatMap(ValueComparison.text) else { return .no }
            return Truth(text.lowercased() == expected.lowercased())
        case .contains:
            guard let operand else { return .no }
            switch value {
            case .string(let text): return Truth(ValueComparison.text(operand).map { text.contains($0) } ?? false)
            case .list(let items), .set(let items):
                if items.contains(where: \.isUnknown) { return .unknown }
                return Truth(items.contains { ValueComparison.equals($0, operand) == .yes })
            case .object(let members): return Truth(ValueComparison.text(operand).map { members[$0] != nil } ?? false)
            default: return .no
            }
        case .within:
            guard case .list(let options)? = operand else { return operand.map { ValueComparison.equals(value, $0) } ?? .no }
            return Truth(options.contains { ValueComparison.equals(value, $0) == .yes })
        case .startingWith, .endingWith:
            guard let text = ValueComparison.text(value), let affix = operand.flatMap(ValueComparison.text) else { return .no }
            return Truth(op == .startingWith ? text.hasPrefix(affix) : text.hasSuffix(affix))
        case .regexMatch:
            guard let text = ValueComparison.text(value), case .string(let pattern)? = operand, let regex = regex(pattern) else { return .no }
            return Truth(regex.matches(text))
        case .greaterThan, .greaterThanOrEqual, .lessThan, .lessThanOrEqual:
            guard let number = ValueComparison.number(value), let limit = operand.flatMap(ValueComparison.number) else { return .no }
            switch op {
            case .greaterThan: return Truth(number > limit)
            case .greaterThanOrEqual: return Truth(number >= limit)
            case .lessThan: return Truth(number < limit)
            default: return Truth(number <= limit)
            }
        case .subset, .intersects:
            guard case .list(let options)? = operand else { return .no }
            let elements = ValueComparison.elements(value)
            if elements.contains(where: \.isUnknown) { return .unknown }
            let inOptions = elements.map { element in options.contains { ValueComparison.equals(element, $0) == .yes } }
            return Truth(op == .subset ? inOptions.allSatisfy { $0 } : inOptions.contains(true))
        case .isEmpty, .isNotEmpty:
            let empty: Bool
            switch value {
            case .null: empty = true
            case .string(let text): empty = text.isEmpty
            case .list(let items), .set(let items): empty = items.isEmpty
            case .object(let members): empty = members.isEmpty
            default: empty = false
            }
            return Truth(op == .isEmpty ? empty : !empty)
        case .lengthEquals, .lengthGreaterThan, .lengthGreaterThanOrEqual, .lengthLessThan, .lengthLessThanOrEqual:
            guard let length = ValueComparison.length(value), let limit = operand.flatMap(ValueComparison.number) else { return .no }
            let count = Double(length)
            switch op {
            case .lengthEquals: return Truth(count == limit)
            case .lengthGreaterThan: return Truth(count > limit)
            case .lengthGreaterThanOrEqual: return Truth(count >= limit)
            case .lengthLessThan: return Truth(count < limit)
            default: return Truth(count <= limit)
            }
        case .isTrue, .isFalse:
            guard let flag = ValueComparison.bool(value) else { return .no }
            return Truth(flag == (op == .isTrue))
        case .rangeIncludes:
            guard let port = operand.flatMap(ValueComparison.number) else { return .no }
            return Truth(ValueComparison.elements(value).contains { ValueComparison.portRange($0)?.contains(port) ?? false })
        case .cidrRangeSubset:
            let allowed: [CIDRBlock]
            if case .list(let list)? = operand { allowed = list.compactMap { $0.stringValue.flatMap(CIDRBlock.init) } } else {
                allowed = operand.flatMap { $0.stringValue.flatMap(CIDRBlock.init) }.map { [$0] } ?? []
            }
            let blocks = ValueComparison.elements(value).compactMap { ValueComparison.text($0).flatMap(CIDRBlock.init) }
            guard !blocks.isEmpty else { return .no }
            return Truth(blocks.allSatisfy { block in allowed.contains { $0.contains(block) } })
        default:
            // Negated operators are decomposed before they get here.
            return .no
        }
    }

    private func regex(_ pattern: String) -> SafeRegex? {
        if let cached = regexCache[pattern] { return cached }
        let compiled = try? SafeRegex(pattern)
        regexCache[pattern] = compiled
        return compiled
    }
}

/// How rule operands compare with Terraform values: as checkov compares them, loosely across
/// strings, numbers and booleans.
enum ValueComparison {
    static func equals(_ value: Value, _ operand: RuleValue) -> Truth {
        if value.isUnknown { return .unknown }
        switch operand {
        case .bool(let expected): return Truth(bool(value) == expected)
        case .number(let expected): return Truth(number(value) == expected)
        case .string(let expected): return Truth(text(value) == expected)
        case .null: return Truth(value.isNull)
        case .list(let expected):
            let items = elements(value)
            guard items.count == expected.count else { return .no }
            var result = Truth.yes
            for (item, want) in zip(items, expected) {
                switch equals(item, want) {
                case .no: return .no
                case .unknown: result = .unknown
                case .yes: continue
                }
            }
            return result
        case .map(let pairs):
            guard case .object(let members) = value, members.count == pairs.count else { return .no }
            return Truth(pairs.allSatisfy { key, want in members[key].map { equals($0, want) == .yes } ?? false })
        }
    }

    static func text(_ value: Value) -> String? {
        switch value {
        case .string(let text): return text
        case .number(let number): return number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        case .bool(let flag): return flag ? "true" : "false"
        default: return nil
        }
    }

    static func text(_ operand: RuleValue) -> String? {
        switch operand {
        case .string(let text): return text
        case .number(let number): return number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        case .bool(let flag): return flag ? "true" : "false"
        default: return nil
        }
    }

    static func number(_ value: Value) -> Double? {
        switch value {
        case .number(let number): return number
        case .string(let text): return Double(text)
        default: return nil
        }
    }

    static func number(_ operand: RuleValue) -> Double? {
        switch operand {
        case .number(let number): return number
        case .string(let text): return Double(text)
        default: return nil
        }
    }

    static func bool(_ value: Value) -> Bool? {
        switch value {
        case .bool(let flag): return flag
        case .string(let text):
            switch text.lowercased() {
            case "true": return true
            case "false": return false
            default: return nil
            }
        default: return nil
        }
    }

    static func elements(_ value: Value) -> [Value] {
        switch value {
        case .list(let items), .set(let items): return items
        case .null: return []
        default: return [value]
        }
    }

    static func length(_ value: Value) -> Int? {
        switch value {
        case .string(let text): return text.count
        case .list(let items), .set(let items): return items.count
        case .object(let members): return members.count
        default: return nil
        }
    }

    /// A port or port range: `22`, `"22"`, `"0-1024"`.
    static func portRange(_ value: Value) -> ClosedRange<Double>? {
        if let single = number(value) { return single...single }
        guard let text = text(value) else { return nil }
        let parts = text.split(separator: "-")
        guard parts.count == 2, let low = Double(parts[0]), let high = Double(parts[1]), low <= high else { return nil }
        return low...high
    }
}
