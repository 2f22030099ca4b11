import HCL
import Threading

/// The declarations of one module directory, before evaluation.
public struct ModuleConfiguration: Sendable {
    /// The repository-relative directory (`""` for the root).
    public var directory: String
    /// The parsed `.tf` and `.tf.json` files, in lexical order of name.
    public var files: [ParsedFile]
    /// `resource` blocks.
    public var resources: [ResourceDeclaration] = []
    /// `data` blocks.
    public var dataSources: [ResourceDeclaration] = []
    /// `variable` blocks.
    public var variables: [VariableDeclaration] = []
    /// Named values of all `locals` blocks.
    public var locals: [LocalDeclaration] = []
    /// `output` blocks.
    public var outputs: [OutputDeclaration] = []
    /// `provider` blocks.
    public var providers: [ProviderDeclaration] = []
    /// `module` blocks.
    public var moduleCalls: [ModuleCallDeclaration] = []
    /// `moved` blocks.
    public var moved: [MovedDeclaration] = []
    /// `terraform` blocks.
    public var terraformSettings: [TerraformSettings] = []
    /// Syntax diagnostics and structural problems (duplicate names, missing labels).
    public var diagnostics: [Diagnostic] = []
    /// Addresses declared so far (`aws_s3_bucket.b`, `data.x.y`, `var.v`, `local.l`, `module.m`), for duplicate checks.
    private var declared: Set<String> = []

    /// From this many bytes of configuration on, a module's files are parsed on every core
    /// (about a millisecond of parsing; below it, starting threads costs more than it saves).
    static let parallelParseBytes = 64 * 1024

    /// Reads every `.tf`/`.tf.json` file of `directory` from `source`, through `cache`.
    public init(directory: String, source: any ModuleFileSource, cache: ParsedFileCache = .shared) {
        self.directory = directory
        // Files are read in order on this thread (a Git source serialises its reads anyway) and,
        // when there is enough text to pay for handing work to other threads, parsed on every core.
        var read: [(file: SourceFile, path: String, syntax: FileSyntax)] = []
        for name in source.fileNames(in: directory) {
            let syntax: FileSyntax
            if name.hasSuffix(".tf.json") { syntax = .configurationJSON } else if name.hasSuffix(".tf") { syntax = .native } else { continue }
            let path = RepositoryPath.join(directory, name)
            guard let file = source.readFile(at: path) else { continue }
            read.append((file, path, syntax))
        }
        // The same files at the same paths declare the same: a module called from many roots is
        // read into declarations once.
        let key = read.map { ConfigurationFile(syntax: $0.syntax, path: $0.path, contentID: $0.file.contentID) }
        if let known = cache.configuration(of: directory, files: key) {
            self = known
            return
        }
        let parse: @Sendable ((file: SourceFile, path: String, syntax: FileSyntax)) -> ParsedFile = { cache.parsed($0.file, path: $0.path, syntax: $0.syntax) }
        let size = read.reduce(0) { $0 + $1.file.bytes.count }
        let parsed = size >= ModuleConfiguration.parallelParseBytes ? ParallelMap.map(read, parse) : read.map(parse)
        files = parsed
        for file in parsed {
            diagnostics += file.diagnostics
            for block in file.body.blocks { add(block, file: file.path) }
        }
        cache.keep(self, files: key)
    }

    /// The file with this path, if it belongs to the module.
    public func file(at path: String) -> ParsedFile? { files.first { $0.path == path } }

    private mutating func requireLabels(_ block: Block, _ count: Int, file: String) -> Bool {
        if block.labels.count == count { return true }
        diagnostics.append(Diagnostic(severity: .error, summary: "Wrong number of block labels",
            detail: "A \(block.type) block needs \(count) label\(count == 1 ? "" : "s"); this one has \(block.labels.count). Fix the block header.",
            fileName: file, subject: block.headerRange, context: block.range))
        return false
    }

    private mutating func add(_ block: Block, file: String) {
        let source = DeclarationSource(file: file, block: block)
        let body = block.body
        switch block.type {
        case "resource", "data":
            guard requireLabels(block, 2, file: file) else { return }
            let declaration = ResourceDeclaration(mode: block.type == "data" ? .data : .managed, type: block.labels[0].value, name: block.labels[1].value, source: source)
            if !declared.insert(declaration.localAddress).inserted {
                duplicate(declaration.localAddress, block: block, file: file)
                return
            }
            if declaration.mode == .data { dataSources.append(declaration) } else { resources.append(declaration) }
        case "variable":
            guard requireLabels(block, 1, file: file) else { return }
            let name = block.labels[0].value
            if !declared.insert("var." + name).inserted { duplicate("var.\(name)", block: block, file: file); return }
            let validations = body.blocks(ofType: "validation").map {
                VariableValidation(condition: $0.body.attribute(named: "condition")?.expression, errorMessage: $0.body.attribute(named: "error_message")?.expression, range: $0.range)
            }
            variables.append(VariableDeclaration(
                name: name,
                type: body.attribute(named: "type").flatMap { TypeConstraint(expression: typeExpression($0.expression)) },
                defaultExpression: body.attribute(named: "default")?.expression,
                description: body.attribute(named: "description")?.expression.staticString,
                sensitive: literalBool(body.attribute(named: "sensitive")?.expression) ?? false,
                nullable: literalBool(body.attribute(named: "nullable")?.expression) ?? true,
                validations: validations, source: source))
        case "locals":
            for attribute in body.attributes {
                if !declared.insert("local." + attribute.name).inserted {
                    diagnostics.append(Diagnostic(severity: .error, summary: "Duplicate local value definition",
                        detail: "The local value \"\(attribute.name)\" is defined more than once. Rename or remove one of them.",
                        fileName: file, subject: attribute.nameRange))
                    continue
                }
                locals.append(LocalDeclaration(name: attribute.name, attribute: attribute, file: file))
            }
        case "output":
            guard requireLabels(block, 1, file: file) else { return }
            outputs.append(OutputDeclaration(name: block.labels[0].value, value: body.attribute(named: "value")?.expression,
                description: body.attribute(named: "description")?.expression.staticString,
                sensitive: literalBool(body.attribute(named: "sensitive")?.expression) ?? false, source: source))
        case "provider":
            guard requireLabels(block, 1, file: file) else { return }
            providers.append(ProviderDeclaration(name: block.labels[0].value, alias: body.attribute(named: "alias")?.expression.staticString, source: source))
        case "module":
            guard requireLabels(block, 1, file: file) else { return }
            let name = block.labels[0].value
            if !declared.insert("module." + name).inserted { duplicate("module.\(name)", block: block, file: file); return }
            moduleCalls.append(ModuleCallDeclaration(name: name, sourceAddress: body.attribute(named: "source")?.expression.staticString,
                version: body.attribute(named: "version")?.expression.staticString, source: source))
        case "moved":
            moved.append(MovedDeclaration(from: referenceText(body.attribute(named: "from")?.expression),
                to: referenceText(body.attribute(named: "to")?.expression), source: source))
        case "terraform":
            terraformSettings.append(Self.settings(block, source: source))
        default:
            break
        }
    }

    private mutating func duplicate(_ address: String, block: Block, file: String) {
        diagnostics.append(Diagnostic(severity: .error, summary: "Duplicate declaration",
            detail: "\(address) is declared more than once in this module. Rename or remove one of the blocks.",
            fileName: file, subject: block.headerRange, context: block.range))
    }

    private static func settings(_ block: Block, source: DeclarationSource) -> TerraformSettings {
        var required: [RequiredProvider] = []
        for providersBlock in block.body.blocks(ofType: "required_providers") {
            for attribute in providersBlock.body.attributes {
                let expression = attribute.expression
                if let version = expression.staticString {
                    required.append(RequiredProvider(name: attribute.name, source: nil, version: version, range: expression.range))
                } else if case .object(let items) = expression.kind {
                    var sourceAddress: String?
                    var version: String?
                    for item in items {
                        let key = item.key.staticString ?? item.key.asTraversal?.root
                        if key == "source" { sourceAddress = item.value.staticString }
                        if key == "version" { version = item.value.staticString }
                    }
                    required.append(RequiredProvider(name: attribute.name, source: sourceAddress, version: version, range: expression.range))
                }
            }
        }
        let backend = block.body.firstBlock(ofType: "backend")
        return TerraformSettings(requiredVersion: block.body.attribute(named: "required_version")?.expression.staticString,
            requiredProviders: required, backendType: backend?.labels.first?.value, backend: backend, source: source)
    }
}

/// A type expression; in JSON a type is written as a string holding the expression.
private func typeExpression(_ expression: Expression) -> Expression {
    if let text = expression.staticString {
        let parsed = parseExpression(Array(text.utf8), fileName: "", start: expression.range.start)
        if parsed.diagnostics.isEmpty { return parsed.expression }
    }
    return expression
}

private func literalBool(_ expression: Expression?) -> Bool? {
    guard let expression else { return nil }
    if case .literal(.bool(let flag)) = expression.kind { return flag }
    if let text = expression.staticString { return text == "true" ? true : (text == "false" ? false : nil) }
    return nil
}

/// The text of a reference expression (`aws_s3_bucket.old`, `module.a`), or of a JSON string.
private func referenceText(_ expression: Expression?) -> String? {
    guard let expression else { return nil }
    if let traversal = expression.asTraversal { return traversal.description }
    return expression.staticString
}
