import Foundation
import HCL

/// A parsed configuration file: its body, its syntax diagnostics and its bytes.
public struct ParsedFile: Sendable {
    /// The repository-relative path.
    public var path: String
    /// The top-level body.
    public var body: Body
    /// Syntax diagnostics, naming `path`.
    public var diagnostics: [Diagnostic]
    /// The file's bytes (for `SourceRange.text(in:)`).
    public var source: [UInt8]
    /// The comments of a native-syntax file, in source order (none in JSON).
    public var comments: [Comment] = []
}

/// How a file is read.
enum FileSyntax: String, Hashable, Sendable {
    /// `.tf`, `.tfvars`: HCL native syntax.
    case native
    /// `.tf.json`: JSON with Terraform's top-level block schema.
    case configurationJSON
    /// `.tfvars.json`: JSON where every key is an attribute.
    case variablesJSON
}

/// One file of a module folder as read: how, where and which contents (what a folder's
/// declarations are kept by).
struct ConfigurationFile: Hashable, Sendable {
    /// How the file is parsed.
    var syntax: FileSyntax
    /// The repository-relative path.
    var path: String
    /// The blob id (or other content id) of its bytes.
    var contentID: String
}

/// A process-wide cache of parsed files keyed by content id, so each distinct blob is parsed once.
///
/// Thread-safe: a lock guards the dictionary. The same blob at another path is served from the
/// cache with its diagnostics renamed to that path.
public final class ParsedFileCache: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String: ParsedFile] = [:]
    private var parseCount = 0
    /// The declarations of module folders, by directory and then by the syntax, path and
    /// content id of each of their files.
    private var configurations: [String: [[ConfigurationFile]: ModuleConfiguration]] = [:]

    /// The cache shared by every loader that is not given its own.
    public static let shared = ParsedFileCache()

    /// Creates an empty cache.
    public init() {}

    /// How many files were actually parsed (not served from the cache).
    public var parsedFileCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return parseCount
    }

    func parsed(_ file: SourceFile, path: String, syntax: FileSyntax) -> ParsedFile {
        let key = syntax.rawValue + ":" + file.contentID
        lock.lock()
        let cached = entries[key]
        lock.unlock()
        if var cached {
            if cached.path != path {
                cached.path = path
                cached.diagnostics = cached.diagnostics.map { var diagnostic = $0; diagnostic.fileName = path; return diagnostic }
            }
            return cached
        }
        let parsed = Self.parse(file.bytes, path: path, syntax: syntax)
        lock.lock()
        if entries[key] == nil {
            entries[key] = parsed
            parseCount += 1
        }
        lock.unlock()
        return parsed
    }

    /// The declarations read before from `directory` when it held `files` (in order), if any.
    func configuration(of directory: String, files: [ConfigurationFile]) -> ModuleConfiguration? {
        lock.lock()
        defer { lock.unlock() }
        return configurations[directory]?[files]
    }

    /// Keeps `configuration`, read from files described as `files`, for the next reader of the
    /// same files (the first one kept stays).
    func keep(_ configuration: ModuleConfiguration, files: [ConfigurationFile]) {
        lock.lock()
        defer { lock.unlock() }
        if configurations[configuration.directory]?[files] == nil { configurations[configuration.directory, default: [:]][files] = configuration }
    }

    /// The largest file stackreview parses (10 MiB): a larger one is one problem, so a review's
    /// time and memory stay bounded whatever a repository holds.
    public static let maximumFileSize = 10 * 1024 * 1024

    static func parse(_ bytes: [UInt8], path: String, syntax: FileSyntax) -> ParsedFile {
        if bytes.count > maximumFileSize {
            let position = SourcePosition(line: 1, column: 1, byte: 0)
            return ParsedFile(path: path, body: Body(range: SourceRange(at: position)), diagnostics: [Diagnostic(
                severity: .error, summary: "File too large",
                detail: "The file is \(ParsedFileCache.mebibytes(bytes.count)), more than the \(ParsedFileCache.mebibytes(maximumFileSize)) stackreview reads; it was not analysed. Split it into smaller files.",
                fileName: path, subject: SourceRange(at: position))], source: [])
        }
        // Git's own test for binary content: a NUL byte in the first 8,000 bytes. Such a file is
        // one problem, not one syntax error per line of garbage.
        if let nul = bytes.prefix(8_000).firstIndex(of: 0) {
            let line = bytes[..<nul].reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
            let position = SourcePosition(line: line, column: 1, byte: 0)
            return ParsedFile(path: path, body: Body(range: SourceRange(at: position)), diagnostics: [Diagnostic(
                severity: .error, summary: "Binary file",
                detail: "The file holds a NUL byte (line \(line)), so it is binary or not UTF-8 text; it was not read as Terraform. Remove it or save it as UTF-8 text.",
                fileName: path, subject: SourceRange(at: position))], source: bytes)
        }
        switch syntax {
        case .native:
            let result = HCL.parse(bytes, fileName: path)
            return ParsedFile(path: path, body: result.body, diagnostics: result.diagnostics, source: bytes, comments: result.comments)
        case .configurationJSON:
            let (body, diagnostics) = parseJSON(bytes, fileName: path).body(schema: configurationSchema)
            return ParsedFile(path: path, body: body, diagnostics: diagnostics, source: bytes)
        case .variablesJSON:
            let (body, diagnostics) = parseJSON(bytes, fileName: path).body(schema: BlockSchema())
            return ParsedFile(path: path, body: body, diagnostics: diagnostics, source: bytes)
        }
    }

    /// Terraform's top-level schema for `.tf.json` files.
    ///
    /// Resource, data, provider and module bodies have no block schema: their nested JSON objects
    /// are read as attribute values (object or list-of-object values), because only the provider's
    /// schema could tell a nested block from a map attribute. Path queries on the evaluated
    /// attributes descend into those values, so `tracing_config.mode` works in both syntaxes.
    static let configurationSchema = BlockSchema(blocks: [
        "resource": BlockTypeSchema(labelCount: 2),
        "data": BlockTypeSchema(labelCount: 2),
        "variable": BlockTypeSchema(labelCount: 1, body: BlockSchema(blocks: ["validation": BlockTypeSchema(labelCount: 0)])),
        "output": BlockTypeSchema(labelCount: 1),
        "module": BlockTypeSchema(labelCount: 1),
        "provider": BlockTypeSchema(labelCount: 1),
        "locals": BlockTypeSchema(labelCount: 0),
        "moved": BlockTypeSchema(labelCount: 0),
        "terraform": BlockTypeSchema(labelCount: 0, body: BlockSchema(blocks: [
            "required_providers": BlockTypeSchema(labelCount: 0),
            "backend": BlockTypeSchema(labelCount: 1),
        ])),
    ])
}

extension ParsedFileCache {
    /// `52.4 MiB`: a size for a message.
    public static func mebibytes(_ bytes: Int) -> String {
        let tenths = (bytes * 10 + 512 * 1024) / (1024 * 1024)
        return "\(tenths / 10).\(tenths % 10) MiB"
    }
}
