import Python

/// A Python handler file, parsed, with the functions Lambda calls in it.
public struct HandlerFile: Sendable {
    /// The repository path (`lambda/handler.py`).
    public var path: String
    /// The parsed source.
    public let source: Python.SourceFile
    /// Local names bound by the file's imports (at any depth, in source order, the last binding
    /// winning), to the dotted names they stand for: computed with the parse, as every handler
    /// check's `PythonScope` starts from them.
    public let imports: [String: String]
    /// The names of the module-level functions Lambda invokes: named by an
    /// `aws_lambda_function`'s `handler`, or shaped `(event, context)` in a file matching the
    /// configured handler globs.
    public var entryPoints: Set<String>
    /// What the handler checks work out about the file as a whole, shared by its subjects.
    let facts = HandlerFileFacts()
    /// The blob id of the bytes, when read from a revision.
    let contentID: String?

    /// Parses `bytes` read from `path`.
    public init(path: String, bytes: [UInt8], entryPoints: Set<String>) {
        self.init(path: path, parsed: ParsedPythonFile(bytes: bytes), contentID: nil, entryPoints: entryPoints)
    }

    /// The file at `path` (of blob id `contentID`), parsed already.
    init(path: String, parsed: ParsedPythonFile, contentID: String?, entryPoints: Set<String>) {
        self.path = path
        source = parsed.source
        imports = parsed.imports
        self.contentID = contentID
        self.entryPoints = entryPoints
    }

    /// The module-level functions shaped like a Lambda handler: two positional parameters
    /// named `event` and `context` (or `_context`, `_`).
    public var conventionalEntryPoints: Set<String> {
        Set(source.topLevelFunctions.filter { function in
            let names = function.function.args.posonlyargs.map(\.name) + function.function.args.args.map(\.name)
            return names.count == 2 && names[0] == "event" && ["context", "_context", "_", "ctx", "lambda_context"].contains(names[1])
        }.map(\.name))
    }

    /// The addresses of `subjects`, in the same order, without making the subjects.
    var subjectAddresses: [String] {
        [path] + source.topLevelFunctions.map { path + "::" + $0.name }
    }

    /// The subjects handler rules run on: every module-level function (`path::name`), and the
    /// file itself (`path`) for module-level code.
    public var subjects: [HandlerSubject] {
        var subjects = [HandlerSubject(file: self, function: nil)]
        for function in source.topLevelFunctions {
            subjects.append(HandlerSubject(file: self, function: function))
        }
        return subjects
    }
}

/// What handler rules (`applies_to: [python_handler]`) run on: one module-level function of a
/// handler file, or the file's module-level code.
public struct HandlerSubject: Sendable {
    /// The subject type rules name in `applies_to`.
    public static let type = "python_handler"

    /// The file.
    public var file: HandlerFile {
        didSet { facts = HandlerSubjectFacts() }
    }
    /// The function, or nil for the file's module-level code.
    public var function: DefinedFunction? {
        didSet { facts = HandlerSubjectFacts() }
    }
    /// What the checks work out about this subject, shared by every check (a new subject, or
    /// a changed `file` or `function`, starts afresh).
    private var facts = HandlerSubjectFacts()

    /// The subject's scope, built once and shared by every check.
    var scope: PythonScope { facts.walk(of: self).scope }

    /// The calls in the subject's scope with their qualified names, found once and shared by
    /// every check.
    var calls: [ResolvedCall] { facts.walk(of: self).calls }

    /// What one walk of the subject's statements found, shared by every check.
    var walk: HandlerSubjectFacts.Walk { facts.walk(of: self) }

    /// Creates a subject.
    public init(file: HandlerFile, function: DefinedFunction?) {
        self.file = file
        self.function = function
    }

    /// `lambda/handler.py::lambda_handler`, or the file's path for module-level code.
    public var address: String {
        function.map { file.path + "::" + $0.name } ?? file.path
    }

    /// Whether Lambda invokes this function.
    public var isEntryPoint: Bool {
        function.map { file.entryPoints.contains($0.name) } ?? false
    }

    /// The function's statement, or the whole file.
    public var range: Python.SourceRange {
        function?.range ?? file.source.module.range
    }

    /// Where findings about the subject as a whole go: the function's name, or the file's start.
    public var headerRange: Python.SourceRange {
        function?.function.nameRange ?? Python.SourceRange(1, 0, 0, 1, 0, 0)
    }

    /// The statements this subject owns: the function's body, or the module-level statements
    /// other than function definitions (class bodies included).
    public var statements: [Statement] {
        if let function { return function.function.body }
        return file.source.module.body.filter { statement in
            if case .functionDef = statement.kind { return false }
            return true
        }
    }

    /// A span in the subject's file (Python's 0-based columns become 1-based).
    public func span(_ range: Python.SourceRange) -> SourceSpan {
        SourceSpan(
            file: file.path,
            start: SourceSpan.Position(line: range.start.line, column: range.start.column + 1, offset: range.start.offset),
            end: SourceSpan.Position(line: range.end.line, column: range.end.column + 1, offset: range.end.offset))
    }

    /// The source text of `range`.
    public func text(_ range: Python.SourceRange) -> String {
        file.source.text(of: range)
    }
}
