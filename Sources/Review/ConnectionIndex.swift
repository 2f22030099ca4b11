import Terraform

/// Which resources refer to which, in either direction: what connection conditions test.
///
/// Two resources are connected when an expression of one refers to the other (as
/// `aws_s3_bucket_public_access_block.b.bucket = aws_s3_bucket.b.id` connects the two).
public struct ConnectionIndex: Sendable {
    private var neighbours: [String: Set<String>] = [:]

    /// Builds the index from a module tree's reference graph.
    public init(graph: ReferenceGraph) {
        for edge in graph.edges where Self.resourceType(of: edge.from) != nil && Self.resourceType(of: edge.to) != nil {
            neighbours[edge.from, default: []].insert(edge.to)
            neighbours[edge.to, default: []].insert(edge.from)
        }
    }

    /// How many resources of the selected types are connected to `node`.
    public func connectedCount(of node: String, types: ResourceTypeSelection) -> Int {
        (neighbours[node] ?? []).filter { other in Self.resourceType(of: other).map(types.contains) ?? false }.count
    }

    /// The resources connected to `node`, sorted.
    public func connected(to node: String) -> [String] {
        (neighbours[node] ?? []).sorted()
    }

    /// The resource type of a graph node (`data.<type>` for data sources); nil for variables,
    /// locals, outputs, providers and module calls.
    public static func resourceType(of node: String) -> String? {
        // Substrings of the address, not copies: checks and the scope selector ask this for
        // every edge of the reference graph.
        let parts = node.split(separator: ".")
        var first = 0
        while parts.count - first > 2, parts[first] == "module" { first += 2 }
        guard parts.count - first >= 2 else { return nil }
        if parts[first] == "data" { return parts.count - first >= 3 ? "data." + parts[first + 1] : nil }
        switch parts[first] {
        case "var", "local", "output", "provider", "module", "terraform": return nil
        default: return String(parts[first])
        }
    }
}
