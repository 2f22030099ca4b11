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
        parts.map { part in
            switch part {
            case .text(let text), .argument(let text): return text
            }
        }.joined()
    }
}
