import HCL

/// The names an expression can refer to in one module instance, once they are known.
///
/// `Module.context` gives the context a loaded module was evaluated in, so a rule can evaluate
/// any other expression of that module the same way.
public struct EvaluationContext: Sendable {
    /// Input variable values, by name (unset variables are unknown values `var.NAME`).
    public var variables: [String: Value] = [:]
    /// Local values, by name.
    public var locals: [String: Value] = [:]
    /// Outputs of child module calls, by call name (an object of outputs, or unknown).
    public var moduleOutputs: [String: Value] = [:]
    /// `path.module`: the module's directory relative to the repository root (`.` for the root).
    public var pathModule: String = "."
    /// `path.root`: the root module's directory (`.`).
    public var pathRoot: String = "."
    /// The root module's repository-relative directory: relative paths given to `file()` and
    /// `templatefile()` start there, as they start in Terraform's working directory.
    public var directory: String = ""
    /// Where `file()` and `templatefile()` read from; nil makes them unknown.
    public var fileSource: (any ModuleFileSource)?

    /// Creates a context.
    public init(variables: [String: Value] = [:], locals: [String: Value] = [:], moduleOutputs: [String: Value] = [:],
                pathModule: String = ".", pathRoot: String = ".", directory: String = "", fileSource: (any ModuleFileSource)? = nil) {
        self.variables = variables
        self.locals = locals
        self.moduleOutputs = moduleOutputs
        self.pathModule = pathModule
        self.pathRoot = pathRoot
        self.directory = directory
        self.fileSource = fileSource
    }
}

/// Why an expression could not be evaluated; becomes a diagnostic and an unknown value.
struct EvaluationError: Error {
    var summary: String
    var detail: String
    var range: SourceRange
}

/// Names bound while evaluating one expression: iterators, `count`, `each`, the splat element.
struct Scope {
    /// The file the expression is in (for diagnostics).
    var file: String
    /// Names bound by `for`, `dynamic`, `count` (`count`), `for_each` (`each`), `templatefile`.
    var bindings: [String: Value] = [:]
    /// The current element inside a splat's per-element expression.
    var splatElement: Value?
    /// True inside `templatefile`: only `bindings` are visible.
    var bindingsOnly = false
}
