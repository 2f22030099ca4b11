import Terraform

/// Which resources refer to which, in either direction: what connection conditions test.
///
/// Two resources are connected when an expression of one refers to the other (as
/// `aws_s3_bucket_public_access_block.b.bucket = aws_s3_bucket.b.id` connects the two).
public struct ConnectionIndex: Sendable {
    private var neighbours: [String: Set<String>] = [:]
    /// The resource type of every node in `neighbours`.
    private var types: [String: String] = [:]

    /// Builds the index from a module tree's reference graph.
    public init(graph: ReferenceGraph) {
        // Every node's type is remembered, nil for a node that is no resource, so each node's
        // address is parsed once.
        var known: [String: String?] = [:]
        known.reserveCapacity(graph.nodes.count)
        func type(of node: String) -> String? {
            if let type = known[node] { return type }
            let type = Self.resourceType(of: node)
            known[node] = .some(type)
            return type
        }
        for edge in graph.edges {
            guard let fromType = type(of: edge.from), let toType = type(of: edge.to) else { continue }
            types[edge.from] = fromType
            types[edge.to] = toType
            neighbours[edge.from, default: []].insert(edge.to)
            neighbours[edge.to, default: []].insert(edge.from)
        }
    }

    /// How many resources of the selected types are connected to `node`.
    public func connectedCount(of node: String, types selection: ResourceTypeSelection) -> Int {
        (neighbours[node] ?? []).reduce(0) { count, other in types[other].map(selection.contains) == true ? count + 1 : count }
    }

    /// The resources connected to `node`, sorted.
    public func connected(to node: String) -> [String] {
        (neighbours[node] ?? []).sorted()
    }

    /// The resource type of a graph node (`data.<type>` for data sources); nil for variables,
    /// locals, outputs, providers and module calls.
    public static func resourceType(of node: String) -> String? {
        // The address's dot-separated parts (empty parts skipped) as byte ranges, not copies:
        // checks and the scope selector ask this for every edge of the reference graph.
        let bytes = node.utf8
        var parts: [Range<String.Index>] = []
        var start = bytes.startIndex, index = bytes.startIndex
        while index != bytes.endIndex {
            if bytes[index] == UInt8(ascii: ".") {
                if start != index { parts.append(start..<index) }
                start = bytes.index(after: index)
            }
            index = bytes.index(after: index)
        }
        if start != bytes.endIndex { parts.append(start..<bytes.endIndex) }
        var first = 0
        while parts.count - first > 2, node[parts[first]] == "module" { first += 2 }
        guard parts.count - first >= 2 else { return nil }
        let head = node[parts[first]]
        if head == "data" { return parts.count - first >= 3 ? "data." + node[parts[first + 1]] : nil }
        switch head {
        case "var", "local", "output", "provider", "module", "terraform": return nil
        default: return String(head)
        }
    }
}
