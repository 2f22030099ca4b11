import HCL
import Terraform

/// What an `aws_lambda_function`'s `handler` attribute names: a function in a Python file of
/// the function's package.
///
/// `app.handler` names `handler` in `app.py` at the package root; `pkg/mod.fn` and
/// `pkg.mod.fn` name `fn` in `pkg/mod.py`. The package root is the `archive_file`'s
/// `source_dir`, or the folder of its `source_file` (whose name must then match).
struct LambdaHandlerReference: Sendable, Hashable {
    /// The function's address.
    var address: String
    /// The repository path of the Python file named.
    var path: String
    /// The function named.
    var functionName: String
    /// The `handler` attribute's value, where findings about the reference go.
    var range: SourceRange
    /// The `handler` attribute as written.
    var handler: String

    /// The reference of `function`, or nil when it is not a Python function with a known
    /// handler and package.
    static func resolve(_ function: Subject, in context: CheckContext) -> LambdaHandlerReference? {
        guard function.type == "aws_lambda_function", isPython(function) else { return nil }
        guard let match = function.body.value(at: "handler"), let handler = match.value.stringValue else { return nil }
        guard let dot = handler.lastIndex(of: "."), dot != handler.startIndex else { return nil }
        let functionName = String(handler[handler.index(after: dot)...])
        var module = String(handler[..<dot])
        if !module.contains("/") { module = module.replacingDots() }
        let package = context.handlerCode.package(of: function, in: context)
        let root: String
        if let folder = package.folders.first {
            root = folder
        } else if let file = package.files.first(where: { $0.hasSuffix(".py") }) {
            root = RepositoryPaths.directory(of: file)
        } else {
            return nil
        }
        let path = (root.isEmpty ? "" : root + "/") + module + ".py"
        return LambdaHandlerReference(address: function.address, path: path, functionName: functionName, range: match.range, handler: handler)
    }

    /// Whether the function runs Python: `runtime` is `python…` or not known before apply.
    static func isPython(_ function: Subject) -> Bool {
        guard let runtime = function.body.value(at: "runtime")?.value else { return false }
        if runtime.isUnknown { return true }
        return runtime.stringValue?.hasPrefix("python") ?? false
    }

    /// The entry points Terraform names in the modules of `contexts`, by file path.
    static func entryPoints(in contexts: [CheckContext]) -> [String: Set<String>] {
        var result: [String: Set<String>] = [:]
        for context in contexts {
            for subject in context.subjectList where subject.type == "aws_lambda_function" {
                if let reference = resolve(subject, in: context) { result[reference.path, default: []].insert(reference.functionName) }
            }
        }
        return result
    }

    /// Whether some Lambda function of `contexts` packages the file at `path`.
    static func isPackaged(_ path: String, in contexts: [CheckContext]) -> Bool {
        contexts.contains { context in
            context.subjectList.contains { $0.type == "aws_lambda_function" && context.handlerCode.package(of: $0, in: context).contains(path) }
        }
    }
}

extension String {
    fileprivate func replacingDots() -> String {
        String(map { $0 == "." ? "/" : $0 })
    }
}
