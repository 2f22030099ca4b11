import Python
import Terraform
import Threading

/// A Python file parsed, with the names its imports bind: what the Terraform cross-checks
/// (`HandlerCodeFacts`) and the handler rules (`HandlerFile`) both start from.
///
/// Reviewing everything, each handler file is wanted by both; `parsed(_:)` parses each distinct
/// contents once per process.
struct ParsedPythonFile: Sendable {
    /// The parsed source.
    let source: Python.SourceFile
    /// Local names bound by the file's imports (at any depth, in source order, the last binding
    /// winning), to the dotted names they stand for.
    let imports: [String: String]

    /// Parses `bytes`.
    init(bytes: [UInt8]) {
        source = Python.SourceFile(bytes: bytes)
        var imports: [String: String] = [:]
        for statement in source.module.body { PythonScope.collectImports(statement, into: &imports) }
        self.imports = imports
    }

    /// Every file parsed by `parsed(_:)` so far, by content id.
    private static let byContentID = Locked<[String: ParsedPythonFile]>([:])

    /// `file` parsed, from the files parsed before when one had its content id and bytes.
    static func parsed(_ file: Terraform.SourceFile) -> ParsedPythonFile {
        if let known = byContentID.withLock({ $0[file.contentID] }), known.source.bytes == file.bytes { return known }
        let parsed = ParsedPythonFile(bytes: file.bytes)
        byContentID.withLock { $0[file.contentID] = parsed }
        return parsed
    }
}
