/// A finding's message as a template with named arguments, kept apart so each output format
/// can escape the arguments (text from the repository) for itself.
///
/// Placeholders are `{name}`; an unknown placeholder is left as written.
public struct FindingMessage: Sendable, Hashable {
    /// The template, e.g. "`{address}` does not enable X-Ray tracing".
    public var template: String
    /// The arguments by placeholder name.
    public var arguments: [String: String]

    /// Creates a message.
    public init(template: String, arguments: [String: String]) {
        self.template = template
        self.arguments = arguments
    }

    /// The parts of the message in order: template text and filled-in arguments.
    public enum Part: Sendable, Hashable {
        /// Text written by the rule author.
        case text(String)
        /// An argument's value (from the repository under review).
        case argument(String)
    }

    /// The names of the placeholders of `templates`, each once, in order of first use: every
    /// argument their messages read (`parts` and `plain` take a placeholder to end at the first
    /// `}` after its `{`).
    static func placeholders(in templates: [String]) -> [String] {
        var names: [String] = []
        for template in templates {
            var rest = template[...]
            while let open = rest.firstIndex(of: "{") {
                let afterOpen = rest.index(after: open)
                guard let close = rest[afterOpen...].firstIndex(of: "}") else { break }
                let name = String(rest[afterOpen..<close])
                if !names.contains(name) { names.append(name) }
                rest = rest[afterOpen...]
            }
        }
        return names
    }

    /// The message split into template text and arguments.
    public var parts: [Part] {
        var parts: [Part] = []
        var text = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            text += rest[..<open]
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: "}"), let value = arguments[String(rest[afterOpen..<close])] else {
                text += "{"
                rest = rest[afterOpen...]
                continue
            }
            if !text.isEmpty { parts.append(.text(text)) }
            text = ""
            parts.append(.argument(value))
            rest = rest[rest.index(after: close)...]
        }
        text += rest
        if !text.isEmpty { parts.append(.text(text)) }
        return parts
    }

    /// The message with arguments filled in as they are (for plain text).
    public var plain: String {
        // Every report writes this for each of hundreds of thousands of findings: an ASCII
        // template (every built-in rule's) is filled in one pass over its bytes, without the
        // parts. There `{` and `}` are always whole characters, as `parts` reads them.
        guard template.utf8.allSatisfy({ $0 < 0x80 }) else {
            return parts.map { part in
                switch part {
                case .text(let text), .argument(let text): return text
                }
            }.joined()
        }
        let bytes = template.utf8
        var result = ""
        var textStart = bytes.startIndex, searchStart = bytes.startIndex
        while let open = bytes[searchStart...].firstIndex(of: UInt8(ascii: "{")) {
            let afterOpen = bytes.index(after: open)
            guard let close = bytes[afterOpen...].firstIndex(of: UInt8(ascii: "}")),
                  let value = arguments[String(template[afterOpen..<close])] else {
                searchStart = afterOpen
                continue
            }
            result += template[textStart..<open]
            result += value
            searchStart = bytes.index(after: close)
            textStart = searchStart
        }
        result += template[textStart...]
        return result
    }
}
