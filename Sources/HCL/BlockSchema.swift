/// Which keys of a JSON object are blocks (and with how many labels), for `JSONValue.body(schema:)`.
///
/// In the JSON syntax a nested object can be an attribute value or a block: only the consumer's
/// schema can tell. Keys not listed in `blocks` are attributes.
public struct BlockSchema: Hashable, Sendable {
    /// The block types this body may contain, by type name.
    public var blocks: [String: BlockTypeSchema]

    /// Creates a schema.
    public init(blocks: [String: BlockTypeSchema] = [:]) {
        self.blocks = blocks
    }
}

/// How to read one block type in the JSON syntax.
public struct BlockTypeSchema: Hashable, Sendable {
    /// The number of labels: that many levels of nested objects whose keys are the labels.
    public var labelCount: Int
    /// The schema of the block's own body; nil means every key in it is an attribute.
    public var body: BlockSchema?

    /// Creates a block type schema.
    public init(labelCount: Int, body: BlockSchema? = nil) {
        self.labelCount = labelCount
        self.body = body
    }
}
