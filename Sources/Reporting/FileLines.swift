/// A file's text split into lines, for code frames, suggestion blocks and column conversion.
///
/// Lines are split at `\n` (a trailing `\r` stays with its line); columns given to this type
/// are 1-based UTF-8 byte columns, as `SourceSpan` counts them.
struct FileLines: Sendable {
    /// The lines, without their `\n`.
    let lines: [Substring]

    /// Splits `text` into lines.
    init(_ text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// The 1-based line `number`, or nil past the end.
    func line(_ number: Int) -> Substring? {
        number >= 1 && number <= lines.count ? lines[number - 1] : nil
    }

    /// The UTF-16 column (1-based) of the 1-based UTF-8 byte `column` on line `number`; the byte
    /// column itself when the line is unknown. A column inside a multi-byte character maps to
    /// that character's start; a column past the end maps to one past the line's end.
    func utf16Column(line number: Int, byteColumn column: Int) -> Int {
        guard let line = line(number) else { return column }
        var bytes = 0, units = 0
        for scalar in line.unicodeScalars {
            let width = String(scalar).utf8.count
            if bytes + width > column - 1 { break }
            bytes += width
            units += scalar.utf16.count
        }
        return units + 1
    }

    /// The text of line `number` up to (not including) byte `column`, and from byte `column` on.
    func split(line number: Int, atByteColumn column: Int) -> (before: String, after: String)? {
        guard let line = line(number) else { return nil }
        let bytes = Array(line.utf8)
        let cut = min(max(column - 1, 0), bytes.count)
        return (String(decoding: bytes[..<cut], as: UTF8.self), String(decoding: bytes[cut...], as: UTF8.self))
    }
}
