import HCL

/// Loads a module directory from a file source, follows its local module calls, and evaluates
/// everything it can.
///
/// The root module's variables come from, lowest to highest precedence: defaults,
/// `terraform.tfvars`, `terraform.tfvars.json`, `*.auto.tfvars` and `*.auto.tfvars.json` (in
/// lexical order of name), then the `variables` given to `loadModule`. A variable with no value
/// is unknown (`var.NAME`). Child modules get their call's arguments.
public struct ModuleLoader: Sendable {
    /// Where files are read from.
    public var source: any ModuleFileSource
    /// The parse cache (shared by default, so a blob is parsed once per process).
    public var cache: ParsedFileCache
    /// How deep local module calls are followed.
    public var maximumDepth = 16

    /// Creates a loader.
    public init(source: any ModuleFileSource, cache: ParsedFileCache = .shared) {
        self.source = source
        self.cache = cache
    }

    /// Loads and evaluates the module in `directory` (repository-relative, `""` for the root) as a
    /// root module, with `variables` overriding every other source of variable values.
    public func loadModule(at directory: String = "", variables: [String: Value] = [:]) -> Module {
        let configuration = ModuleConfiguration(directory: directory, source: source, cache: cache)
        var diagnostics: [Diagnostic] = []
        let declared = Set(configuration.variables.map(\.name))
        var values = variableFiles(in: directory, declared: declared, diagnostics: &diagnostics)
        values.merge(variables) { _, new in new }
        let builder = ModuleBuilder(loader: self, configuration: configuration, address: "", rootDirectory: directory, callStack: [directory], inputs: values)
        var module = builder.build()
        module.diagnostics = diagnostics + module.diagnostics
        return module
    }

    /// Builds a child module instance (used by `ModuleBuilder`).
    func loadChild(directory: String, rootDirectory: String, address: String, inputs: [String: Value], callStack: [String]) -> Module {
        let configuration = ModuleConfiguration(directory: directory, source: source, cache: cache)
        let builder = ModuleBuilder(loader: self, configuration: configuration, address: address, rootDirectory: rootDirectory, callStack: callStack, inputs: inputs)
        return builder.build()
    }

    /// The values of `terraform.tfvars`, `terraform.tfvars.json`, then `*.auto.tfvars(.json)`.
    /// Values for undeclared variables give a warning at the assignment, as in Terraform.
    private func variableFiles(in directory: String, declared: Set<String>, diagnostics: inout [Diagnostic]) -> [String: Value] {
        let names = source.fileNames(in: directory)
        var ordered: [String] = []
        for fixed in ["terraform.tfvars", "terraform.tfvars.json"] where names.contains(fixed) { ordered.append(fixed) }
        ordered += names.filter { $0.hasSuffix(".auto.tfvars") || $0.hasSuffix(".auto.tfvars.json") }.sorted()
        var values: [String: Value] = [:]
        let evaluator = Evaluator(context: EvaluationContext())
        for name in ordered {
            let path = RepositoryPath.join(directory, name)
            guard let file = source.readFile(at: path) else { continue }
            let parsed = cache.parsed(file, path: path, syntax: name.hasSuffix(".json") ? .variablesJSON : .native)
            diagnostics += parsed.diagnostics
            for attribute in parsed.body.attributes {
                values[attribute.name] = evaluator.evaluate(attribute.expression, file: path)
                if !declared.contains(attribute.name) {
                    diagnostics.append(Diagnostic(severity: .warning, summary: "Value for undeclared variable",
                        detail: "\(name) gives a value for \"\(attribute.name)\" but the module declares no such variable. Remove it or declare the variable.",
                        fileName: path, subject: attribute.nameRange, context: attribute.range))
                }
            }
        }
        diagnostics += evaluator.diagnostics
        return values
    }
}

/// Evaluates one module instance: variables, lazy locals with cycle detection, module calls,
/// resources, providers and outputs.
final class ModuleBuilder {
    /// The largest `count` expanded (a bigger one is reported, not expanded).
    static let maximumInstances = 10_000
    /// The arguments of a resource or data block that are no attributes of its instances.
    static let resourceMetaArguments: Set<String> = ["count", "for_each", "depends_on", "provider"]
    /// The arguments of a provider block that are no attributes of its configuration.
    static let providerMetaArguments: Set<String> = ["alias"]
    let loader: ModuleLoader
    let configuration: ModuleConfiguration
    let address: String
    let callStack: [String]
    let evaluator: Evaluator
    var diagnostics: [Diagnostic] = []
    private var localValues: [String: Value] = [:]
    private var localStack: [String] = []
    private var localsInCycles: Set<String> = []
    private var moduleOutputs: [String: Value] = [:]
    private var modulesInProgress: Set<String> = []
    private var children: [Module] = []
    private var opaque: [OpaqueModuleCall] = []

    init(loader: ModuleLoader, configuration: ModuleConfiguration, address: String, rootDirectory: String, callStack: [String], inputs: [String: Value]) {
        self.loader = loader
        self.configuration = configuration
        self.address = address
        self.callStack = callStack
        let pathModule = RepositoryPath.relative(configuration.directory, from: rootDirectory)
        var context = EvaluationContext(pathModule: pathModule, pathRoot: ".", directory: rootDirectory, fileSource: loader.source)
        evaluator = Evaluator(context: context)
        evaluator.addressPrefix = address.isEmpty ? "" : address + "."
        for variable in configuration.variables {
            var value: Value
            if let input = inputs[variable.name] {
                value = input
            } else if let defaultExpression = variable.defaultExpression {
                value = evaluator.evaluate(defaultExpression, file: variable.source.file)
            } else {
                value = .unknown([evaluator.addressPrefix + "var." + variable.name])
                if !address.isEmpty {
                    diagnostics.append(Diagnostic(severity: .error, summary: "Missing required argument",
                        detail: "\(address) gives no value for var.\(variable.name), which has no default. Add the argument to the module block.",
                        fileName: variable.source.file, subject: variable.source.block.headerRange, context: variable.source.range))
                }
            }
            if value == .null, !variable.nullable, let defaultExpression = variable.defaultExpression {
                value = evaluator.evaluate(defaultExpression, file: variable.source.file)
            }
            if let type = variable.type { value = type.convert(value) }
            context.variables[variable.name] = value
        }
        evaluator.context = context
    }

    func build() -> Module {
        evaluator.localResolver = { [unowned self] name in self.local(name) }
        evaluator.moduleResolver = { [unowned self] name in self.outputs(ofCall: name) }
        for local in configuration.locals { _ = self.local(local.name) }
        for call in configuration.moduleCalls { _ = outputs(ofCall: call.name) }
        checkValidations()
        let resources = configuration.resources.flatMap(instances)
        let dataSources = configuration.dataSources.flatMap(instances)
        let providers = configuration.providers.map { provider in
            ProviderConfiguration(declaration: provider, attributes: evaluateBody(provider.source.block.body, Scope(file: provider.source.file), skipping: Self.providerMetaArguments))
        }
        var outputValues: [String: Value] = [:]
        for output in configuration.outputs {
            outputValues[output.name] = output.value.map { evaluator.evaluate($0, file: output.source.file) } ?? .null
        }
        evaluator.localResolver = nil
        evaluator.moduleResolver = nil
        evaluator.context.locals = localValues
        evaluator.context.moduleOutputs = moduleOutputs
        return Module(address: address, configuration: configuration, diagnostics: configuration.diagnostics + diagnostics + evaluator.diagnostics,
            context: evaluator.context, outputValues: outputValues, resourceInstances: resources, dataSourceInstances: dataSources,
            providerConfigurations: providers, childModules: children, opaqueModuleCalls: opaque)
    }

    // MARK: Locals

    private func local(_ name: String) -> Value? {
        if let value = localValues[name] { return value }
        guard let declaration = configuration.locals.first(where: { $0.name == name }) else { return nil }
        if let start = localStack.firstIndex(of: name) {
            let cycle = Array(localStack[start...])
            if localsInCycles.isDisjoint(with: cycle) {
                let chain = (cycle + [name]).map { "local.\($0)" }.joined(separator: " → ")
                diagnostics.append(Diagnostic(severity: .error, summary: "Cycle in local values",
                    detail: "The local values \(cycle.sorted().map { "local.\($0)" }.joined(separator: ", ")) refer to each other (\(chain)), so none of them has a value. Break the cycle.",
                    fileName: declaration.file, subject: declaration.attribute.nameRange, context: declaration.attribute.range))
            }
            localsInCycles.formUnion(cycle)
            return .unknown(cycle.map { evaluator.addressPrefix + "local." + $0 })
        }
        localStack.append(name)
        var value = evaluator.evaluate(declaration.attribute.expression, file: declaration.file)
        localStack.removeLast()
        if localsInCycles.contains(name) { value = .unknown([evaluator.addressPrefix + "local." + name]) }
        localValues[name] = value
        return value
    }

    // MARK: Variables

    private func checkValidations() {
        for variable in configuration.variables {
            guard let value = evaluator.context.variables[variable.name], value.isWhollyKnown else { continue }
            for validation in variable.validations {
                guard let condition = validation.condition else { continue }
                let result = evaluator.evaluate(condition, file: variable.source.file)
                guard result == .bool(false) else { continue }
                let message = validation.errorMessage.map { evaluator.evaluate($0, file: variable.source.file) }?.stringValue
                diagnostics.append(Diagnostic(severity: .error, summary: "Invalid value for variable",
                    detail: (message ?? "The value of var.\(variable.name) fails its validation.") + " The value is \(value).",
                    fileName: variable.source.file, subject: condition.range, context: validation.range))
            }
        }
    }

    // MARK: Instances

    /// The instance keys and the names they bind (`count`, `each`).
    private func expansion(count: Expression?, forEach: Expression?, file: String) -> [(InstanceKey, [String: Value])] {
        if let count {
            let value = evaluator.evaluate(count, file: file)
            switch value {
            case .unknown: return [(.unknown, ["count": .object(["index": .unknown(value.unknownReferences)])])]
            case .number(let number) where number >= 0 && number == number.rounded() && number <= Double(Self.maximumInstances):
                return (0..<Int(number)).map { (.index($0), ["count": .object(["index": .number(Double($0))])]) }
            default:
                diagnostics.append(Diagnostic(severity: .error, summary: "Invalid count argument",
                    detail: "count must be a whole number from 0 to \(Self.maximumInstances); this is \(value).", fileName: file, subject: count.range))
                return []
            }
        }
        if let forEach {
            let value = evaluator.evaluate(forEach, file: file)
            func each(_ key: String, _ element: Value) -> (InstanceKey, [String: Value]) {
                (.key(key), ["each": .object(["key": .string(key), "value": element])])
            }
            switch value {
            case .unknown:
                let unknown = Value.unknown(value.unknownReferences)
                return [(.unknown, ["each": .object(["key": unknown, "value": unknown])])]
            case .object(let members):
                return members.keys.sorted().map { each($0, members[$0]!) }
            case .set(let items) where items.allSatisfy({ $0.stringValue != nil || $0.isUnknown }):
                if items.contains(where: \.isUnknown) {
                    let unknown = Value.unknown(value.unknownReferences)
                    return [(.unknown, ["each": .object(["key": unknown, "value": unknown])])]
                }
                return items.compactMap(\.stringValue).sorted().map { each($0, .string($0)) }
            default:
                diagnostics.append(Diagnostic(severity: .error, summary: "Invalid for_each argument",
                    detail: "for_each needs a map or a set of strings; this is \(value.typeName == "list" ? "a list (wrap it in toset())" : value.description).",
                    fileName: file, subject: forEach.range))
                return []
            }
        }
        return [(.none, [:])]
    }

    private func instances(_ declaration: ResourceDeclaration) -> [ResourceInstance] {
        let file = declaration.source.file
        return expansion(count: declaration.count, forEach: declaration.forEach, file: file).map { key, bindings in
            let body = evaluateBody(declaration.source.block.body, Scope(file: file, bindings: bindings), skipping: Self.resourceMetaArguments)
            return ResourceInstance(address: evaluator.addressPrefix + declaration.localAddress + key.addressSuffix, mode: declaration.mode,
                type: declaration.type, name: declaration.name, key: key, moduleAddress: address, attributes: body, declaration: declaration, bindings: bindings)
        }
    }

    func evaluateBody(_ body: Body, _ scope: Scope, skipping: Set<String> = []) -> EvaluatedBody {
        var result = EvaluatedBody(range: body.range)
        for attribute in body.attributes where !skipping.contains(attribute.name) {
            result.attributes.append(EvaluatedAttribute(name: attribute.name, value: evaluator.evaluate(attribute.expression, scope: scope), syntax: attribute))
        }
        for block in body.blocks {
            guard block.type == "dynamic", let label = block.labels.first?.value else {
                result.blocks.append(EvaluatedBlock(type: block.type, labels: block.labelValues, body: evaluateBody(block.body, scope), range: block.range))
                continue
            }
            guard let forEach = block.body.attribute(named: "for_each")?.expression,
                  let content = block.body.firstBlock(ofType: "content") else {
                diagnostics.append(Diagnostic(severity: .error, summary: "Incomplete dynamic block",
                    detail: "A dynamic block needs a for_each argument and a content block.", fileName: scope.file, subject: block.headerRange, context: block.range))
                continue
            }
            let iterator = block.body.attribute(named: "iterator")?.expression.asTraversal?.root ?? label
            let collection = evaluator.evaluate(forEach, scope: scope)
            let pairs: [(Value, Value)]?
            do {
                pairs = try evaluator.iterationPairs(collection, range: forEach.range)
            } catch let error as EvaluationError {
                evaluator.report(error, file: scope.file)
                continue
            } catch { continue }
            guard let pairs else {
                result.unexpandedDynamicBlocks.append(UnexpandedDynamicBlock(type: label, forEach: collection, range: block.range))
                continue
            }
            for (key, element) in pairs {
                var inner = scope
                inner.bindings[iterator] = .object(["key": key, "value": element])
                let labels = (block.body.attribute(named: "labels")).map { evaluator.evaluate($0.expression, scope: inner).elements?.compactMap(\.primitiveString) ?? [] } ?? []
                result.blocks.append(EvaluatedBlock(type: label, labels: labels, body: evaluateBody(content.body, inner), range: content.range, dynamicRange: block.range))
            }
        }
        return result
    }

    // MARK: Module calls

    private func outputs(ofCall name: String) -> Value? {
        if let value = moduleOutputs[name] { return value }
        guard let call = configuration.moduleCalls.first(where: { $0.name == name }) else { return nil }
        let callAddress = evaluator.addressPrefix + "module." + name
        if modulesInProgress.contains(name) { return .unknown([callAddress]) }
        modulesInProgress.insert(name)
        defer { modulesInProgress.remove(name) }
        let value = loadCall(call, address: callAddress)
        moduleOutputs[name] = value
        return value
    }

    private func loadCall(_ call: ModuleCallDeclaration, address callAddress: String) -> Value {
        func markOpaque(_ reason: String) -> Value {
            opaque.append(OpaqueModuleCall(address: callAddress, declaration: call, reason: reason))
            return .unknown([callAddress])
        }
        guard call.isLocal, let sourceAddress = call.sourceAddress else {
            return markOpaque("Its source \(call.sourceAddress.map { "\"\($0)\"" } ?? "(not a static string)") is not a local path; remote modules are never fetched.")
        }
        guard let directory = RepositoryPath.resolve(sourceAddress, in: configuration.directory) else {
            diagnostics.append(Diagnostic(severity: .error, summary: "Module outside the repository",
                detail: "module \"\(call.name)\" has the source \"\(sourceAddress)\", which leaves the repository; only modules inside it are read, so the module was not analysed. Use a path inside the repository.",
                fileName: call.source.file, subject: call.source.block.body.attribute(named: "source")?.expression.range ?? call.source.range))
            return markOpaque("Its source \"\(sourceAddress)\" leaves the repository.")
        }
        if callStack.contains(directory) || callStack.count > loader.maximumDepth {
            diagnostics.append(Diagnostic(severity: .error, summary: "Module cycle",
                detail: "module \"\(call.name)\" loads \(directory.isEmpty ? "the root folder" : directory), which is already being loaded (\((callStack + [directory]).map { $0.isEmpty ? "." : $0 }.joined(separator: " → "))). Break the cycle.",
                fileName: call.source.file, subject: call.source.block.headerRange, context: call.source.range))
            return markOpaque("It is part of a module cycle.")
        }
        if loader.source.fileNames(in: directory).allSatisfy({ !$0.hasSuffix(".tf") && !$0.hasSuffix(".tf.json") }) {
            diagnostics.append(Diagnostic(severity: .error, summary: "Module not found",
                detail: "module \"\(call.name)\" points to \(directory), which holds no .tf or .tf.json file. Fix the source path.",
                fileName: call.source.file, subject: call.source.block.body.attribute(named: "source")?.expression.range ?? call.source.range))
            return markOpaque("Its folder \(directory) holds no configuration files.")
        }
        let body = call.source.block.body
        let keys = expansion(count: body.attribute(named: "count")?.expression, forEach: body.attribute(named: "for_each")?.expression, file: call.source.file)
        var byKey: [(InstanceKey, Value)] = []
        for (key, bindings) in keys {
            var inputs: [String: Value] = [:]
            for argument in call.arguments {
                inputs[argument.name] = evaluator.evaluate(argument.expression, scope: Scope(file: call.source.file, bindings: bindings))
            }
            let child = loader.loadChild(directory: directory, rootDirectory: evaluator.context.directory, address: callAddress + key.addressSuffix, inputs: inputs, callStack: callStack + [directory])
            children.append(child)
            byKey.append((key, .object(child.outputValues)))
        }
        switch byKey.first?.0 {
        case .none?: return byKey[0].1
        case .index?: return .list(byKey.map(\.1))
        case .key?:
            var members: [String: Value] = [:]
            for (key, value) in byKey { if case .key(let name) = key { members[name] = value } }
            return .object(members)
        case .unknown?:
            return .unknown([callAddress])
        case nil:
            return body.attribute(named: "for_each") != nil ? .object([:]) : .list([])
        }
    }
}
