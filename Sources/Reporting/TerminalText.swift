/// Makes text from the repository safe to print on a terminal.
///
/// Paths and names come from the repository under review, so they may hold newlines, escape
/// sequences or other control characters that would forge output lines or drive the terminal.
public enum TerminalText {
    /// `text` with every control character (C0, DEL, C1) written as a visible escape such as
    /// `\n`, `\t` or `\u{1B}`; backslashes are doubled so the escaping is unambiguous.
    public static func escape(_ text: String) -> String {
        // Nearly all text is printable ASCII without a backslash: that is checked byte by byte.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\\") }) { return text }
        var needsEscaping = false
        for scalar in text.unicodeScalars where isControl(scalar) || scalar == "\\" {
            needsEscaping = true
            break
        }
        guard needsEscaping else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if isControl(scalar) {
                    result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
            || scalar.value == 0x2028 || scalar.value == 0x2029
            || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }
}
