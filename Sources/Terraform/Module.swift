import HCL

/// One loaded and evaluated module instance: its declarations, values, resource instances and
/// child modules.
public struct Module: Sendable {
    /// The stored properties of a module.
    private struct Parts: Sendable {
        var address: String
        var configuration: ModuleConfiguration
        var diagnostics: [Diagnostic]
        var context: EvaluationContext
        var outputValues: [String: Value]
        var resourceInstances: [ResourceInstance]
        var dataSourceInstances: [ResourceInstance]
        var providerConfigurations: [ProviderConfiguration]
        var childModules: [Module]
        var opaqueModuleCalls: [OpaqueModuleCall]
    }

    /// The parts, immutable and shared by every copy of the module: copying a module costs one
    /// reference count rather than one per property (module trees are copied often: `allModules`,
    /// lookups by address). A setter gives its module new parts.
    private final class Box: Sendable {
        let parts: Parts

        init(_ parts: Parts) {
            self.parts = parts
        }
    }

    private var box: Box

    /// The module instance's address: `""` for the root, `module.net`, `module.net.module.sub`,
    /// `module.app[0]`.
    public var address: String {
        get { box.parts.address }
        set { replace(\.address, with: newValue) }
    }
    /// The declarations, as read from the module's files.
    public var configuration: ModuleConfiguration {
        get { box.parts.configuration }
        set { replace(\.configuration, with: newValue) }
    }
    /// Syntax, structural and evaluation diagnostics of this module (not its children).
    public var diagnostics: [Diagnostic] {
        get { box.parts.diagnostics }
        set { replace(\.diagnostics, with: newValue) }
    }
    /// The context the module was evaluated in (variables, locals, module outputs, paths).
    public var context: EvaluationContext {
        get { box.parts.context }
        set { replace(\.context, with: newValue) }
    }
    /// Output values, by name.
    public var outputValues: [String: Value] {
        get { box.parts.outputValues }
        set { replace(\.outputValues, with: newValue) }
    }
    /// Managed resource instances, in declaration order, instances in key order.
    public var resourceInstances: [ResourceInstance] {
        get { box.parts.resourceInstances }
        set { replace(\.resourceInstances, with: newValue) }
    }
    /// Data source instances.
    public var dataSourceInstances: [ResourceInstance] {
        get { box.parts.dataSourceInstances }
        set { replace(\.dataSourceInstances, with: newValue) }
    }
    /// Provider blocks with evaluated attributes.
    public var providerConfigurations: [ProviderConfiguration] {
        get { box.parts.providerConfigurations }
        set { replace(\.providerConfigurations, with: newValue) }
    }
    /// Loaded local child modules (one per instance of a call with `count`/`for_each`).
    public var childModules: [Module] {
        get { box.parts.childModules }
        set { replace(\.childModules, with: newValue) }
    }
    /// Module calls that were not loaded (remote sources, cycles, missing folders).
    public var opaqueModuleCalls: [OpaqueModuleCall] {
        get { box.parts.opaqueModuleCalls }
        set { replace(\.opaqueModuleCalls, with: newValue) }
    }

    /// Creates a module from its parts.
    init(
        address: String, configuration: ModuleConfiguration, diagnostics: [Diagnostic], context: EvaluationContext,
        outputValues: [String: Value], resourceInstances: [ResourceInstance], dataSourceInstances: [ResourceInstance],
        providerConfigurations: [ProviderConfiguration], childModules: [Module], opaqueModuleCalls: [OpaqueModuleCall]
    ) {
        box = Box(Parts(
            address: address, configuration: configuration, diagnostics: diagnostics, context: context,
            outputValues: outputValues, resourceInstances: resourceInstances, dataSourceInstances: dataSourceInstances,
            providerConfigurations: providerConfigurations, childModules: childModules, opaqueModuleCalls: opaqueModuleCalls))
    }

    /// Gives this module new parts, with `part` set to `value` (other copies keep theirs).
    private mutating func replace<Part>(_ part: WritableKeyPath<Parts, Part>, with value: Part) {
        var parts = box.parts
        parts[keyPath: part] = value
        box = Box(parts)
    }

    /// The module's repository-relative directory.
    public var directory: String { configuration.directory }
    /// `resource` declarations.
    public var resources: [ResourceDeclaration] { configuration.resources }
    /// `data` declarations.
    public var dataSources: [ResourceDeclaration] { configuration.dataSources }
    /// `variable` declarations.
    public var variables: [VariableDeclaration] { configuration.variables }
    /// Local value declarations.
    public var locals: [LocalDeclaration] { configuration.locals }
    /// `output` declarations.
    public var outputs: [OutputDeclaration] { configuration.outputs }
    /// `provider` declarations.
    public var providers: [ProviderDeclaration] { configuration.providers }
    /// `module` declarations.
    public var moduleCalls: [ModuleCallDeclaration] { configuration.moduleCalls }
    /// `moved` declarations.
    public var moved: [MovedDeclaration] { configuration.moved }
    /// `terraform` blocks.
    public var terraformSettings: [TerraformSettings] { configuration.terraformSettings }
    /// Input variable values, by name.
    public var variableValues: [String: Value] { context.variables }
    /// Local values, by name.
    public var localValues: [String: Value] { context.locals }

    /// This module and every descendant, depth first.
    public var allModules: [Module] { [self] + childModules.flatMap(\.allModules) }

    /// Every managed resource instance of this module and its descendants.
    public var allResourceInstances: [ResourceInstance] { allModules.flatMap(\.resourceInstances) }

    /// Every data source instance of this module and its descendants.
    public var allDataSourceInstances: [ResourceInstance] { allModules.flatMap(\.dataSourceInstances) }

    /// Every diagnostic of this module and its descendants.
    public var allDiagnostics: [Diagnostic] { allModules.flatMap(\.diagnostics) }

    /// The resource or data source instance with this full address, in this module or below.
    public func instance(at address: String) -> ResourceInstance? {
        for module in allModules {
            if let found = (module.resourceInstances + module.dataSourceInstances).first(where: { $0.address == address }) { return found }
        }
        return nil
    }

    /// The resource instances of type `type`, in this module and below.
    public func resourceInstances(ofType type: String) -> [ResourceInstance] {
        allResourceInstances.filter { $0.type == type }
    }

    /// Evaluates any expression of this module's files in the module's context.
    public func evaluate(_ expression: Expression, file: String, bindings: [String: Value] = [:]) -> (value: Value, diagnostics: [Diagnostic]) {
        let evaluator = Evaluator(context: context)
        evaluator.addressPrefix = address.isEmpty ? "" : address + "."
        let value = evaluator.evaluate(expression, file: file, bindings: bindings)
        return (value, evaluator.diagnostics)
    }
}
