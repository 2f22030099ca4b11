/// A run of lines, 1-based and inclusive at both ends.
///
/// Encodes to JSON as `{"start": 3, "end": 5}`.
public struct LineRange: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The first line of the run (1-based).
    public let lowerBound: Int
    /// The last line of the run (inclusive).
    public let upperBound: Int

    /// Creates a run from `lowerBound` through `upperBound`; requires `1 <= lowerBound <= upperBound`.
    public init(_ lowerBound: Int, _ upperBound: Int) {
        precondition(1 <= lowerBound && lowerBound <= upperBound, "invalid line range \(lowerBound)...\(upperBound)")
        self.lowerBound = lowerBound
        self.upperBound = upperBound
    }

    /// Creates a run from a closed range of line numbers.
    public init(_ range: ClosedRange<Int>) {
        self.init(range.lowerBound, range.upperBound)
    }

    /// The lines as a closed range.
    public var range: ClosedRange<Int> { lowerBound...upperBound }

    /// Whether `line` lies in the run.
    public func contains(_ line: Int) -> Bool { range.contains(line) }

    /// Whether the run shares at least one line with `lines`.
    public func overlaps(_ lines: ClosedRange<Int>) -> Bool { range.overlaps(lines) }

    /// `3...5`, as Swift writes a closed range.
    public var description: String { "\(lowerBound)...\(upperBound)" }

    /// Orders runs by first line, then by last line.
    public static func < (lhs: LineRange, rhs: LineRange) -> Bool {
        (lhs.lowerBound, lhs.upperBound) < (rhs.lowerBound, rhs.upperBound)
    }

    private enum CodingKeys: String, CodingKey {
        case lowerBound = "start"
        case upperBound = "end"
    }

    /// Decodes `{"start": N, "end": M}`, rejecting runs that are empty or start before line 1.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let lower = try container.decode(Int.self, forKey: .lowerBound)
        let upper = try container.decode(Int.self, forKey: .upperBound)
        guard 1 <= lower, lower <= upper else {
            throw DecodingError.dataCorruptedError(
                forKey: .upperBound, in: container, debugDescription: "invalid line range \(lower)...\(upper)")
        }
        self.init(lower, upper)
    }

    /// Merges single line numbers (in any order, duplicates allowed) into sorted runs, joining adjacent lines.
    public static func merging(lines: [Int]) -> [LineRange] {
        var result: [LineRange] = []
        for line in lines.sorted() where line >= 1 {
            if let last = result.last, line <= last.upperBound + 1 {
                result[result.count - 1] = LineRange(last.lowerBound, max(last.upperBound, line))
            } else {
                result.append(LineRange(line, line))
            }
        }
        return result
    }
}
