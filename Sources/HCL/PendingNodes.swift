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
    /// Function arguments and tuple elements.
    let expressions = NodeStack<Expression>()
    /// Object constructor items.
    let items = NodeStack<ObjectItem>()
    /// Traversal steps.
    let steps = NodeStack<TraversalStep>()
    /// Template parts.
    let parts = NodeStack<TemplatePart>()
    /// Long names and string values read so far, shared by the tree.
    let strings = StringTable()
}
