import HCL
@testable import Terraform

/// Evaluates one expression written as HCL text, in a module made of `files` (optional).
func evaluate(_ text: String, files: [String: String] = [:], variables: [String: Value] = [:]) -> (value: Value, diagnostics: [Diagnostic]) {
    let source = InMemoryFileSource(files.isEmpty ? ["main.tf": ""] : files)
    let module = ModuleLoader(source: source, cache: ParsedFileCache()).loadModule(variables: variables)
    let parsed = parseExpression(Array(text.utf8), fileName: "expr.tf")
    precondition(parsed.diagnostics.isEmpty, "syntax error in test expression: \(parsed.diagnostics)")
    return module.evaluate(parsed.expression, file: "expr.tf")
}

/// The value of one expression; the caller checks diagnostics separately when it cares.
func value(_ text: String, files: [String: String] = [:]) -> Value {
    evaluate(text, files: files).value
}

/// Loads a module from in-memory files with a fresh cache.
func load(_ files: [String: String], at directory: String = "", variables: [String: Value] = [:]) -> Module {
    ModuleLoader(source: InMemoryFileSource(files), cache: ParsedFileCache()).loadModule(at: directory, variables: variables)
}

extension Value: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByFloatLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: Value...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, Value)...) { self = .object(Dictionary(uniqueKeysWithValues: elements)) }
}
