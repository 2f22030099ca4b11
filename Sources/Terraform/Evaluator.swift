import HCL

/// Evaluates HCL expressions of one module instance into `Value`s.
///
/// Errors (type mismatches, missing attributes, bad function arguments) become diagnostics and an
/// unknown value with no references, so evaluation always gives an answer. Anything that depends
/// on a resource, a data source, an unset variable or an unknown module output is unknown and
/// remembers those references. Not thread-safe: use one evaluator per task.
public final class Evaluator {
    /// The names available to expressions.
    public var context: EvaluationContext
    /// Problems found while evaluating, in the order found.
    public private(set) var diagnostics: [Diagnostic] = []
    /// Resolves `local.NAME` lazily during module evaluation (before `context.locals` is filled).
    var localResolver: ((String) -> Value?)?
    /// Resolves `module.NAME` lazily during module evaluation.
    var moduleResolver: ((String) -> Value?)?
    /// Prepended to the references of unknown values (`module.net.`), so they name absolute addresses.
    public var addressPrefix = ""

    /// Creates an evaluator over `context`.
    public init(context: EvaluationContext) {
        self.context = context
    }

    /// Evaluates `expression`, written in `file`, with extra names bound (`count`, `each`, ...).
    public func evaluate(_ expression: Expression, file: String, bindings: [String: Value] = [:]) -> Value {
        evaluate(expression, scope: Scope(file: file, bindings: bindings))
    }

    func evaluate(_ expression: Expression, scope: Scope) -> Value {
        do {
            return try value(of: expression, scope)
        } catch let error as EvaluationError {
            report(error, file: scope.file)
            return .unknown([])
        } catch {
            return .unknown([])
        }
    }

    func report(_ error: EvaluationError, file: String) {
        report(Diagnostic(severity: .error, summary: error.summary, detail: error.detail, fileName: file, subject: error.range))
    }

    func report(_ diagnostic: Diagnostic) {
        if !diagnostics.contains(diagnostic) { diagnostics.append(diagnostic) }
    }

    // MARK: Expressions

    func value(of expression: Expression, _ scope: Scope) throws -> Value {
        switch expression.kind {
        case .literal(let literal):
            switch literal {
            case .null: return .null
            case .bool(let flag): return .bool(flag)
            case .number(let number): return .number(number)
            case .string(let text): return .string(text)
            }
        case .template(let template):
            return try evaluateTemplate(template, range: expression.range, scope)
        case .scopeTraversal(let traversal):
            return try evaluateTraversal(traversal, scope)
        case .relativeTraversal(let source, let steps):
            var current = try value(of: source, scope)
            for step in steps { current = try apply(step, to: current) }
            return current
        case .functionCall(let call):
            return try callFunction(call, range: expression.range, scope)
        case .tuple(let items):
            return .list(try items.map { try value(of: $0, scope) })
        case .object(let items):
            var members: [String: Value] = [:]
            var unknownKeys: [Value] = []
            for item in items {
                let key = try objectKey(item.key, scope)
                let member = try value(of: item.value, scope)
                switch key {
                case .unknown: unknownKeys.append(key)
                case .string(let name): members[name] = member
                default:
                    guard let name = key.primitiveString else {
                        throw EvaluationError(summary: "Incorrect key type", detail: "An object key must be a string; this one is \(key.typeName).", range: item.key.range)
                    }
                    members[name] = member
                }
            }
            if !unknownKeys.isEmpty { return .unknown(unknownKeys.flatMap(\.unknownReferences)) }
            return .object(members)
        case .index(let collectionExpression, let keyExpression, let bracketRange):
            let collection = try value(of: collectionExpression, scope)
            let key = try value(of: keyExpression, scope)
            if case .unknown = key { return .unknown(key.unknownReferences + collection.unknownReferences) }
            return try index(collection, key: key, range: bracketRange)
        case .splat(let splat):
            let source = try value(of: splat.source, scope)
            switch source {
            case .unknown: return source
            case .null: return .list([])
            case .list(let items), .set(let items):
                var results: [Value] = []
                for item in items {
                    var inner = scope
                    inner.splatElement = item
                    results.append(try value(of: splat.each, inner))
                }
                return .list(results)
            default:
                var inner = scope
                inner.splatElement = source
                return .list([try value(of: splat.each, inner)])
            }
        case .splatElement:
            guard let element = scope.splatElement else {
                throw EvaluationError(summary: "Invalid splat", detail: "A splat element was used outside a splat expression.", range: expression.range)
            }
            return element
        case .forExpression(let forExpression):
            return try evaluateFor(forExpression, range: expression.range, scope)
        case .conditional(let conditionExpression, let trueResult, let falseResult):
            let condition = try value(of: conditionExpression, scope)
            switch condition {
            case .unknown: return .unknown(condition.unknownReferences)
            case .bool(let flag): return try value(of: flag ? trueResult : falseResult, scope)
            case .string("true"): return try value(of: trueResult, scope)
            case .string("false"): return try value(of: falseResult, scope)
            default:
                throw EvaluationError(summary: "Incorrect condition type", detail: "The condition must be a bool; this one is \(condition.typeName).", range: conditionExpression.range)
            }
        case .unary(let op, let operandExpression):
            let operand = try value(of: operandExpression, scope)
            if case .unknown = operand { return operand }
            switch op {
            case .not:
                guard let flag = try boolOperand(operand, operandExpression.range) else { return operand }
                return .bool(!flag)
            case .negate:
                return .number(-(try numberOperand(operand, operandExpression.range)))
            }
        case .binary(let op, let lhsExpression, let rhsExpression):
            return try evaluateBinary(op, lhsExpression, rhsExpression, range: expression.range, scope)
        case .parenthesized(let inner):
            return try value(of: inner, scope)
        case .invalid:
            return .unknown([])
        }
    }

    private func objectKey(_ key: Expression, _ scope: Scope) throws -> Value {
        // A bare `name` or `(name)` key is a literal string; parentheses force evaluation.
        if let traversal = key.asTraversal, traversal.steps.isEmpty { return .string(traversal.root) }
        return try value(of: key, scope)
    }

    // MARK: Traversals

    func evaluateTraversal(_ traversal: Traversal, _ scope: Scope) throws -> Value {
        if let bound = scope.bindings[traversal.root] {
            return try apply(traversal.steps, to: bound)
        }
        if scope.bindingsOnly {
            throw EvaluationError(summary: "Invalid template variable", detail: "\"\(traversal.root)\" is not one of the variables passed to templatefile.", range: traversal.rootRange)
        }
        let steps = traversal.steps
        func firstName() throws -> (String, ArraySlice<TraversalStep>) {
            guard case .attribute(let name, _)? = steps.first else {
                throw EvaluationError(summary: "Invalid reference", detail: "\"\(traversal.root)\" must be followed by an attribute name, as in \(traversal.root).name.", range: traversal.range)
            }
            return (name, steps.dropFirst())
        }
        switch traversal.root {
        case "var":
            let (name, rest) = try firstName()
            guard let variable = context.variables[name] else {
                throw EvaluationError(summary: "Reference to undeclared input variable", detail: "No variable \"\(name)\" is declared in this module. Declare it with a variable block.", range: traversal.range)
            }
            return try apply(rest, to: variable)
        case "local":
            let (name, rest) = try firstName()
            guard let local = localResolver?(name) ?? context.locals[name] else {
                throw EvaluationError(summary: "Reference to undeclared local value", detail: "No local value \"\(name)\" is declared in this module. Add it to a locals block.", range: traversal.range)
            }
            return try apply(rest, to: local)
        case "module":
            let (name, rest) = try firstName()
            guard let outputs = moduleResolver?(name) ?? context.moduleOutputs[name] else {
                return .unknown([addressPrefix + traversal.description])
            }
            if case .unknown = outputs { return .unknown([addressPrefix + traversal.description]) }
            return try apply(rest, to: outputs)
        case "path":
            let (name, rest) = try firstName()
            let path: String? = switch name {
            case "module": context.pathModule
            case "root": context.pathRoot
            case "cwd": "."
            default: nil
            }
            guard let path else {
                throw EvaluationError(summary: "Invalid path attribute", detail: "path has only module, root and cwd.", range: traversal.range)
            }
            return try apply(rest, to: .string(path))
        case "terraform":
            let (name, rest) = try firstName()
            guard name == "workspace" else { return .unknown([addressPrefix + traversal.description]) }
            return try apply(rest, to: .string("default"))
        default:
            // Resources, data sources, self, count/each outside their blocks: known only at apply.
            return .unknown([addressPrefix + traversal.description])
        }
    }

    func apply<Steps: Sequence>(_ steps: Steps, to start: Value) throws -> Value where Steps.Element == TraversalStep {
        var current = start
        for step in steps { current = try apply(step, to: current) }
        return current
    }

    func apply(_ step: TraversalStep, to current: Value) throws -> Value {
        switch step {
        case .attribute(let name, let range):
            switch current {
            case .unknown: return current
            case .object(let members):
                guard let member = members[name] else {
                    throw EvaluationError(summary: "Unsupported attribute", detail: "This object has no attribute \"\(name)\".", range: range)
                }
                return member
            case .null:
                throw EvaluationError(summary: "Attempt to get attribute from null value", detail: "This value is null, so it has no attribute \"\(name)\".", range: range)
            default:
                throw EvaluationError(summary: "Unsupported attribute", detail: "A \(current.typeName) has no attributes; \"\(name)\" cannot be read.", range: range)
            }
        case .index(let key, let range):
            let keyValue: Value
            switch key {
            case .number(let number): keyValue = .number(number)
            case .string(let text): keyValue = .string(text)
            case .bool(let flag): keyValue = .bool(flag)
            case .null: keyValue = .null
            }
            return try index(current, key: keyValue, range: range)
        }
    }

    func index(_ collection: Value, key: Value, range: SourceRange) throws -> Value {
        switch collection {
        case .unknown: return collection
        case .list(let items):
            guard let number = key.numberValue ?? key.stringValue.flatMap(Double.init), number == number.rounded() else {
                throw EvaluationError(summary: "Invalid index", detail: "A list index must be a whole number; this one is \(key).", range: range)
            }
            guard number >= 0, number < Double(items.count) else {
                throw EvaluationError(summary: "Invalid index", detail: "The index \(formatNumber(number)) is out of range for a list of \(items.count) element\(items.count == 1 ? "" : "s").", range: range)
            }
            return items[Int(number)]
        case .object(let members):
            guard let name = key.primitiveString else {
                throw EvaluationError(summary: "Invalid index", detail: "A map key must be a string; this one is \(key.typeName).", range: range)
            }
            guard let member = members[name] else {
                throw EvaluationError(summary: "Invalid index", detail: "The map has no element for the key \"\(name)\".", range: range)
            }
            return member
        case .null:
            throw EvaluationError(summary: "Attempt to index null value", detail: "This value is null, so it cannot be indexed.", range: range)
        default:
            throw EvaluationError(summary: "Invalid index", detail: "A \(collection.typeName) cannot be indexed.", range: range)
        }
    }

    // MARK: Templates

    func evaluateTemplate(_ template: Template, range: SourceRange, _ scope: Scope) throws -> Value {
        if template.isSingleInterpolation, case .interpolation(let inner, _) = template.parts[0] {
            return try value(of: inner, scope)
        }
        var unknowns: [String] = []
        var isUnknown = false
        let text = try render(template.parts, scope, unknowns: &unknowns, isUnknown: &isUnknown)
        return isUnknown ? .unknown(unknowns) : .string(text)
    }

    private func render(_ parts: [TemplatePart], _ scope: Scope, unknowns: inout [String], isUnknown: inout Bool) throws -> String {
        var text = ""
        for part in parts {
            switch part {
            case .literal(let literal, _):
                text += literal
            case .interpolation(let inner, let range):
                let part = try value(of: inner, scope)
                if case .unknown = part {
                    isUnknown = true
                    unknowns += part.unknownReferences
                    continue
                }
                guard let string = part.primitiveString else {
                    throw EvaluationError(summary: "Invalid template interpolation value",
                        detail: part == .null ? "The value is null; a template can only include strings, numbers and bools." : "A \(part.typeName) cannot be included in a template; convert it with jsonencode or join.", range: range)
                }
                text += string
            case .ifDirective(let directive):
                let condition = try value(of: directive.condition, scope)
                if case .unknown = condition {
                    isUnknown = true
                    unknowns += condition.unknownReferences
                    continue
                }
                guard let flag = try boolOperand(condition, directive.condition.range) else { continue }
                text += try render(flag ? directive.trueParts : directive.falseParts, scope, unknowns: &unknowns, isUnknown: &isUnknown)
            case .forDirective(let directive):
                let collection = try value(of: directive.collection, scope)
                guard let pairs = try iterationPairs(collection, range: directive.collection.range) else {
                    isUnknown = true
                    unknowns += collection.unknownReferences
                    continue
                }
                for (key, element) in pairs {
                    var inner = scope
                    inner.bindings[directive.valueVariable] = element
                    if let keyVariable = directive.keyVariable { inner.bindings[keyVariable] = key }
                    text += try render(directive.body, inner, unknowns: &unknowns, isUnknown: &isUnknown)
                }
            }
        }
        return text
    }

    // MARK: for

    /// The (key, value) pairs to iterate over; nil when the collection is unknown.
    func iterationPairs(_ collection: Value, range: SourceRange) throws -> [(Value, Value)]? {
        switch collection {
        case .unknown: return nil
        case .list(let items): return items.enumerated().map { (.number(Double($0.offset)), $0.element) }
        case .set(let items): return items.map { ($0, $0) }
        case .object(let members): return members.keys.sorted().map { (.string($0), members[$0]!) }
        case .null:
            throw EvaluationError(summary: "Iteration over null value", detail: "A for expression needs a list, set, map or object, not null.", range: range)
        default:
            throw EvaluationError(summary: "Iteration over non-iterable value", detail: "A for expression needs a list, set, map or object; this is a \(collection.typeName).", range: range)
        }
    }

    private func evaluateFor(_ expression: ForExpression, range: SourceRange, _ scope: Scope) throws -> Value {
        let collection = try value(of: expression.collection, scope)
        guard let pairs = try iterationPairs(collection, range: expression.collection.range) else {
            return .unknown(collection.unknownReferences)
        }
        var tuple: [Value] = []
        var object: [String: Value] = [:]
        var grouped: [String: [Value]] = [:]
        var unknownReferences: [String] = []
        var sawUnknown = false
        for (key, element) in pairs {
            var inner = scope
            inner.bindings[expression.valueVariable] = element
            if let keyVariable = expression.keyVariable { inner.bindings[keyVariable] = key }
            if let conditionExpression = expression.condition {
                let condition = try value(of: conditionExpression, inner)
                if case .unknown = condition {
                    sawUnknown = true
                    unknownReferences += condition.unknownReferences
                    continue
                }
                guard let keep = try boolOperand(condition, conditionExpression.range), keep else { continue }
            }
            let result = try value(of: expression.valueExpression, inner)
            if let keyExpression = expression.keyExpression {
                let keyValue = try value(of: keyExpression, inner)
                if case .unknown = keyValue {
                    sawUnknown = true
                    unknownReferences += keyValue.unknownReferences
                    continue
                }
                guard let name = keyValue.primitiveString else {
                    throw EvaluationError(summary: "Invalid object key", detail: "A for expression's key must be a string; this one is \(keyValue.typeName).", range: keyExpression.range)
                }
                if expression.isGrouped {
                    grouped[name, default: []].append(result)
                } else {
                    if object[name] != nil {
                        throw EvaluationError(summary: "Duplicate object key", detail: "Two elements produce the key \"\(name)\"; add `...` after the value to group them.", range: keyExpression.range)
                    }
                    object[name] = result
                }
            } else {
                tuple.append(result)
            }
        }
        if sawUnknown { return .unknown(unknownReferences) }
        if expression.keyExpression != nil {
            return expression.isGrouped ? .object(grouped.mapValues(Value.list)) : .object(object)
        }
        return .list(tuple)
    }

    // MARK: Operators

    func boolOperand(_ value: Value, _ range: SourceRange) throws -> Bool? {
        switch value {
        case .bool(let flag): return flag
        case .string("true"): return true
        case .string("false"): return false
        case .unknown: return nil
        default:
            throw EvaluationError(summary: "Invalid operand", detail: "A bool is required here; this is a \(value.typeName).", range: range)
        }
    }

    func numberOperand(_ value: Value, _ range: SourceRange) throws -> Double {
        switch value {
        case .number(let number): return number
        case .string(let text):
            if let number = Double(text.trimmingSpaces) { return number }
        default: break
        }
        throw EvaluationError(summary: "Invalid operand", detail: "A number is required here; this is \(value.description).", range: range)
    }

    private func evaluateBinary(_ op: BinaryOperator, _ lhsExpression: Expression, _ rhsExpression: Expression, range: SourceRange, _ scope: Scope) throws -> Value {
        let lhs = try value(of: lhsExpression, scope)
        let rhs = try value(of: rhsExpression, scope)
        switch op {
        case .and, .or:
            let left = try boolOperand(lhs, lhsExpression.range)
            let right = try boolOperand(rhs, rhsExpression.range)
            if op == .and, left == false || right == false { return .bool(false) }
            if op == .or, left == true || right == true { return .bool(true) }
            guard let left, let right else { return .unknown(lhs.unknownReferences + rhs.unknownReferences) }
            return .bool(op == .and ? left && right : left || right)
        case .equal, .notEqual:
            if !lhs.isWhollyKnown || !rhs.isWhollyKnown { return .unknown(lhs.unknownReferences + rhs.unknownReferences) }
            let equal = valuesEqual(lhs, rhs)
            return .bool(op == .equal ? equal : !equal)
        default:
            if lhs.isUnknown || rhs.isUnknown { return .unknown(lhs.unknownReferences + rhs.unknownReferences) }
            let left = try numberOperand(lhs, lhsExpression.range)
            let right = try numberOperand(rhs, rhsExpression.range)
            switch op {
            case .less: return .bool(left < right)
            case .greater: return .bool(left > right)
            case .lessOrEqual: return .bool(left <= right)
            case .greaterOrEqual: return .bool(left >= right)
            case .add: return .number(left + right)
            case .subtract: return .number(left - right)
            case .multiply: return .number(left * right)
            case .divide:
                guard right != 0 else { throw EvaluationError(summary: "Division by zero", detail: "The right-hand side of / is zero.", range: range) }
                return .number(left / right)
            case .modulo:
                guard right != 0 else { throw EvaluationError(summary: "Division by zero", detail: "The right-hand side of % is zero.", range: range) }
                return .number(left.truncatingRemainder(dividingBy: right))
            default: return .null
            }
        }
    }
}

/// Equality as Terraform's `==`: same type and same content (lists and sets compare as sequences).
func valuesEqual(_ lhs: Value, _ rhs: Value) -> Bool {
    switch (lhs, rhs) {
    case (.set(let a), .set(let b)): return Set(a) == Set(b)
    default: return lhs == rhs
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and line breaks.
    var trimmingSpaces: String {
        var scalars = Substring.UnicodeScalarView(unicodeScalars)
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
