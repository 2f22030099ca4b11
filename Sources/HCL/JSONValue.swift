internal import Threading

/// A JSON value with the source range of every node, as read by `parseJSON`.
public struct JSONValue: Hashable, Sendable {
    /// What the value is.
    public var kind: JSONValueKind
    /// The value's span, including quotes, brackets and braces.
    public var range: SourceRange

    /// Creates a value.
    public init(_ kind: JSONValueKind, range: SourceRange) {
        self.kind = kind
        self.range = range
    }

    /// The members when the value is an object, else nil.
    public var members: [JSONMember]? {
        if case .object(let members) = kind { return members }
        return nil
    }

    /// The first member named `name` when the value is an object.
    public subscript(member name: String) -> JSONValue? {
        members?.first { $0.name == name }?.value
    }
}

/// The kinds of JSON value.
public indirect enum JSONValueKind: Hashable, Sendable {
    /// `{ "name": value, ... }`; members in source order, duplicates kept.
    case object([JSONMember])
    /// `[ value, ... ]`
    case array([JSONValue])
    /// A string, with escapes decoded.
    case string(String)
    /// A number; `text` is the number as written (exact for big integers).
    case number(Double, text: String)
    /// `true` or `false`.
    case bool(Bool)
    /// `null`
    case null
}

/// One `"name": value` member of a JSON object.
public struct JSONMember: Hashable, Sendable {
    /// The member name, with escapes decoded.
    public var name: String
    /// The span of the name, including its quotes.
    public var nameRange: SourceRange
    /// The member's value.
    public var value: JSONValue

    /// Creates a member.
    public init(name: String, nameRange: SourceRange, value: JSONValue) {
        self.name = name
        self.nameRange = nameRange
        self.value = value
    }
}

/// What parsing a JSON-syntax file gives.
public struct JSONParseResult: Sendable {
    /// The top-level value; nil when nothing could be read.
    public var value: JSONValue?
    /// Syntax errors, in source order.
    public var diagnostics: [Diagnostic]
    /// The file name given to the parser.
    public var fileName: String
    /// The bytes that were parsed.
    public var source: [UInt8]

    /// Creates a result.
    public init(value: JSONValue?, diagnostics: [Diagnostic], fileName: String, source: [UInt8]) {
        self.value = value
        self.diagnostics = diagnostics
        self.fileName = fileName
        self.source = source
    }

    /// The body of the file under `schema` (see `JSONValue.body(schema:fileName:)`), with the
    /// parse diagnostics followed by the conversion diagnostics.
    public func body(schema: BlockSchema) -> (body: Body, diagnostics: [Diagnostic]) {
        guard let value else {
            let range = SourceRange(at: .fileStart)
            return (Body(range: range), diagnostics)
        }
        let converted = value.body(schema: schema, fileName: fileName)
        return (converted.body, diagnostics + converted.diagnostics)
    }
}

/// Parses a file in HCL's JSON syntax (`.tf.json`) into a `JSONValue` tree with ranges.
///
/// Follows RFC 8259; a leading byte order mark is skipped. Never traps; nesting deeper than 256
/// gives a diagnostic.
public func parseJSON(_ bytes: [UInt8], fileName: String) -> JSONParseResult {
    // Within the stack of the calling thread, or on a thread with a large one: see ParseStack.
    let (value, diagnostics) = ParseStack.parse(maximumDepth: JSONParser.maximumDepth) { depthLimit in
        var parser = JSONParser(bytes: bytes, fileName: fileName)
        parser.depthLimit = depthLimit
        let value = parser.parseDocument()
        return ((value, parser.diagnostics), parser.reachedDepthLimit)
    }
    return JSONParseResult(value: value, diagnostics: diagnostics, fileName: fileName, source: bytes)
}
