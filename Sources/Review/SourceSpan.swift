/// Where something is in a file: start and end as 1-based line and column plus 0-based byte
/// offset. Columns count UTF-8 bytes from 1; each output format converts to its own unit.
public struct SourceSpan: Sendable, Hashable, Codable, Comparable {
    /// A position in a file.
    public struct Position: Sendable, Hashable, Codable, Comparable {
        /// 1-based line.
        public var line: Int
        /// 1-based column, in UTF-8 bytes.
        public var column: Int
        /// 0-based byte offset from the start of the file.
        public var offset: Int

        /// Creates a position.
        public init(line: Int, column: Int, offset: Int) {
            self.line = line
            self.column = column
            self.offset = offset
        }

        /// Orders by byte offset, then line.
        public static func < (lhs: Position, rhs: Position) -> Bool {
            (lhs.offset, lhs.line, lhs.column) < (rhs.offset, rhs.line, rhs.column)
        }
    }

    /// The repository-relative path of the file.
    public var file: String
    /// The first byte.
    public var start: Position
    /// Just past the last byte.
    public var end: Position

    /// Creates a span.
    public init(file: String, start: Position, end: Position) {
        self.file = file
        self.start = start
        self.end = end
    }

    /// The lines the span covers (an end at column 1 does not cover its line unless the span is empty).
    public var lines: ClosedRange<Int> {
        let last = end.line > start.line && end.column == 1 ? end.line - 1 : end.line
        return start.line...max(start.line, last)
    }

    /// Orders by file, then start, then end.
    public static func < (lhs: SourceSpan, rhs: SourceSpan) -> Bool {
        if lhs.file != rhs.file { return lhs.file < rhs.file }
        if lhs.start != rhs.start { return lhs.start < rhs.start }
        return lhs.end < rhs.end
    }
}
