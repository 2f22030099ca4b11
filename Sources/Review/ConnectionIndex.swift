import Terraform

/// Which resources refer to which, in either direction: what connection conditions test.
///
/// Two resources are connected when an expression of one refers to the other (as
/// `aws_s3_bucket_public_access_block.b.bucket = aws_s3_bucket.b.id` connects the two).
public struct ConnectionIndex: Sendable {
    /// The graph the connections are read from: resource to resource edges never cross a module
    /// boundary, so each module folder's connections are worked out once, in its own graph.
    private var graph: ReferenceGraph

    /// Builds the index from a module tree's reference graph.
    public init(graph: ReferenceGraph) {
        self.graph = graph
    }

    /// How many resources of the selected types are connected to `node`.
    public func connectedCount(of node: String, types selection: ResourceTypeSelection) -> Int {
        graph.resourceNeighbourCount(of: node, where: selection.contains)
    }

    /// The resources connected to `node`, sorted.
    public func connected(to node: String) -> [String] {
        graph.resourceNeighbours(of: node).map(\.node).sorted()
    }

    /// The resource type of a graph node (`data.<type>` for data sources); nil for variables,
    /// locals, outputs, providers and module calls.
    public static func resourceType(of node: String) -> String? {
        ReferenceGraph.resourceType(of: node)
    }
}
