/// A block: a type name, zero or more labels, and a nested body between braces.
public struct Block: Hashable, Sendable {
    /// The block type, e.g. `resource`.
    public var type: String
    /// The labels after the type, e.g. `"aws_s3_bucket"` and `"logs"`.
    public var labels: [BlockLabel]
    /// The contents between the braces.
    public var body: Body
    /// The span from the type to the closing brace (inclusive).
    public var range: SourceRange
    /// The span of the type name.
    public var typeRange: SourceRange
    /// The span of the opening brace.
    public var openBraceRange: SourceRange
    /// The span of the closing brace; empty at the end of the file when the block is unclosed.
    public var closeBraceRange: SourceRange

    /// Creates a block.
    public init(type: String, labels: [BlockLabel], body: Body, range: SourceRange, typeRange: SourceRange, openBraceRange: SourceRange, closeBraceRange: SourceRange) {
        self.type = type
        self.labels = labels
        self.body = body
        self.range = range
        self.typeRange = typeRange
        self.openBraceRange = openBraceRange
        self.closeBraceRange = closeBraceRange
    }

    /// The label values, in order.
    public var labelValues: [String] { labels.map(\.value) }

    /// The label spans, in order (quoted labels include their quotes).
    public var labelRanges: [SourceRange] { labels.map(\.range) }

    /// The span of the block header: from the type to the opening brace (inclusive).
    public var headerRange: SourceRange { typeRange.union(openBraceRange) }
}

/// One block label, quoted (`"aws_s3_bucket"`) or bare (`aws_s3_bucket`).
public struct BlockLabel: Hashable, Sendable {
    /// The label's value, with escapes decoded and without quotes.
    public var value: String
    /// The label's span, including the quotes of a quoted label.
    public var range: SourceRange
    /// True for a quoted label, false for a bare identifier.
    public var isQuoted: Bool

    /// Creates a label.
    public init(value: String, range: SourceRange, isQuoted: Bool) {
        self.value = value
        self.range = range
        self.isQuoted = isQuoted
    }
}
