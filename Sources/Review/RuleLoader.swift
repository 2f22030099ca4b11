import LinearRegex
/// Reads rule files: stackreview's own format, and checkov YAML custom policies that use the
/// supported subset.
///
/// stackreview's format (see `rules/README.md`):
/// ```yaml
/// id: aws-lambda-tracing
/// title: Lambda function has X-Ray tracing enabled
/// severity: medium
/// category: operational-excellence
/// applies_to: [aws_lambda_function]
/// message: "`{address}` does not enable X-Ray tracing"
/// improvement: "Enabled X-Ray tracing on `{address}`"
/// remediation: Add `tracing_config { mode = "Active" }`.
/// references: { checkov: CKV_AWS_50, trivy: AVD-AWS-0066 }
/// check: { attribute: tracing_config.mode, operator: equals, value: Active }
/// examples: { fail: "...", pass: "..." }
/// ```
/// A checkov policy has `metadata` and `definition` at the top instead; anything it uses that
/// stackreview does not support is an error naming the file, line and part.
public struct RuleLoader: Sendable {
    /// Creates a loader.
    public init() {}

    static let ruleKeys: Set<String> = [
        "id", "title", "severity", "category", "applies_to", "message", "improvement", "remediation",
        "references", "fix", "check", "examples",
    ]
    static let checkovKeys: Set<String> = ["metadata", "definition", "scope"]
    static let referenceKeys: Set<String> = ["checkov", "trivy", "tflint", "bandit", "links"]

    /// Loads one rule from the text of `file`.
    public func load(yaml text: String, file: String) throws(RuleLoadError) -> Rule {
        let document = try YAMLDocument.parse(text, file: file)
        guard case .mapping(let mapping) = document.node else {
            throw document.error("a rule file must be a YAML mapping with id, title, severity and check")
        }
        let keys = Set(mapping.keys.compactMap { $0.scalar?.string })
        if keys.contains("definition") || keys.contains("metadata") {
            return try loadCheckovPolicy(document)
        }
        return try loadRule(document)
    }

    private func loadRule(_ document: YAMLDocument) throws(RuleLoadError) -> Rule {
        let entries = try document.mapping(allowed: Self.ruleKeys, what: "a rule")
        var fields: [String: YAMLDocument] = [:]
        for entry in entries { fields[entry.key] = entry.value }
        func required(_ key: String) throws(RuleLoadError) -> YAMLDocument {
            guard let value = fields[key] else { throw document.error("the rule has no '\(key)'; every rule needs id, title, severity, category, applies_to, message, improvement, remediation, check and examples") }
            return value
        }
        let idNode = try required("id")
        let id = try idNode.nonEmptyString("id")
        guard Self.isSlug(id) else {
            throw idNode.error("the id '\(id)' must be a lowercase slug such as aws-lambda-tracing (letters, digits and single dashes)")
        }
        let severityNode = try required("severity")
        let severity = try Self.severity(severityNode)
        let categoryNode = try required("category")
        let categoryText = try categoryNode.string("category")
        guard let category = ReportCategory(rawValue: categoryText) else {
            throw categoryNode.error("unknown category '\(categoryText)'; expected one of: \(ReportCategory.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let appliesTo = try required("applies_to").stringList("applies_to")
        let checkNode = try required("check")
        let check = try parseCheck(checkNode, defaultTypes: appliesTo)
        let references = try fields["references"].map { node throws(RuleLoadError) in try parseReferences(node) } ?? RuleReferences()
        let fix = try fields["fix"].map { node throws(RuleLoadError) in try parseFix(node) }
        let examples = try parseExamples(try required("examples"))
        return Rule(
            id: id, title: try required("title").nonEmptyString("title"), severity: severity, category: category,
            appliesTo: appliesTo, message: try required("message").nonEmptyString("message"),
            improvement: try required("improvement").nonEmptyString("improvement"),
            remediation: try required("remediation").nonEmptyString("remediation"),
            references: references, fix: fix, examples: examples, check: check, file: document.file)
    }

    private func loadCheckovPolicy(_ document: YAMLDocument) throws(RuleLoadError) -> Rule {
        let entries = try document.mapping(allowed: Self.checkovKeys, what: "a checkov policy")
        var fields: [String: YAMLDocument] = [:]
        for entry in entries { fields[entry.key] = entry.value }
        guard let metadata = fields["metadata"] else { throw document.error("the checkov policy has no 'metadata' (with id and name)") }
        guard let definition = fields["definition"] else { throw document.error("the checkov policy has no 'definition'") }
        var meta: [String: YAMLDocument] = [:]
        for entry in try metadata.mapping(allowed: ["id", "name", "category", "severity", "guideline"], what: "the policy's metadata") {
            meta[entry.key] = entry.value
        }
        guard let idNode = meta["id"] else { throw metadata.error("the policy's metadata has no 'id'") }
        guard let nameNode = meta["name"] else { throw metadata.error("the policy's metadata has no 'name'") }
        let id = try idNode.nonEmptyString("id")
        let name = try nameNode.nonEmptyString("name")
        let severity = try meta["severity"].map { node throws(RuleLoadError) in try Self.severity(node) } ?? .medium
        let category = try Self.checkovCategory(meta["category"])
        if let scope = fields["scope"] {
            for entry in try scope.mapping(allowed: ["provider"], what: "the policy's scope") {
                let provider = try entry.value.string("provider").lowercased()
                guard provider == "aws" else {
                    throw entry.value.error("the provider '\(provider)' is not supported; stackreview reviews AWS resources (scope: provider: aws)")
                }
            }
        }
        let condition = try parseCondition(definition, defaultTypes: [])
        let links = try meta["guideline"].map { node throws(RuleLoadError) in [try node.string("guideline")] } ?? []
        return Rule(
            id: id, title: name, severity: severity, category: category, appliesTo: condition.resourceTypes,
            message: "`{address}` does not satisfy the policy: \(name)",
            improvement: "`{address}` now satisfies the policy: \(name)",
            remediation: "See the policy \(id)" + (links.first.map { " (\($0))" } ?? "") + ".",
            references: RuleReferences(checkov: [id], links: links), fix: nil,
            examples: RuleExamples(failing: [], passing: []), check: .declarative(condition), file: document.file)
    }

    // MARK: - Parts

    static func isSlug(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard let first = bytes.first, let last = bytes.last, first != UInt8(ascii: "-"), last != UInt8(ascii: "-") else { return false }
        var previousDash = false
        for byte in bytes {
            let isDash = byte == UInt8(ascii: "-")
            let isWord = (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            guard isDash || isWord, !(isDash && previousDash) else { return false }
            previousDash = isDash
        }
        return true
    }

    static func severity(_ node: YAMLDocument) throws(RuleLoadError) -> Severity {
        let text = try node.string("severity")
        guard let severity = Severity(rawValue: text.lowercased()) else {
            throw node.error("unknown severity '\(text)'; expected one of: \(Severity.allCases.reversed().map(\.rawValue).joined(separator: ", "))")
        }
        return severity
    }

    /// checkov's categories, mapped to the report section a reviewer would file them under.
    static func checkovCategory(_ node: YAMLDocument?) throws(RuleLoadError) -> ReportCategory {
        guard let node else { return .securityHardening }
        let text = try node.string("category").uppercased()
        switch text {
        case "IAM", "ENCRYPTION", "GENERAL_SECURITY", "NETWORKING", "SECRETS", "APPLICATION_SECURITY", "SUPPLY_CHAIN":
            return .securityHardening
        case "LOGGING":
            return .operationalExcellence
        case "BACKUP_AND_RECOVERY":
            return .infrastructureArchitecture
        case "CONVENTION":
            return .codeQuality
        default:
            throw node.error("unknown checkov category '\(text)'; expected IAM, ENCRYPTION, GENERAL_SECURITY, NETWORKING, SECRETS, LOGGING, BACKUP_AND_RECOVERY, CONVENTION, APPLICATION_SECURITY or SUPPLY_CHAIN")
        }
    }

    func parseCheck(_ node: YAMLDocument, defaultTypes: [String]) throws(RuleLoadError) -> RuleCheck {
        if case .mapping(let mapping) = node.node, mapping.count == 1, mapping.keys.first?.scalar?.string == "coded" {
            let entries = try node.mapping(what: "check")
            let name = try entries[0].value.nonEmptyString("coded")
            return .coded(name)
        }
        return .declarative(try parseCondition(node, defaultTypes: defaultTypes))
    }

    func parseCondition(_ node: YAMLDocument, defaultTypes: [String]) throws(RuleLoadError) -> Condition {
        let entries = try node.mapping(what: "a condition")
        if entries.count == 1, ["and", "or", "not"].contains(entries[0].key) {
            let (key, value) = entries[0]
            if key == "not" {
                if case .sequence(let sequence) = value.node {
                    guard sequence.count == 1, let only = sequence.first else { throw value.error("'not' takes exactly one condition") }
                    return .not(try parseCondition(value.child(only), defaultTypes: defaultTypes))
                }
                return .not(try parseCondition(value, defaultTypes: defaultTypes))
            }
            guard case .sequence(let sequence) = value.node, !sequence.isEmpty else {
                throw value.error("'\(key)' takes a list of conditions")
            }
            var conditions: [Condition] = []
            for element in sequence { conditions.append(try parseCondition(value.child(element), defaultTypes: defaultTypes)) }
            return key == "and" ? .and(conditions) : .or(conditions)
        }
        var fields: [String: YAMLDocument] = [:]
        for entry in entries {
            guard ["cond_type", "resource_types", "attribute", "operator", "value", "connected_resource_types"].contains(entry.key) else {
                throw entry.value.error("unknown key '\(entry.key)' in a condition; expected cond_type, resource_types, attribute, operator, value, connected_resource_types, or a single and/or/not")
            }
            fields[entry.key] = entry.value
        }
        let condType = try fields["cond_type"]?.string("cond_type") ?? "attribute"
        let types = try fields["resource_types"].map { node throws(RuleLoadError) in try Self.typeSelection(node) }
            ?? (defaultTypes.isEmpty ? .all : .only(defaultTypes))
        guard let operatorNode = fields["operator"] else { throw node.error("the condition has no 'operator'") }
        let operatorText = try operatorNode.string("operator")
        switch condType {
        case "attribute":
            guard let attributeNode = fields["attribute"] else { throw node.error("an attribute condition needs 'attribute' (a path such as tracing_config.mode)") }
            let attribute = try attributeNode.nonEmptyString("attribute")
            let op = try Self.attributeOperator(operatorText, at: operatorNode)
            let value = try fields["value"].map { node throws(RuleLoadError) in try node.ruleValue() }
            if op.takesOperand, value == nil { throw node.error("the operator '\(operatorText)' needs a 'value'") }
            try Self.validateOperand(op, value, at: fields["value"] ?? node)
            return .attribute(AttributeCondition(resourceTypes: types, attribute: attribute, operator: op, value: value))
        case "connection":
            guard let connectedNode = fields["connected_resource_types"] else {
                throw node.error("a connection condition needs 'connected_resource_types'")
            }
            guard let op = ConnectionOperator(rawValue: operatorText) else {
                throw operatorNode.error("the connection operator '\(operatorText)' is not supported; expected one of: \(ConnectionOperator.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return .connection(ConnectionCondition(resourceTypes: types, connectedResourceTypes: try Self.typeSelection(connectedNode), operator: op))
        case "filter":
            let attribute = try fields["attribute"]?.string("attribute") ?? "resource_type"
            guard attribute == "resource_type" else {
                throw (fields["attribute"] ?? node).error("filters on '\(attribute)' are not supported; stackreview filters on resource_type")
            }
            guard operatorText == "within" || operatorText == "equals", let op = AttributeOperator(rawValue: operatorText) else {
                throw operatorNode.error("the filter operator '\(operatorText)' is not supported; use within")
            }
            guard let valueNode = fields["value"] else { throw node.error("a filter needs 'value' (the resource types to keep)") }
            let values = try valueNode.stringList("value").map(RuleValue.string)
            return .filter(FilterCondition(attribute: attribute, operator: op, values: values))
        default:
            throw (fields["cond_type"] ?? node).error("the condition type '\(condType)' is not supported; expected attribute, connection or filter")
        }
    }

    static func typeSelection(_ node: YAMLDocument) throws(RuleLoadError) -> ResourceTypeSelection {
        let types = try node.stringList("resource types")
        if types.count == 1, types[0].lowercased() == "all" { return .all }
        if types.isEmpty { throw node.error("the list of resource types is empty") }
        return .only(types)
    }

    static func attributeOperator(_ text: String, at node: YAMLDocument) throws(RuleLoadError) -> AttributeOperator {
        if let op = AttributeOperator(rawValue: text) { return op }
        if text.hasPrefix("jsonpath_") {
            throw node.error("the operator '\(text)' is not supported: stackreview does not evaluate JSONPath; write the path with '.' and '*' and use '\(text.dropFirst("jsonpath_".count))'")
        }
        throw node.error("the operator '\(text)' is not supported; expected one of: \(AttributeOperator.allCases.map(\.rawValue).joined(separator: ", "))")
    }

    /// Catches operands that can never work: a bad regular expression, a non-number for a
    /// numeric comparison, a malformed CIDR.
    static func validateOperand(_ op: AttributeOperator, _ value: RuleValue?, at node: YAMLDocument) throws(RuleLoadError) {
        guard let value else { return }
        switch op {
        case .regexMatch, .notRegexMatch:
            guard case .string(let pattern) = value else { throw node.error("'\(op.rawValue)' needs a regular expression string") }
            if let problem = SafeRegex.problem(in: pattern) { throw node.error("the regular expression '\(pattern)' cannot be used: \(problem)") }
        case .greaterThan, .greaterThanOrEqual, .lessThan, .lessThanOrEqual,
             .lengthEquals, .lengthNotEquals, .lengthGreaterThan, .lengthGreaterThanOrEqual, .lengthLessThan, .lengthLessThanOrEqual:
            switch value {
            case .number: break
            case .string(let text) where Double(text) != nil: break
            default: throw node.error("'\(op.rawValue)' needs a number")
            }
        case .cidrRangeSubset, .cidrRangeNotSubset:
            let cidrs: [RuleValue]
            if case .list(let list) = value { cidrs = list } else { cidrs = [value] }
            for cidr in cidrs {
                guard case .string(let text) = cidr, CIDRBlock(text) != nil else {
                    throw node.error("'\(op.rawValue)' needs CIDR blocks such as 10.0.0.0/8")
                }
            }
        default:
            break
        }
    }

    func parseReferences(_ node: YAMLDocument) throws(RuleLoadError) -> RuleReferences {
        var references = RuleReferences()
        for entry in try node.mapping(allowed: Self.referenceKeys, what: "references") {
            let values = try entry.value.stringList(entry.key)
            switch entry.key {
            case "checkov": references.checkov = values
            case "trivy": references.trivy = values
            case "tflint": references.tflint = values
            case "bandit": references.bandit = values
            default: references.links = values
            }
        }
        return references
    }

    func parseFix(_ node: YAMLDocument) throws(RuleLoadError) -> SuggestedFix {
        let entries = try node.mapping(allowed: Set(SuggestedFix.Placement.allCases.map(\.rawValue)), what: "fix")
        guard entries.count == 1, let placement = SuggestedFix.Placement(rawValue: entries[0].key) else {
            throw node.error("fix takes exactly one of: \(SuggestedFix.Placement.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return SuggestedFix(placement: placement, text: try entries[0].value.nonEmptyString(entries[0].key))
    }

    func parseExamples(_ node: YAMLDocument) throws(RuleLoadError) -> RuleExamples {
        var failing: [String] = [], passing: [String] = []
        for entry in try node.mapping(allowed: ["fail", "pass"], what: "examples") {
            let values = try entry.value.stringList(entry.key)
            if entry.key == "fail" { failing = values } else { passing = values }
        }
        guard !failing.isEmpty else { throw node.error("a rule needs at least one failing example (examples: fail:), with \(RuleExamples.marker) where the finding starts") }
        guard !passing.isEmpty else { throw node.error("a rule needs at least one passing example (examples: pass:)") }
        for example in failing where !example.contains(RuleExamples.marker) {
            _ = example
            throw node.error("every failing example needs the marker \(RuleExamples.marker) where the finding starts")
        }
        return RuleExamples(failing: failing, passing: passing)
    }
}
