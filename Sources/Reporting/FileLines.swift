import Threading

/// A file's text split into lines, for code frames, suggestion blocks and column conversion.
///
/// Lines end at `\n` or `\r\n` (the `\r` is not part of the line) and, in Python files, also at
/// a lone `\r`, as Python's tokenizer counts lines (HCL counts a lone `\r` as a space); columns
/// given to this type are 1-based UTF-8 byte columns, as `SourceSpan` counts them.
struct FileLines: Sendable {
    /// The lines, without their line ends.
    let lines: [Substring]

    /// Splits `text` into lines; `loneCarriageReturnEndsLine` for Python sources.
    init(_ text: String, loneCarriageReturnEndsLine: Bool = false) {
        // Split on Unicode scalars: as Characters, "\r\n" is one grapheme that "\n" never matches.
        let scalars = text.unicodeScalars
        var lines: [Substring] = []
        var start = scalars.startIndex, index = scalars.startIndex
        while index != scalars.endIndex {
            let scalar = scalars[index]
            let next = scalars.index(after: index)
            if scalar == "\n" || (scalar == "\r" && (next == scalars.endIndex || scalars[next] == "\n" || loneCarriageReturnEndsLine)) {
                lines.append(Substring(scalars[start..<index]))
                start = scalar == "\r" && next != scalars.endIndex && scalars[next] == "\n" ? scalars.index(after: next) : next
                index = start
            } else {
                index = next
            }
        }
        lines.append(Substring(scalars[start...]))
        self.lines = lines
    }

    /// The lines of each file of `files` (repository path → text), Python files split as Python reads them.
    static func of(_ files: [String: String]) -> [String: FileLines] {
        // Split on every core: a review of a whole repository frames findings in every file.
        let entries = Array(files)
        let split = ParallelMap.map(entries) { path, text in FileLines(text, loneCarriageReturnEndsLine: path.hasSuffix(".py")) }
        var result: [String: FileLines] = [:]
        for (entry, lines) in zip(entries, split) { result[entry.key] = lines }
        return result
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
