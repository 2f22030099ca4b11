import Yams

/// A YAML node with the file it came from, giving typed access that fails with a
/// `RuleLoadError` naming the file, line, column and what was expected.
struct YAMLDocument {
    let node: Node
    let file: String

    /// Parses `text`; an empty document is an error.
    static func parse(_ text: String, file: String) throws(RuleLoadError) -> YAMLDocument {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw Self.loadError(from: error, file: file)
        } catch {
            throw RuleLoadError(file: file, line: 0, column: 0, message: "cannot read the file as YAML: \(error)")
        }
        guard let root else {
            throw RuleLoadError(file: file, line: 0, column: 0, message: "the file is empty; a rule file is a YAML mapping with at least id, title, severity and check")
        }
        return YAMLDocument(node: root, file: file)
    }

    private static func loadError(from error: YamlError, file: String) -> RuleLoadError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return RuleLoadError(file: file, line: mark.line, column: mark.column, message: "invalid YAML: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, _):
            return RuleLoadError(file: file, line: 0, column: 0, message: "duplicate keys: \(duplicates.joined(separator: ", "))")
        default:
            return RuleLoadError(file: file, line: 0, column: 0, message: "invalid YAML: \(error)")
        }
    }

    var line: Int { node.mark?.line ?? 0 }
    var column: Int { node.mark?.column ?? 0 }

    func child(_ node: Node) -> YAMLDocument { YAMLDocument(node: node, file: file) }

    func error(_ message: String) -> RuleLoadError {
        RuleLoadError(file: file, line: line, column: column, message: message)
    }

    /// The mapping's entries in file order, rejecting keys outside `allowed`.
    func mapping(allowed: Set<String>? = nil, what: String) throws(RuleLoadError) -> [(key: String, value: YAMLDocument)] {
        guard case .mapping(let mapping) = node else {
            throw error("\(what) must be a mapping (key: value lines)")
        }
        var entries: [(key: String, value: YAMLDocument)] = []
        var seen: Set<String> = []
        for (keyNode, valueNode) in mapping {
            let keyDocument = child(keyNode)
            guard let key = keyNode.scalar?.string else { throw keyDocument.error("keys of \(what) must be plain names") }
            if let allowed, !allowed.contains(key) {
                throw keyDocument.error("unknown key '\(key)' in \(what); expected one of: \(allowed.sorted().joined(separator: ", "))")
            }
            if !seen.insert(key).inserted { throw keyDocument.error("'\(key)' appears twice in \(what)") }
            entries.append((key, child(valueNode)))
        }
        return entries
    }

    /// A scalar as text (any scalar: numbers and booleans keep their spelling).
    func string(_ what: String) throws(RuleLoadError) -> String {
        guard let scalar = node.scalar else { throw error("\(what) must be a single value, not a list or mapping") }
        return scalar.string
    }

    /// A non-empty scalar as text.
    func nonEmptyString(_ what: String) throws(RuleLoadError) -> String {
        let value = try string(what)
        if value.trimmedOfSpaces.isEmpty { throw error("\(what) must not be empty") }
        return value
    }

    /// A scalar or a list of scalars as a list of text.
    func stringList(_ what: String) throws(RuleLoadError) -> [String] {
        switch node {
        case .scalar(let scalar): return [scalar.string]
        case .sequence(let sequence):
            var values: [String] = []
            for element in sequence { values.append(try child(element).string("each element of \(what)")) }
            return values
        default: throw error("\(what) must be a value or a list of values")
        }
    }

    /// The node as a typed literal: YAML's implicit types become numbers, booleans and null.
    func ruleValue() throws(RuleLoadError) -> RuleValue {
        switch node {
        case .scalar(let scalar):
            switch node.tag.description {
            case Tag.Name.bool.rawValue: if let value = node.bool { return .bool(value) }
            case Tag.Name.int.rawValue: if let value = node.int { return .number(Double(value)) }
            case Tag.Name.float.rawValue: if let value = node.float { return .number(value) }
            case Tag.Name.null.rawValue: return .null
            default: break
            }
            return .string(scalar.string)
        case .sequence(let sequence):
            var values: [RuleValue] = []
            for element in sequence { values.append(try child(element).ruleValue()) }
            return .list(values)
        case .mapping:
            var pairs: [(String, RuleValue)] = []
            for (key, value) in try mapping(what: "a value") { pairs.append((key, try value.ruleValue())) }
            return .map(pairs)
        case .alias:
            throw error("YAML aliases are not supported in rule files; write the value out")
        }
    }
}
