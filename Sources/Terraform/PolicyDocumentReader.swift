import HCL

/// Reads the IAM policy documents of a loaded module tree into `PolicyDocument`s.
///
/// Forms understood: `jsonencode({...})` (statements keep the range of their object
/// constructor), heredoc or quoted JSON strings (statements keep their exact range in the file
/// when the string has no interpolation or escapes; otherwise the attribute's range), any other
/// expression whose value is a JSON string (the attribute's range), and references to
/// `data.aws_iam_policy_document.NAME.json` (the data source's statements, with their `statement`
/// block ranges, `dynamic "statement"` blocks expanded, `source_policy_documents` and
/// `override_policy_documents` merged by `sid` as the AWS provider does).
public final class PolicyDocumentReader {
    /// The resource types and attribute paths that hold policy documents.
    public static let policyAttributes: [String: [String]] = [
        "aws_iam_policy": ["policy"],
        "aws_iam_role_policy": ["policy"],
        "aws_iam_role": ["assume_role_policy", "inline_policy.policy"],
        "aws_iam_user_policy": ["policy"],
        "aws_iam_group_policy": ["policy"],
        "aws_s3_bucket_policy": ["policy"],
        "aws_sqs_queue_policy": ["policy"],
        "aws_sqs_queue": ["policy"],
        "aws_sns_topic_policy": ["policy"],
        "aws_sns_topic": ["policy"],
        "aws_kms_key": ["policy"],
        "aws_secretsmanager_secret_policy": ["policy"],
        "aws_api_gateway_rest_api": ["policy"],
        "aws_api_gateway_rest_api_policy": ["policy"],
    ]

    private let root: Module
    private var modulesByAddress: [String: Module] = [:]
    private var dataDocuments: [String: ResourceInstance] = [:]
    private var resolved: [String: PolicyDocument] = [:]
    private var inProgress: Set<String> = []

    /// Creates a reader over a root module and all its descendants.
    public init(root: Module) {
        self.root = root
        for module in root.allModules {
            modulesByAddress[module.address] = module
            for instance in module.dataSourceInstances where instance.type == "aws_iam_policy_document" {
                dataDocuments[instance.address] = instance
            }
        }
    }

    /// Every policy document held by an in-scope resource attribute, in module and declaration order.
    public func resourcePolicies() -> [ResourcePolicy] {
        var result: [ResourcePolicy] = []
        for instance in root.allResourceInstances {
            for (path, parts) in Self.policyAttributeParts[instance.type] ?? [] {
                for (attribute, label) in attributes(at: path, parts: parts, in: instance) {
                    result.append(ResourcePolicy(resourceAddress: instance.address, attribute: label, document: document(from: attribute, in: instance)))
                }
            }
        }
        return result
    }

    /// The document of an `aws_iam_policy_document` data source instance, by full address
    /// (`data.aws_iam_policy_document.x`, `module.m.data.aws_iam_policy_document.x[0]`).
    public func dataSourceDocument(at address: String) -> PolicyDocument? {
        if let cached = resolved[address] { return cached }
        guard let instance = dataDocuments[address] else { return nil }
        if inProgress.contains(address) {
            return PolicyDocument(statements: [], unknownReferences: [address], file: instance.file, range: instance.range)
        }
        inProgress.insert(address)
        defer { inProgress.remove(address) }
        let document = readDataSource(instance)
        resolved[address] = document
        return document
    }

    /// `policyAttributes` with each path's dot-separated parts.
    private static let policyAttributeParts: [String: [(path: String, parts: [String])]] =
        policyAttributes.mapValues { paths in paths.map { ($0, $0.split(separator: ".").map(String.init)) } }

    /// The attributes at `path` (split into `parts`) of `instance`, each with `path`.
    private func attributes(at path: String, parts: [String], in instance: ResourceInstance) -> [(EvaluatedAttribute, String)] {
        if parts.count == 1 { return instance.attributes.attribute(parts[0]).map { [($0, path)] } ?? [] }
        return instance.attributes.blocks(ofType: parts[0]).compactMap { block in block.body.attribute(parts[1]).map { ($0, path) } }
    }

    /// The document held by one attribute of a resource instance.
    public func document(from attribute: EvaluatedAttribute, in instance: ResourceInstance) -> PolicyDocument {
        let expression = unwrapped(attribute.expression)
        let file = instance.file
        // jsonencode({...}): evaluate the argument so known parts survive unknown ones.
        if case .functionCall(let call) = expression.kind, call.name == "jsonencode", call.arguments.count == 1,
           let module = modulesByAddress[instance.moduleAddress] {
            let argument = call.arguments[0]
            let value = module.evaluate(argument, file: file, bindings: instance.bindings).value
            return document(fromJSON: value, file: file, range: attribute.expression.range, statementRanges: Self.statementRanges(in: argument))
        }
        // A JSON string written literally: parse it where it stands to keep exact ranges.
        if let located = locatedJSON(expression, file: file, moduleAddress: instance.moduleAddress) {
            return located
        }
        if case .unknown = attribute.value, case .template(let template) = expression.kind,
           let partial = partialJSON(template, file: file, range: attribute.expression.range, instance: instance) {
            return partial
        }
        return document(fromValue: attribute.value, file: file, range: attribute.expression.range)
    }

    private func document(fromValue value: Value, file: String, range: SourceRange) -> PolicyDocument {
        switch value {
        case .string(let text):
            guard let decoded = JSONText.decode(text) else {
                return PolicyDocument(statements: [], unknownReferences: [], file: file, range: range)
            }
            return document(fromJSON: decoded, file: file, range: range, statementRanges: nil)
        case .unknown(let unknown):
            if unknown.references.count == 1, let reference = unknown.references.first {
                for suffix in [".json", ".minified_json"] where reference.hasSuffix(suffix) {
                    if let document = dataSourceDocument(at: String(reference.dropLast(suffix.count))) { return document }
                }
            }
            return PolicyDocument(statements: [], unknownReferences: unknown.references, file: file, range: range)
        case .object:
            return document(fromJSON: value, file: file, range: range, statementRanges: nil)
        default:
            return PolicyDocument(statements: [], unknownReferences: [], file: file, range: range)
        }
    }

    private func locatedJSON(_ expression: Expression, file: String, moduleAddress: String) -> PolicyDocument? {
        guard let source = modulesByAddress[moduleAddress]?.configuration.file(at: file)?.source else { return nil }
        var text: String
        var origin: SourcePosition
        switch expression.kind {
        case .template(let template):
            guard template.parts.count == 1, case .literal(let literal, let range) = template.parts[0], range.text(in: source) == literal else { return nil }
            text = literal
            origin = range.start
        case .literal(.string(let literal)):
            let written = expression.range.text(in: source)
            guard written == "\"" + literal + "\"" else { return nil }
            text = literal
            origin = SourcePosition(line: expression.range.start.line, column: expression.range.start.column + 1, byte: expression.range.start.byte + 1)
        default:
            return nil
        }
        let parsed = parseJSON(Array(text.utf8), fileName: file)
        guard parsed.diagnostics.isEmpty, let json = parsed.value else { return nil }
        var ranges: [SourceRange]?
        if let statement = json[member: "Statement"] {
            switch statement.kind {
            case .array(let items): ranges = items.map { Self.shift($0.range, to: origin) }
            case .object: ranges = [Self.shift(statement.range, to: origin)]
            default: break
            }
        }
        return document(fromJSON: JSONText.value(of: json), file: file, range: expression.range, statementRanges: ranges)
    }

    /// A JSON template with unknown interpolations (`"Resource": "${aws_s3_bucket.b.arn}/*"`):
    /// each unknown interpolation is replaced by a placeholder, the text is read as JSON, and every
    /// string holding a placeholder becomes an unknown value, so the known parts of the document
    /// (actions, effects, principals) can still be checked. Statements get the attribute's range.
    private func partialJSON(_ template: Template, file: String, range: SourceRange, instance: ResourceInstance) -> PolicyDocument? {
        guard let module = modulesByAddress[instance.moduleAddress] else { return nil }
        var text = ""
        var placeholders: [String: [String]] = [:]
        for part in template.parts {
            switch part {
            case .literal(let literal, _):
                text += literal
            case .interpolation(let inner, _):
                let value = module.evaluate(inner, file: file, bindings: instance.bindings).value
                if let string = value.primitiveString {
                    text += string
                } else if case .unknown = value {
                    let marker = "\u{E000}\(placeholders.count)\u{E001}"
                    placeholders[marker] = value.unknownReferences
                    text += marker
                } else {
                    return nil
                }
            case .ifDirective, .forDirective:
                return nil
            }
        }
        guard let decoded = JSONText.decode(text) else { return nil }
        func resolve(_ value: Value) -> Value {
            switch value {
            case .string(let string):
                let references = placeholders.filter { string.contains($0.key) }.flatMap(\.value)
                return references.isEmpty ? value : .unknown(references)
            case .list(let items): return .list(items.map(resolve))
            case .set(let items): return .set(items.map(resolve))
            case .object(let members): return .object(members.mapValues(resolve))
            default: return value
            }
        }
        return document(fromJSON: resolve(decoded), file: file, range: range, statementRanges: nil)
    }

    /// A range read from text that starts at `origin` in the file, moved to file coordinates.
    static func shift(_ range: SourceRange, to origin: SourcePosition) -> SourceRange {
        func move(_ position: SourcePosition) -> SourcePosition {
            SourcePosition(line: origin.line + position.line - 1,
                           column: position.line == 1 ? origin.column + position.column - 1 : position.column,
                           byte: origin.byte + position.byte)
        }
        return SourceRange(start: move(range.start), end: move(range.end))
    }

    /// The ranges of the statements in `jsonencode`'s argument, when written as a constructor.
    static func statementRanges(in argument: Expression) -> [SourceRange]? {
        guard case .object(let items) = unwrapped(argument).kind,
              let statement = items.first(where: { objectKeyName($0.key) == "Statement" })?.value else { return nil }
        switch unwrapped(statement).kind {
        case .tuple(let elements): return elements.map(\.range)
        case .object: return [statement.range]
        default: return nil
        }
    }

    private func document(fromJSON value: Value, file: String, range: SourceRange, statementRanges: [SourceRange]?) -> PolicyDocument {
        guard let members = value.members else {
            return PolicyDocument(statements: [], unknownReferences: value.unknownReferences, file: file, range: range)
        }
        var unknown: [String] = []
        var statementValues: [Value] = []
        switch members["Statement"] {
        case .list(let items)?, .set(let items)?: statementValues = items
        case .object?: statementValues = [members["Statement"]!]
        case .unknown(let missing)?: unknown += missing.references
        default: break
        }
        let ranges = statementRanges?.count == statementValues.count ? statementRanges! : Array(repeating: range, count: statementValues.count)
        let statements = zip(statementValues, ranges).map { Self.statement(fromJSON: $0, file: file, range: $1) }
        return PolicyDocument(version: members["Version"]?.stringValue, id: members["Id"]?.stringValue, statements: statements,
                              unknownReferences: UnknownValue(references: unknown).references, file: file, range: range)
    }

    static func strings(_ value: Value?, unknown: inout [String]) -> [String] {
        guard let value else { return [] }
        switch value {
        case .unknown: unknown += value.unknownReferences; return []
        case .list(let items), .set(let items):
            return items.flatMap { strings($0, unknown: &unknown) }
        case .null: return []
        default: return value.primitiveString.map { [$0] } ?? []
        }
    }

    static func principals(_ value: Value?, unknown: inout [String]) -> [String: [String]] {
        guard let value else { return [:] }
        if case .string(let text) = value { return ["*": [text]] }
        if case .unknown = value { unknown += value.unknownReferences; return [:] }
        var result: [String: [String]] = [:]
        for (type, identifiers) in value.members ?? [:] { result[type] = strings(identifiers, unknown: &unknown) }
        return result
    }

    static func statement(fromJSON value: Value, file: String, range: SourceRange) -> PolicyStatement {
        var unknown: [String] = []
        guard let members = value.members else {
            return PolicyStatement(unknownReferences: value.unknownReferences, file: file, range: range)
        }
        var statement = PolicyStatement(file: file, range: range)
        statement.sid = members["Sid"]?.stringValue
        if case .unknown? = members["Effect"] { unknown += members["Effect"]!.unknownReferences }
        statement.effect = members["Effect"]?.stringValue.flatMap(PolicyStatement.Effect.init(rawValue:))
        statement.actions = strings(members["Action"], unknown: &unknown)
        statement.notActions = strings(members["NotAction"], unknown: &unknown)
        statement.resources = strings(members["Resource"], unknown: &unknown)
        statement.notResources = strings(members["NotResource"], unknown: &unknown)
        statement.principals = principals(members["Principal"], unknown: &unknown)
        statement.notPrincipals = principals(members["NotPrincipal"], unknown: &unknown)
        for (test, keys) in members["Condition"]?.members ?? [:] {
            for (variable, values) in keys.members ?? [:] {
                statement.conditions.append(PolicyCondition(test: test, variable: variable, values: strings(values, unknown: &unknown)))
            }
        }
        statement.conditions.sort { ($0.test, $0.variable) < ($1.test, $1.variable) }
        statement.unknownReferences = UnknownValue(references: unknown).references
        return statement
    }

    // MARK: aws_iam_policy_document

    private func readDataSource(_ instance: ResourceInstance) -> PolicyDocument {
        let body = instance.attributes
        var unknown: [String] = []
        var statements: [PolicyStatement] = []
        if let sources = body.attribute("source_policy_documents") {
            for document in nestedDocuments(sources, instance: instance, unknown: &unknown) { statements += document.statements }
        }
        for block in body.blocks(ofType: "statement") {
            merge(Self.statement(fromBlock: block, file: instance.file), into: &statements)
        }
        for dynamic in body.unexpandedDynamicBlocks where dynamic.type == "statement" { unknown += dynamic.forEach.unknownReferences }
        if let overrides = body.attribute("override_policy_documents") {
            for document in nestedDocuments(overrides, instance: instance, unknown: &unknown) {
                for statement in document.statements { merge(statement, into: &statements) }
            }
        }
        return PolicyDocument(version: body.attribute("version")?.value.stringValue ?? "2012-10-17", id: body.attribute("policy_id")?.value.stringValue,
                              statements: statements, unknownReferences: UnknownValue(references: unknown).references,
                              file: instance.file, range: instance.range)
    }

    /// Replaces the statement with the same non-empty sid, or appends.
    private func merge(_ statement: PolicyStatement, into statements: inout [PolicyStatement]) {
        if let sid = statement.sid, !sid.isEmpty, let index = statements.firstIndex(where: { $0.sid == sid }) {
            statements[index] = statement
        } else {
            statements.append(statement)
        }
    }

    private func nestedDocuments(_ attribute: EvaluatedAttribute, instance: ResourceInstance, unknown: inout [String]) -> [PolicyDocument] {
        guard let items = attribute.value.elements else {
            unknown += attribute.value.unknownReferences
            return []
        }
        var tupleRanges: [SourceRange]?
        if case .tuple(let expressions) = unwrapped(attribute.expression).kind, expressions.count == items.count { tupleRanges = expressions.map(\.range) }
        return items.enumerated().map { offset, item in
            let document = document(fromValue: item, file: instance.file, range: tupleRanges?[offset] ?? attribute.expression.range)
            unknown += document.unknownReferences
            return document
        }
    }

    static func statement(fromBlock block: EvaluatedBlock, file: String) -> PolicyStatement {
        var unknown: [String] = []
        let body = block.body
        var statement = PolicyStatement(file: file, range: block.range)
        let sid = body.attribute("sid")?.value
        if case .unknown? = sid { unknown += sid!.unknownReferences }
        statement.sid = sid?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        let effect = body.attribute("effect")?.value ?? .string("Allow")
        if case .unknown = effect { unknown += effect.unknownReferences }
        statement.effect = effect.stringValue.flatMap(PolicyStatement.Effect.init(rawValue:))
        statement.actions = strings(body.attribute("actions")?.value, unknown: &unknown)
        statement.notActions = strings(body.attribute("not_actions")?.value, unknown: &unknown)
        statement.resources = strings(body.attribute("resources")?.value, unknown: &unknown)
        statement.notResources = strings(body.attribute("not_resources")?.value, unknown: &unknown)
        func principalBlocks(_ type: String) -> [String: [String]] {
            var result: [String: [String]] = [:]
            for principal in body.blocks(ofType: type) {
                let kind = principal.body.attribute("type")?.value
                guard let name = kind?.stringValue else { unknown += kind?.unknownReferences ?? []; continue }
                result[name, default: []] += strings(principal.body.attribute("identifiers")?.value, unknown: &unknown)
            }
            return result
        }
        statement.principals = principalBlocks("principals")
        statement.notPrincipals = principalBlocks("not_principals")
        for condition in body.blocks(ofType: "condition") {
            let test = condition.body.attribute("test")?.value.stringValue ?? ""
            let variable = condition.body.attribute("variable")?.value.stringValue ?? ""
            statement.conditions.append(PolicyCondition(test: test, variable: variable, values: strings(condition.body.attribute("values")?.value, unknown: &unknown)))
        }
        for dynamic in body.unexpandedDynamicBlocks { unknown += dynamic.forEach.unknownReferences }
        statement.unknownReferences = UnknownValue(references: unknown).references
        return statement
    }
}

/// An `aws_lambda_permission`: who may invoke which function (not a policy document).
public struct LambdaPermissionGrant: Hashable, Sendable {
    /// The resource instance's address.
    public var resourceAddress: String
    /// `action`, e.g. `lambda:InvokeFunction`.
    public var action: AttributeMatch?
    /// `principal`, e.g. `s3.amazonaws.com` or `*`.
    public var principal: AttributeMatch?
    /// `function_name`.
    public var functionName: AttributeMatch?
    /// `source_arn`, which scopes a service principal to one resource.
    public var sourceArn: AttributeMatch?
    /// `source_account`.
    public var sourceAccount: AttributeMatch?

    /// True when the principal is `*` (anyone).
    public var isPublic: Bool { principal?.value == .string("*") }
}

extension Module {
    /// Every `aws_lambda_permission` instance in this module and below.
    public var lambdaPermissions: [LambdaPermissionGrant] {
        resourceInstances(ofType: "aws_lambda_permission").map { instance in
            let body = instance.attributes
            return LambdaPermissionGrant(resourceAddress: instance.address, action: body.value(at: "action"), principal: body.value(at: "principal"),
                functionName: body.value(at: "function_name"), sourceArn: body.value(at: "source_arn"), sourceAccount: body.value(at: "source_account"))
        }
    }
}
