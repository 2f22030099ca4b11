import Review

/// Makes text from the repository safe to put in GitHub-flavoured Markdown.
///
/// Paths, addresses, message arguments, suppression reasons and commit subjects come from the
/// repository under review and may be crafted: `[x](https://evil)`, `<details>`, `@someone`,
/// `**`, `|`, newlines. `escape` turns such text into Markdown that renders as the same
/// characters, literally: no links, images, HTML, emphasis, headings, table cells or mentions.
/// `codeSpan` wraps text in a code span whose fence is longer than any backtick run inside.
public enum MarkdownText {
    /// The character inserted after `@` so GitHub does not turn `@name` into a mention
    /// (U+200D ZERO WIDTH JOINER: invisible, and a backslash does not stop mentions).
    public static let mentionBreaker: Character = "\u{200D}"

    /// `text` as inline Markdown that renders literally.
    ///
    /// Backslash-escapes the ASCII punctuation that Markdown, GFM tables, autolinks and HTML
    /// give meaning to; writes line breaks, tabs and other control or bidirectional characters
    /// as visible `\u{…}`-style escapes (so a value never starts a new block); breaks mentions
    /// and `www.` autolinks.
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        var previous: [Character] = []
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "{", "}", "[", "]", "(", ")", "#", "!", "|", "<", ">", "~", "&", ":":
                result.append("\\")
                result.append(character)
            case ".":
                // `www.example.com` would become a link through GFM's autolink extension.
                if previous.suffix(3).map({ $0.lowercased() }).joined() == "www" { result.append("\\") }
                result.append(character)
            case "@":
                result.append(character)
                result.append(mentionBreaker)
            default:
                result += visible(character)
            }
            previous.append(character)
            if previous.count > 3 { previous.removeFirst() }
        }
        return result
    }

    /// `text` as a code span: the fence is one backtick longer than the longest run of
    /// backticks in `text`, with a space inside the fence when `text` starts or ends with a
    /// backtick or a space. Line breaks and control characters become visible escapes (a code
    /// span cannot hold a line break safely). Empty text gives `(empty)`.
    public static func codeSpan(_ text: String) -> String {
        let content = text.map(visible).joined()
        guard !content.isEmpty else { return "*(empty)*" }
        var longest = 0, run = 0
        for character in content {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let pad = content.first == "`" || content.last == "`" || content.first == " " || content.last == " "
        return pad ? fence + " " + content + " " + fence : fence + content + fence
    }

    /// A finding message as Markdown: code spans the template writes around arguments (as in
    /// "`{address}` does not enable tracing") are rebuilt with `codeSpan`, and so is an argument
    /// that is itself one backtick-quoted run (`` `s3:*` ``); all other text, template and
    /// arguments alike, goes through `escape` (custom rules are repository files).
    public static func message(_ message: FindingMessage) -> String {
        var output = ""
        var segment = ""
        var inCode = false
        func flush() {
            if inCode { output += codeSpan(segment) } else { output += escape(segment) }
            segment = ""
        }
        for part in message.parts {
            switch part {
            case .argument(let value):
                if !inCode, value.count > 2, value.first == "`", value.last == "`", !value.dropFirst().dropLast().contains("`") {
                    // An argument a coded check wrote as code (`s3:*`): shown as a code span, which
                    // is as safe as escaping and reads as intended.
                    output += escape(segment)
                    segment = ""
                    output += codeSpan(String(value.dropFirst().dropLast()))
                } else {
                    segment += value
                }
            case .text(let text):
                for character in text {
                    if character == "`" {
                        flush()
                        inCode.toggle()
                    } else {
                        segment.append(character)
                    }
                }
            }
        }
        if inCode {
            // An unmatched backtick: show it, and the rest, as plain text.
            output += escape("`" + segment)
        } else {
            output += escape(segment)
        }
        return output
    }

    /// `path` percent-encoded for use in a URL path: every byte outside the unreserved set
    /// (`A-Z a-z 0-9 - . _ ~`) and `/` is written `%XX`, so no path can end a Markdown link,
    /// add a query or a fragment.
    public static func urlPath(_ path: String) -> String {
        percentEncoded(path, keeping: "-._~/")
    }

    /// A URL given by the user (`--link-base`) made safe as a Markdown link target: spaces,
    /// parentheses, angle brackets, quotes and non-ASCII bytes are percent-encoded.
    public static func urlBase(_ url: String) -> String {
        percentEncoded(url, keeping: "-._~/:?=&%+,;@!$*#")
    }

    static func percentEncoded(_ text: String, keeping kept: String) -> String {
        var result = ""
        for byte in text.utf8 {
            let isAlphanumeric = (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
            if isAlphanumeric || (byte < 0x80 && kept.utf8.contains(byte)) {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                result += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return result
    }

    /// A character as it may appear in Markdown output: control, line-separator and
    /// bidirectional-override characters written as `\u{…}` escapes; others unchanged.
    static func visible(_ character: Character) -> String {
        var result = ""
        for scalar in character.unicodeScalars {
            let value = scalar.value
            if value < 0x20 || (0x7F...0x9F).contains(value) || value == 0x2028 || value == 0x2029
                || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value) {
                result += "\\u{" + String(value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

extension String {
    /// The string with `0` in front up to `width` characters.
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
