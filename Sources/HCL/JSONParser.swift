/// The JSON parser, keeping ranges.
struct JSONParser {
    let fileName: String
    var diagnostics: [Diagnostic] = []

    init(bytes: [UInt8], fileName: String) {
        self.fileName = fileName
    }

    mutating func parseDocument() -> JSONValue? { nil }
}
