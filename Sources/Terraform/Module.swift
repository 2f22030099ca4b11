import HCL

/// One loaded and evaluated module instance: its declarations, values, resource instances and
/// child modules.
public struct Module: Sendable {
    /// The module instance's address: `""` for the root, `module.net`, `module.net.module.sub`,
    /// `module.app[0]`.
    public var address: String
    /// The declarations, as read from the module's files.
    public var configuration: ModuleConfiguration
    /// Syntax, structural and evaluation diagnostics of this module (not its children).
    public var diagnostics: [Diagnostic]
    /// The context the module was evaluated in (variables, locals, module outputs, paths).
    public var context: EvaluationContext
    /// Output values, by name.
    public var outputValues: [String: Value]
    /// Managed resource instances, in declaration order, instances in key order.
    public var resourceInstances: [ResourceInstance]
    /// Data source instances.
    public var dataSourceInstances: [ResourceInstance]
    /// Provider blocks with evaluated attributes.
    public var providerConfigurations: [ProviderConfiguration]
    /// Loaded local child modules (one per instance of a call with `count`/`for_each`).
    public var childModules: [Module]
    /// Module calls that were not loaded (remote sources, cycles, missing folders).
    public var opaqueModuleCalls: [OpaqueModuleCall]

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
