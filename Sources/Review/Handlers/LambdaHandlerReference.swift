import HCL
import Terraform
import Threading

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
        // Each module tree's functions are resolved on every core, then gathered.
        let references = ParallelMap.map(contexts) { context in context.handlerCode.lambdaReferences(in: context) }
        var result: [String: Set<String>] = [:]
        for reference in references.joined() { result[reference.path, default: []].insert(reference.functionName) }
        return result
    }

    /// The files and folders every Lambda function of `contexts` packages, gathered once so
    /// that asking about many files costs one pass over the modules, not one per file.
    static func packagedPaths(in contexts: [CheckContext]) -> PackagedPaths {
        let packages = ParallelMap.map(contexts) { context in context.handlerCode.lambdaPackages(in: context) }
        var paths = PackagedPaths()
        for package in packages.joined() {
            paths.files.formUnion(package.files)
            paths.folders.formUnion(package.folders)
        }
        return paths
    }

    /// The repository paths Lambda packages hold: single files, and folders whose files all count.
    struct PackagedPaths {
        var files: Set<String> = []
        var folders: Set<String> = []

        /// Whether some package holds the file at `path`: the file itself, or a folder above it
        /// (the repository's root, `""`, holds everything).
        func contains(_ path: String) -> Bool {
            if files.contains(path) || folders.contains("") { return true }
            var end = path.utf8.startIndex
            while let slash = path.utf8[end...].firstIndex(of: UInt8(ascii: "/")) {
                if folders.contains(String(path[..<slash])) { return true }
                end = path.utf8.index(after: slash)
            }
            return false
        }
    }
}

extension String {
    fileprivate func replacingDots() -> String {
        String(map { $0 == "." ? "/" : $0 })
    }
}
