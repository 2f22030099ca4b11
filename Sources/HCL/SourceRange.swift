/// A point in a source file: 1-based line, 1-based column counted in UTF-8 bytes, and 0-based byte offset.
///
/// Lines are separated by LF or CRLF; a lone CR does not start a new line (so line numbers agree
/// with Git's). A leading byte order mark is counted in byte offsets and columns like any other bytes.
public struct SourcePosition: Hashable, Comparable, Sendable, CustomStringConvertible {
    private let storedLine: Int32
    private let storedColumn: Int32
    private let storedByte: Int32

    /// The 1-based line number.
    public var line: Int { Int(storedLine) }
    /// The 1-based column, counted in UTF-8 bytes from the start of the line.
    public var column: Int { Int(storedColumn) }
    /// The 0-based byte offset from the start of the file.
    public var byte: Int { Int(storedByte) }

    /// Creates a position; values are stored in 32 bits, so files are limited to 2 GiB.
    public init(line: Int, column: Int, byte: Int) {
        storedLine = Int32(truncatingIfNeeded: line)
        storedColumn = Int32(truncatingIfNeeded: column)
        storedByte = Int32(truncatingIfNeeded: byte)
    }

    /// The position of the first byte of a file.
    public static let fileStart = SourcePosition(line: 1, column: 1, byte: 0)

    /// Orders positions by byte offset.
    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool { lhs.storedByte < rhs.storedByte }

    /// `line:column` followed by `@byte`, e.g. `3:5@40`.
    public var description: String { "\(line):\(column)@\(byte)" }
}

/// A half-open span of source text, from `start` (inclusive) to `end` (exclusive).
///
/// A range does not carry a file name: the `ParseResult` (and each `Diagnostic`) names the file.
public struct SourceRange: Hashable, Sendable, CustomStringConvertible {
    /// The first byte of the span.
    public var start: SourcePosition
    /// The position just after the last byte of the span.
    public var end: SourcePosition

    /// Creates a range from its two ends.
    public init(start: SourcePosition, end: SourcePosition) {
        self.start = start
        self.end = end
    }

    /// Creates a range from explicit line/column/byte values for both ends (convenient in tests).
    public init(_ startLine: Int, _ startColumn: Int, _ startByte: Int, _ endLine: Int, _ endColumn: Int, _ endByte: Int) {
        start = SourcePosition(line: startLine, column: startColumn, byte: startByte)
        end = SourcePosition(line: endLine, column: endColumn, byte: endByte)
    }

    /// An empty range at one position.
    public init(at position: SourcePosition) {
        start = position
        end = position
    }

    /// The number of bytes the range covers.
    public var byteCount: Int { end.byte - start.byte }

    /// True when the range covers no bytes.
    public var isEmpty: Bool { end.byte <= start.byte }

    /// The smallest range that covers both `self` and `other`.
    public func union(_ other: SourceRange) -> SourceRange {
        SourceRange(start: Swift.min(start, other.start), end: Swift.max(end, other.end))
    }

    /// True when `position` lies in the range (start inclusive, end exclusive).
    public func contains(_ position: SourcePosition) -> Bool {
        position.byte >= start.byte && position.byte < end.byte
    }

    /// True when the range covers any part of the 1-based line range `lines` (inclusive).
    public func overlapsLines(_ lines: ClosedRange<Int>) -> Bool {
        start.line <= lines.upperBound && end.line >= lines.lowerBound
    }

    /// The exact source text of the range, decoded as UTF-8 (invalid bytes become U+FFFD).
    ///
    /// Offsets outside `source` are clamped, so a range from another file never traps.
    public func text(in source: [UInt8]) -> String {
        let lower = Swift.max(0, Swift.min(start.byte, source.count))
        let upper = Swift.max(lower, Swift.min(end.byte, source.count))
        return String(decoding: source[lower..<upper], as: UTF8.self)
    }

    /// `start-end` in the `SourcePosition` notation, e.g. `1:1@0-1:6@5`.
    public var description: String { "\(start)-\(end)" }
}

extension SourcePosition {
    /// The position `count` bytes further on the same line.
    func advanced(by count: Int) -> SourcePosition {
        SourcePosition(line: line, column: column + count, byte: byte + count)
    }
}
