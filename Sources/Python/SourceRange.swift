/// A position in a Python source file.
///
/// `line` is 1-based; `column` is 0-based and counted in UTF-8 bytes from the start of the
/// line (CPython's `col_offset`); `offset` is the 0-based byte offset in the whole file.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The 1-based line number.
    public var line: Int
    /// The 0-based column, in UTF-8 bytes from the start of the line.
    public var column: Int
    /// The 0-based byte offset from the start of the file.
    public var offset: Int

    /// Creates a location from its three coordinates.
    public init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }

    /// Orders locations by byte offset.
    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        lhs.offset < rhs.offset
    }

    /// `line:column` followed by the byte offset, for test output and debugging.
    public var description: String { "\(line):\(column)@\(offset)" }
}

/// A half-open range of source text, from `start` up to but not including `end`.
public struct SourceRange: Hashable, Sendable, CustomStringConvertible {
    /// The first byte of the range.
    public var start: SourceLocation
    /// The location just after the last byte of the range.
    public var end: SourceLocation

    /// Creates a range from its two ends.
    public init(start: SourceLocation, end: SourceLocation) {
        self.start = start
        self.end = end
    }

    /// Creates a range from plain coordinates: `(line, column, offset)` for each end.
    public init(_ startLine: Int, _ startColumn: Int, _ startOffset: Int,
                _ endLine: Int, _ endColumn: Int, _ endOffset: Int) {
        self.start = SourceLocation(line: startLine, column: startColumn, offset: startOffset)
        self.end = SourceLocation(line: endLine, column: endColumn, offset: endOffset)
    }

    /// The range's bytes as a half-open offset interval.
    public var offsets: Range<Int> { start.offset..<max(start.offset, end.offset) }

    /// `start-end`, for test output and debugging.
    public var description: String { "\(start)-\(end)" }
}

/// A problem found while reading Python source: a syntax error or an encoding problem.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    /// A terse one-line summary, in CPython's wording where CPython has one.
    public var summary: String
    /// A full sentence or two saying what is wrong and what to do about it.
    public var detail: String
    /// The exact source range the diagnostic is about.
    public var range: SourceRange

    /// Creates a diagnostic.
    public init(summary: String, detail: String, range: SourceRange) {
        self.summary = summary
        self.detail = detail
        self.range = range
    }

    /// `range: summary`, for test output and debugging.
    public var description: String { "\(range): \(summary)" }
}
