/// The nodes a parse has read but not yet put in the tree, and the strings it has made.
///
/// One reference held by the parser, so the `Parser` value (which unoptimised builds copy often)
/// stays small.
final class PendingNodes {
    /// Attributes of the bodies being read.
    let attributes = NodeStack<Attribute>()
    /// Blocks of the bodies being read.
    let blocks = NodeStack<Block>()
    /// Labels of the block header being read.
    let labels = NodeStack<BlockLabel>()
    /// Function arguments and tuple elements (node indices).
    let expressions = NodeStack<UInt32>()
    /// Object constructor items: the key's and then the value's node index.
    let items = NodeStack<UInt32>()
    /// Traversal steps.
    let steps = NodeStack<ParsedExpression>()
    /// Template parts (node indices).
    let parts = NodeStack<UInt32>()
    /// The strings stored in the tree so far, to store each once.
    let strings: StringTable

    init(source: UnsafeBufferPointer<UInt8>) {
        strings = StringTable(source: source)
    }
}
