import Foundation
@testable import Python

/// Dumps trees as one line per node (`Kind line:col` or `Kind -`), in preorder, in the same
/// format as `cpythonDumpScript` prints for CPython's `ast`.
///
/// The literal parts of f-strings (Constant and FormattedValue directly inside a JoinedStr, and
/// format-spec JoinedStrs) print `-`: CPython 3.11 gives them the whole string's position,
/// while this parser gives each part its own. Their kinds are still compared.
enum TreeDump {
    static func lines(_ file: SourceFile) -> [String] {
        var output: [String] = []
        visit(.module(file.module), isStringPart: false, into: &output)
        return output
    }

    private static func visit(_ node: SyntaxNode, isStringPart: Bool, into output: inout [String]) {
        if isStringPart || !node.hasCPythonPosition {
            output.append("\(node.kindName) -")
        } else {
            output.append("\(node.kindName) \(node.range.start.line):\(node.range.start.column)")
        }
        var partsOf = false
        var specOf: Python.Expression?
        if case .expression(let expression) = node {
            if case .joinedStr = expression.kind { partsOf = true }
            if case .formattedValue(_, _, let spec) = expression.kind { specOf = spec }
        }
        for child in node.children {
            var part = false
            if case .expression(let expression) = child {
                if partsOf {
                    switch expression.kind {
                    case .constant, .formattedValue: part = true
                    default: break
                    }
                }
                if let specOf, specOf == expression { part = true }
            }
            visit(child, isStringPart: part, into: &output)
        }
    }

    static let cpythonDumpScript = """
    import ast, sys
    tree = ast.parse(open(sys.argv[1], 'rb').read())
    skip = (ast.expr_context, ast.operator, ast.boolop, ast.unaryop, ast.cmpop)
    out = []
    def visit(node, part):
        name = type(node).__name__
        if part or not hasattr(node, 'lineno'):
            out.append(name + ' -')
        else:
            out.append('%s %d:%d' % (name, node.lineno, node.col_offset))
        for child in ast.iter_child_nodes(node):
            if isinstance(child, skip):
                continue
            inner = (isinstance(node, ast.JoinedStr) and isinstance(child, (ast.Constant, ast.FormattedValue))) \\
                or (isinstance(node, ast.FormattedValue) and child is node.format_spec)
            visit(child, inner)
    visit(tree, False)
    sys.stdout.write('\\n'.join(out) + '\\n')
    """

    /// The path of python3, if installed.
    static let python3: String? = {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/usr/local/bin").split(separator: ":") {
            let path = "\(directory)/python3"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }()

    /// Runs CPython's `ast` over a file and returns its dump lines.
    static func cpythonLines(file: URL) throws -> [String] {
        let script = FileManager.default.temporaryDirectory
            .appendingPathComponent("stackreview-ast-dump-\(ProcessInfo.processInfo.processIdentifier).py")
        try cpythonDumpScript.write(to: script, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python3 ?? "/usr/bin/python3")
        process.arguments = [script.path, file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    /// The handler corpus shared with the fuzzer.
    static var corpusDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fuzz/python/corpus")
    }

    static var corpusFiles: [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: corpusDirectory.path)) ?? []
        return names.filter { $0.hasSuffix(".py") }.sorted().map { corpusDirectory.appendingPathComponent($0) }
    }
}
