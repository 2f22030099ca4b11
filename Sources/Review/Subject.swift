import HCL
import Terraform

/// Something rules are run on: a resource instance, a data source, a variable, a local value,
/// an output, a provider, a `terraform` block or a module call. Python handler code is reviewed through
/// `HandlerSubject` (`applies_to: [python_handler]`) instead.
public struct Subject: Sendable {
    /// What kind of thing the subject is.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// A managed resource instance.
        case resource
        /// A data source instance.
        case dataSource
        /// A `variable` block.
        case variable
        /// One named value of a `locals` block (`local.NAME`). Only rules that name `local` in
        /// `applies_to` judge it: `*` does not match locals.
        case local
        /// An `output` block.
        case output
        /// A `provider` block.
        case provider
        /// A `terraform` block.
        case terraformSettings
        /// A `module` call.
        case moduleCall
    }

    /// The stored properties of a subject.
    private struct Parts: Sendable {
        var kind: Kind
        var type: String
        var address: String
        var directory: String
        var file: String
        var range: SourceRange
        var headerRange: SourceRange
        var body: EvaluatedBody
        var instance: ResourceInstance?
        var graphNode: String
    }

    /// The parts, immutable and shared by every copy of the subject: copying a subject (into
    /// the context's lists and tables, into every check) costs one reference count rather than a
    /// copy of every property. A setter gives its subject new parts.
    private final class Box: Sendable {
        let parts: Parts

        init(_ parts: Parts) {
            self.parts = parts
        }
    }

    private var box: Box

    /// The kind.
    public var kind: Kind {
        get { box.parts.kind }
        set { replace(\.kind, with: newValue) }
    }
    /// What `applies_to` matches: the resource type (`aws_lambda_function`), `data.<type>`,
    /// or `variable`, `local`, `output`, `provider`, `terraform`, `module`.
    public var type: String {
        get { box.parts.type }
        set { replace(\.type, with: newValue) }
    }
    /// The address: `aws_lambda_function.api`, `module.net.aws_vpc.main[0]`, `var.region`,
    /// `local.prefix`, `output.url`, `provider.aws`, `terraform`, `module.net`.
    public var address: String {
        get { box.parts.address }
        set { replace(\.address, with: newValue) }
    }
    /// The root module's directory (repository-relative; `""` for the top level).
    public var directory: String {
        get { box.parts.directory }
        set { replace(\.directory, with: newValue) }
    }
    /// The file the block is in.
    public var file: String {
        get { box.parts.file }
        set { replace(\.file, with: newValue) }
    }
    /// The whole block (for a local, its attribute: name to end of value).
    public var range: SourceRange {
        get { box.parts.range }
        set { replace(\.range, with: newValue) }
    }
    /// The block's type keyword (for a local, its name): where a finding about the block as a
    /// whole is reported.
    public var headerRange: SourceRange {
        get { box.parts.headerRange }
        set { replace(\.headerRange, with: newValue) }
    }
    /// The evaluated body (empty for a local).
    public var body: EvaluatedBody {
        get { box.parts.body }
        set { replace(\.body, with: newValue) }
    }
    /// The resource instance, for resources and data sources.
    public var instance: ResourceInstance? {
        get { box.parts.instance }
        set { replace(\.instance, with: newValue) }
    }
    /// The static address used in the reference graph (instance keys dropped).
    public var graphNode: String {
        get { box.parts.graphNode }
        set { replace(\.graphNode, with: newValue) }
    }

    /// Creates a subject from its parts.
    init(
        kind: Kind, type: String, address: String, directory: String, file: String, range: SourceRange,
        headerRange: SourceRange, body: EvaluatedBody, instance: ResourceInstance?, graphNode: String
    ) {
        box = Box(Parts(
            kind: kind, type: type, address: address, directory: directory, file: file, range: range,
            headerRange: headerRange, body: body, instance: instance, graphNode: graphNode))
    }

    /// Gives this subject new parts, with `part` set to `value` (other copies keep theirs).
    private mutating func replace<Part>(_ part: WritableKeyPath<Parts, Part>, with value: Part) {
        var parts = box.parts
        parts[keyPath: part] = value
        box = Box(parts)
    }

    /// A span in this subject's file.
    public func span(_ range: SourceRange) -> SourceSpan {
        SourceSpan(file: file, start: SourceSpan.Position(range.start), end: SourceSpan.Position(range.end))
    }
}

extension SourceSpan.Position {
    /// The position of an HCL source position.
    public init(_ position: SourcePosition) {
        self.init(line: position.line, column: position.column, offset: position.byte)
    }
}

extension Module {
    /// Every subject of this module and its loaded child modules.
    public func subjects(directory: String) -> [Subject] {
        let modules = allModules
        var subjects: [Subject] = []
        for instance in modules.flatMap(\.resourceInstances) + modules.flatMap(\.dataSourceInstances) {
            let declaration = instance.declaration, block = declaration.source.block
            let isData = instance.mode == .data
            subjects.append(Subject(
                kind: isData ? .dataSource : .resource, type: isData ? "data." + instance.type : instance.type,
                address: instance.address, directory: directory, file: declaration.source.file, range: block.range,
                headerRange: block.typeRange, body: instance.attributes, instance: instance,
                graphNode: instance.resourceAddress))
        }
        for module in modules {
            let prefix = module.address.isEmpty ? "" : module.address + "."
            // One evaluator evaluates every block of the module.
            let evaluator = module.bodyEvaluator()
            func blockSubject(_ kind: Subject.Kind, _ type: String, _ address: String, _ source: DeclarationSource) -> Subject {
                module.blockSubject(kind, type, address, source, directory, evaluator: evaluator)
            }
            for variable in module.variables {
                subjects.append(blockSubject(.variable, "variable", prefix + "var." + variable.name, variable.source))
            }
            for local in module.locals {
                let attribute = local.attribute, address = prefix + "local." + local.name
                subjects.append(Subject(
                    kind: .local, type: "local", address: address, directory: directory, file: local.file, range: attribute.range,
                    headerRange: attribute.nameRange, body: EvaluatedBody(range: attribute.range), instance: nil,
                    graphNode: ReferenceGraph.staticNode(address)))
            }
            for output in module.outputs {
                subjects.append(blockSubject(.output, "output", prefix + "output." + output.name, output.source))
            }
            for provider in module.providers {
                subjects.append(blockSubject(.provider, "provider", prefix + "provider." + provider.reference, provider.source))
            }
            for (index, settings) in module.terraformSettings.enumerated() {
                let address = prefix + (index == 0 ? "terraform" : "terraform[\(index)]")
                subjects.append(blockSubject(.terraformSettings, "terraform", address, settings.source))
            }
            for call in module.moduleCalls {
                subjects.append(blockSubject(.moduleCall, "module", prefix + "module." + call.name, call.source))
            }
        }
        return subjects
    }

    /// The subject of a block of this module, its body evaluated by `evaluator` (from `bodyEvaluator()`).
    func blockSubject(
        _ kind: Subject.Kind, _ type: String, _ address: String, _ source: DeclarationSource, _ directory: String, evaluator: Evaluator
    ) -> Subject {
        let block = source.block
        return Subject(
            kind: kind, type: type, address: address, directory: directory, file: source.file, range: block.range,
            headerRange: block.typeRange, body: evaluatedBody(of: block.body, file: source.file, evaluator: evaluator), instance: nil,
            graphNode: ReferenceGraph.staticNode(address))
    }
}
