import HCL
import Threading

/// Which blocks refer to which, over a loaded module tree, so a rule can say "this variable
/// reaches these resources through these locals".
///
/// Nodes are static addresses (instance keys dropped), prefixed by the module path for child
/// modules: `var.env`, `local.name`, `aws_s3_bucket.b`, `data.aws_iam_policy_document.x`,
/// `module.net` (the call), `module.net.var.cidr`, `module.net.output.id`, `output.url`,
/// `provider.aws`, `provider.aws.us`. An edge `from → to` means an expression of `from` refers to
/// `to`. A call's argument `x` gives edges from the child's `var.x`; `module.net.id` in the parent
/// points to the child's `output.id` when the child was loaded, else to the call `module.net`.
/// References to undeclared names, iterators, `count`, `each`, `path`, `terraform` and `self`
/// are not edges.
public struct ReferenceGraph: Sendable {
    /// One module folder's own graph placed in the tree: the static address prefix of the first
    /// module instance with that prefix (`""`, `module.net.`) and the folder's edges.
    ///
    /// Edges and lookups are the own graph's, shared by every tree holding the folder; only what
    /// a query returns is given the prefix. A class, so that handing a segment to a query's
    /// closure costs one reference count.
    private final class Segment: Sendable {
        let prefix: String
        let own: OwnGraph
        /// The resource neighbours of the own graph's nodes, typed as their addresses under
        /// `prefix` are (the own graph's table unless the prefix is no chain of `module.NAME.`).
        let resourceNeighbours: [Substring: [ResourceNeighbour]]
        /// Whether the prefix and every node of the own graph are ASCII: then a node's address
        /// equals another's exactly when their bytes do, and a query's node can stand for the
        /// end of an edge it matched.
        let isASCII: Bool

        init(prefix: String, own: OwnGraph, resourceNeighbours: [Substring: [ResourceNeighbour]], isASCII: Bool) {
            self.prefix = prefix
            self.own = own
            self.resourceNeighbours = resourceNeighbours
            self.isASCII = isASCII
        }

        /// An edge of the own graph with both ends under the prefix.
        func placed(_ edge: ReferenceEdge) -> ReferenceEdge {
            prefix.isEmpty ? edge : ReferenceEdge(from: prefix + edge.from, to: prefix + edge.to, reference: edge.reference, file: edge.file, range: edge.range)
        }
    }

    /// The module folders' own graphs, in tree order (depth first), one per static module address.
    private var segments: [Segment] = []
    /// Where each segment's prefix is in `segments`.
    private var segmentIndices: [Substring: Int] = [:]
    /// The segment of the prefix `""` (the root module's), if any.
    private var rootSegment: Segment?
    /// The distinct lengths (in UTF-8 bytes) of the segments' prefixes, a few, ascending: only a
    /// node's prefixes of these lengths are looked up.
    private var prefixLengths: [Int] = []
    /// Whether a segment whose prefix starts with another segment's prefix always comes after
    /// it (true unless module names hold dots): then the segments holding a node are met in
    /// order, shortest prefix first.
    private var prefixesInTreeOrder = true

    /// Every node that is declared, sorted.
    public var nodes: [String] {
        var declared = Set<String>()
        for segment in segments {
            for name in segment.own.names { declared.insert(segment.prefix + name) }
        }
        return declared.sorted()
    }

    /// Every edge, in the order found (module by module, declaration order).
    public var edges: [ReferenceEdge] {
        segments.flatMap { segment in segment.own.edges.map { segment.placed($0) } }
    }

    /// Builds the graph of `root` and all its loaded descendants.
    public init(root: Module) {
        add(root)
        prefixLengths.sort()
        var inTreeOrder = true
        for (index, segment) in segments.enumerated() {
            forEachSegment(holding: segment.prefix) { other, _ in
                if other.prefix.utf8.count < segment.prefix.utf8.count, segmentIndices[Substring(other.prefix)].map({ $0 > index }) == true { inTreeOrder = false }
            }
        }
        prefixesInTreeOrder = inTreeOrder
    }

    /// Adds the segments of `module` and its descendants, depth first, skipping static
    /// addresses already added (other instances of one call).
    private mutating func add(_ module: Module) {
        let address = Self.staticAddress(module.address)
        let prefix = address.isEmpty ? "" : address + "."
        if segmentIndices[Substring(prefix)] == nil {
            let loadedCalls = Set(module.childModules.map { String(Self.staticAddress($0.address).dropFirst(prefix.count)) })
            let own = Self.ownGraph(of: module.configuration, loadedCalls: loadedCalls)
            let neighbours = Self.isChainOfCalls(address) ? own.resourceNeighbours : OwnGraph.resourceNeighbours(of: own.edges) { Self.resourceType(of: prefix + $0) }
            segmentIndices[Substring(prefix)] = segments.count
            if !prefixLengths.contains(prefix.utf8.count) { prefixLengths.append(prefix.utf8.count) }
            let segment = Segment(prefix: prefix, own: own, resourceNeighbours: neighbours, isASCII: own.isASCII && Self.isASCII(prefix))
            segments.append(segment)
            if prefix.isEmpty { rootSegment = segment }
        }
        for child in module.childModules { add(child) }
    }

    /// Whether a static module address is `module.NAME` pairs only (names without dots), under
    /// which a node keeps the resource type it has in its own module.
    private static func isChainOfCalls(_ address: String) -> Bool {
        if address.isEmpty { return true }
        let parts = address.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        return parts.count % 2 == 0 && parts.indices.allSatisfy { index in
            !parts[index].isEmpty && (index % 2 == 1 || parts[index].elementsEqual("module".utf8))
        }
    }

    /// Calls `body` with each segment whose prefix `node` starts with, in segment order, and
    /// the rest of `node` after the prefix.
    private func forEachSegment(holding node: String, _ body: (Segment, Substring) -> Void) {
        // Prefixes are tried shortest first, which is segment order when `prefixesInTreeOrder`.
        var found: [(index: Int, rest: Substring)] = []
        let bytes = node.utf8
        for length in prefixLengths where length <= bytes.count {
            if length == 0 {
                // The root segment, the first of all, holds every node under its own address.
                if let rootSegment { body(rootSegment, node[...]) }
                continue
            }
            let end = bytes.index(bytes.startIndex, offsetBy: length)
            guard bytes[bytes.index(before: end)] == UInt8(ascii: "."), let index = segmentIndices[node[..<end]] else { continue }
            if prefixesInTreeOrder { body(segments[index], node[end...]) } else { found.append((index, node[end...])) }
        }
        guard !found.isEmpty else { return }
        found.sort { $0.index < $1.index }
        for (index, rest) in found { body(segments[index], rest) }
    }

    /// The address of a resource node's type (`data.<type>` for data sources); nil for
    /// variables, locals, outputs, providers and module calls.
    package static func resourceType(of node: String) -> String? {
        // The address's dot-separated parts (empty parts skipped), read as slices in two passes
        // (count them, then read the type) rather than collected: checks and the scope selector
        // ask this for every edge of the reference graph.
        func forEachPart(_ body: (Int, Substring) -> Bool) {
            let bytes = node.utf8
            var start = bytes.startIndex, index = bytes.startIndex, number = 0
            while index != bytes.endIndex {
                if bytes[index] == UInt8(ascii: ".") {
                    if start != index {
                        guard body(number, node[start..<index]) else { return }
                        number += 1
                    }
                    start = bytes.index(after: index)
                }
                index = bytes.index(after: index)
            }
            if start != bytes.endIndex { _ = body(number, node[start..<bytes.endIndex]) }
        }
        var count = 0
        forEachPart { _, _ in
            count += 1
            return true
        }
        // Leading `module.NAME` pairs are skipped while more than two parts are left; the part
        // after them (`first`) is the head.
        var first = 0, isData = false
        var type: String?
        forEachPart { number, part in
            if isData {
                type = "data." + part
                return false
            }
            guard number == first else { return true }
            if count - first > 2, part == "module" {
                first += 2
                return true
            }
            guard count - first >= 2 else { return false }
            switch part {
            case "data":
                isData = count - first >= 3
                return isData
            case "var", "local", "output", "provider", "module", "terraform":
                return false
            default:
                type = String(part)
                return false
            }
        }
        return type
    }

    /// The resources `node` refers to or is referred to by (resource to resource edges only),
    /// each once, with their types, in no particular order.
    package func resourceNeighbours(of node: String) -> [ResourceNeighbour] {
        var result: [ResourceNeighbour] = []
        var segmentsFound = 0
        forEachSegment(holding: node) { segment, rest in
            guard let neighbours = segment.resourceNeighbours[rest] else { return }
            segmentsFound += 1
            result += segment.prefix.isEmpty ? neighbours : neighbours.map { ResourceNeighbour(node: segment.prefix + $0.node, type: $0.type) }
        }
        guard segmentsFound > 1 else { return result }
        var seen = Set<String>()
        return result.filter { seen.insert($0.node).inserted }
    }

    /// How many resources `node` refers to or is referred to by (resource to resource edges
    /// only) have a type `include` accepts: `resourceNeighbours(of:)` counted without building
    /// their addresses.
    package func resourceNeighbourCount(of node: String, where include: (String) -> Bool) -> Int {
        var lists: [[ResourceNeighbour]] = []
        forEachSegment(holding: node) { segment, rest in
            if let neighbours = segment.resourceNeighbours[rest] { lists.append(neighbours) }
        }
        // Neighbours from two segments may be the same resource: those are told apart by address.
        let neighbours = lists.count > 1 ? resourceNeighbours(of: node) : lists.first ?? []
        return neighbours.reduce(0) { count, other in include(other.type) ? count + 1 : count }
    }

    /// Whether every byte of `text` is ASCII.
    static func isASCII(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { $0.allSatisfy { $0 < 0x80 } } ?? text.utf8.allSatisfy { $0 < 0x80 }
    }

    /// `module.a[0].module.b["k"]` → `module.a.module.b`.
    static func staticAddress(_ address: String) -> String {
        guard address.utf8.contains(UInt8(ascii: "[")) else { return address }
        var result = ""
        var depth = 0
        var quoted = false
        for character in address {
            if depth > 0 {
                if character == "\"" { quoted.toggle() }
                if !quoted, character == "]" { depth -= 1 }
                continue
            }
            if character == "[" { depth += 1; continue }
            result.append(character)
        }
        return result
    }

    /// The names one module declares and the edges of its own expressions, with addresses
    /// relative to the module (`local.x`, `module.net.var.cidr`): what every instance of the
    /// module contributes to a graph, under its own prefix. Its lookup tables are built once and
    /// shared by every graph holding the module.
    private final class OwnGraph: Sendable {
        let names: Set<String>
        let edges: [ReferenceEdge]
        /// The indices in `edges` of the edges leaving each node.
        let outgoing: [Substring: [Int]]
        /// The indices in `edges` of the edges arriving at each node.
        let incoming: [Substring: [Int]]
        /// The resource neighbours of each resource node, typed as the module's own addresses.
        let resourceNeighbours: [Substring: [ResourceNeighbour]]
        /// Whether every node of `edges` is ASCII.
        let isASCII: Bool

        init(names: Set<String>, edges: [ReferenceEdge]) {
            self.names = names
            self.edges = edges
            isASCII = edges.allSatisfy { ReferenceGraph.isASCII($0.from) && ReferenceGraph.isASCII($0.to) }
            var outgoing: [Substring: [Int]] = [:], incoming: [Substring: [Int]] = [:]
            for (index, edge) in edges.enumerated() {
                outgoing[Substring(edge.from), default: []].append(index)
                incoming[Substring(edge.to), default: []].append(index)
            }
            self.outgoing = outgoing
            self.incoming = incoming
            resourceNeighbours = Self.resourceNeighbours(of: edges) { ReferenceGraph.resourceType(of: $0) }
        }

        /// For each node of `edges` that `typeOf` gives a type, the other such nodes it has an
        /// edge with (either way), with their types, each once in the order met.
        static func resourceNeighbours(of edges: [ReferenceEdge], type typeOf: (String) -> String?) -> [Substring: [ResourceNeighbour]] {
            var neighbours: [Substring: [ResourceNeighbour]] = [:]
            func link(_ node: String, _ other: String, _ otherType: String) {
                let key = Substring(node)
                if neighbours[key]?.contains(where: { $0.node == other }) == true { return }
                neighbours[key, default: []].append(ResourceNeighbour(node: other, type: otherType))
            }
            for edge in edges {
                guard let fromType = typeOf(edge.from), let toType = typeOf(edge.to) else { continue }
                link(edge.from, edge.to, toType)
                link(edge.to, edge.from, fromType)
            }
            return neighbours
        }
    }

    /// What an `OwnGraph` depends on: the module's files (path and contents) and which of its
    /// calls were loaded (by name, `module.net`).
    private struct OwnGraphKey: Hashable, Sendable {
        var paths: [String]
        var sources: [[UInt8]]
        var loadedCalls: Set<String>

        static func == (lhs: OwnGraphKey, rhs: OwnGraphKey) -> Bool {
            lhs.paths == rhs.paths && lhs.loadedCalls == rhs.loadedCalls && lhs.sources == rhs.sources
        }

        /// Hashes the paths, the sizes and the loaded calls, not every byte: the contents of a
        /// path are few (base and head), and the parsed bytes of a blob are one shared buffer,
        /// which `==` compares at once.
        func hash(into hasher: inout Hasher) {
            hasher.combine(paths)
            for source in sources { hasher.combine(source.count) }
            hasher.combine(loadedCalls)
        }
    }

    /// The own graphs computed so far in this process: a module called from many roots (or
    /// loaded once per instance of a call) is walked once.
    private static let ownGraphs = Locked<[OwnGraphKey: OwnGraph]>([:])

    /// The own graph of the module declared by `configuration`, of which the calls named in
    /// `loadedCalls` were loaded.
    private static func ownGraph(of configuration: ModuleConfiguration, loadedCalls: Set<String>) -> OwnGraph {
        let key = OwnGraphKey(paths: configuration.files.map(\.path), sources: configuration.files.map(\.source), loadedCalls: loadedCalls)
        if let known = ownGraphs.withLock({ $0[key] }) { return known }
        let graph = walk(configuration, loadedCalls: loadedCalls)
        return ownGraphs.withLock { graphs in
            if let known = graphs[key] { return known }
            graphs[key] = graph
            return graph
        }
    }

    /// Walks the declarations of one module for the names it declares and what its expressions
    /// refer to.
    private static func walk(_ configuration: ModuleConfiguration, loadedCalls: Set<String>) -> OwnGraph {
        var names = Set<String>()
        for variable in configuration.variables { names.insert("var." + variable.name) }
        for local in configuration.locals { names.insert("local." + local.name) }
        for resource in configuration.resources + configuration.dataSources { names.insert(resource.localAddress) }
        for call in configuration.moduleCalls { names.insert("module." + call.name) }
        for output in configuration.outputs { names.insert("output." + output.name) }
        for provider in configuration.providers { names.insert("provider." + provider.reference) }
        var edges: [ReferenceEdge] = []

        func target(_ traversal: Traversal) -> String? {
            let path = traversal.attributePath
            switch traversal.root {
            case "var", "local":
                guard path.count >= 2, names.contains(path[0] + "." + path[1]) else { return nil }
                return path[0] + "." + path[1]
            case "module":
                guard path.count >= 2, names.contains("module." + path[1]) else { return nil }
                let call = "module." + path[1]
                if path.count >= 3, loadedCalls.contains(call) { return call + ".output." + path[2] }
                return call
            case "data":
                guard path.count >= 3, names.contains("data.\(path[1]).\(path[2])") else { return nil }
                return "data.\(path[1]).\(path[2])"
            default:
                guard path.count >= 2, names.contains(path[0] + "." + path[1]) else { return nil }
                return path[0] + "." + path[1]
            }
        }
        func link(_ from: String, _ expression: Expression, file: String) {
            for traversal in expression.variables() {
                guard let to = target(traversal) else { continue }
                edges.append(ReferenceEdge(from: from, to: to, reference: traversal.description, file: file, range: traversal.range))
            }
        }
        func link(_ from: String, _ body: Body, file: String) {
            for attribute in body.attributes { link(from, attribute.expression, file: file) }
            for block in body.blocks { link(from, block.body, file: file) }
        }
        for local in configuration.locals { link("local." + local.name, local.attribute.expression, file: local.file) }
        for resource in configuration.resources + configuration.dataSources {
            link(resource.localAddress, resource.source.block.body, file: resource.source.file)
        }
        for output in configuration.outputs {
            if let value = output.value { link("output." + output.name, value, file: output.source.file) }
        }
        for provider in configuration.providers { link("provider." + provider.reference, provider.source.block.body, file: provider.source.file) }
        for call in configuration.moduleCalls {
            let callNode = "module." + call.name
            link(callNode, call.source.block.body, file: call.source.file)
            guard loadedCalls.contains(callNode) else { continue }
            for argument in call.arguments {
                link(callNode + ".var." + argument.name, argument.expression, file: call.source.file)
            }
        }
        return OwnGraph(names: names, edges: edges)
    }

    /// The edges leaving `node`: what it refers to directly.
    public func references(of node: String) -> [ReferenceEdge] { edges(at: node, leaving: true) }

    /// The edges arriving at `node`: what refers to it directly.
    public func referrers(of node: String) -> [ReferenceEdge] { edges(at: node, leaving: false) }

    /// The edges leaving or arriving at `node`, in edge order.
    private func edges(at node: String, leaving: Bool) -> [ReferenceEdge] {
        var result: [ReferenceEdge] = []
        let nodeIsASCII = Self.isASCII(node)
        forEachSegment(holding: node) { segment, rest in
            guard let indices = leaving ? segment.own.outgoing[rest] : segment.own.incoming[rest] else { return }
            // The end at `node` is `node` itself when bytes decide equality; the other end is
            // put under the prefix.
            let near = nodeIsASCII && segment.isASCII ? node : nil
            for index in indices {
                let edge = segment.own.edges[index]
                if segment.prefix.isEmpty {
                    result.append(edge)
                } else if let near {
                    result.append(leaving
                        ? ReferenceEdge(from: near, to: segment.prefix + edge.to, reference: edge.reference, file: edge.file, range: edge.range)
                        : ReferenceEdge(from: segment.prefix + edge.from, to: near, reference: edge.reference, file: edge.file, range: edge.range))
                } else {
                    result.append(segment.placed(edge))
                }
            }
        }
        return result
    }

    /// Whether an edge arrives at `node` from another node: `referrers(of: node).contains { $0.from != node }`
    /// without building the referrers' addresses.
    public func isReferredToByOthers(_ node: String) -> Bool {
        let nodeIsASCII = Self.isASCII(node)
        var found = false
        forEachSegment(holding: node) { segment, rest in
            guard !found, let indices = segment.own.incoming[rest] else { return }
            found = indices.contains { index in
                let from = segment.own.edges[index].from
                if segment.prefix.isEmpty { return from != node }
                // Under an ASCII prefix matched by `node`, the whole addresses differ exactly when the rests do.
                return nodeIsASCII && segment.isASCII ? from != rest : segment.prefix + from != node
            }
        }
        return found
    }

    /// Calls `body` with the far end of each edge leaving (`forward`) or arriving at `node`, in
    /// edge order: what a walk needs of `references(of:)` and `referrers(of:)`.
    private func forEachNeighbour(of node: String, forward: Bool, _ body: (String) -> Void) {
        forEachSegment(holding: node) { segment, rest in
            for index in (forward ? segment.own.outgoing[rest] : segment.own.incoming[rest]) ?? [] {
                let edge = segment.own.edges[index]
                let far = forward ? edge.to : edge.from
                body(segment.prefix.isEmpty ? far : segment.prefix + far)
            }
        }
    }

    /// Every node that refers to `node` directly or through others, each with a shortest chain
    /// from `node` to it (e.g. `var.env` → `local.name` → `aws_s3_bucket.b`), sorted by address.
    public func dependents(of node: String) -> [ReferenceChain] { walk(from: node, forward: false) }

    /// Every node `node` refers to directly or through others, each with a shortest chain.
    public func dependencies(of node: String) -> [ReferenceChain] { walk(from: node, forward: true) }

    private func walk(from start: String, forward: Bool) -> [ReferenceChain] {
        var previous: [String: String] = [start: start]
        var queue = [start]
        var head = 0
        while head < queue.count {
            let current = queue[head]
            head += 1
            forEachNeighbour(of: current, forward: forward) { next in
                if previous[next] == nil {
                    previous[next] = current
                    queue.append(next)
                }
            }
        }
        return previous.keys.filter { $0 != start }.sorted().map { node in
            var chain = [node]
            var current = node
            while current != start {
                current = previous[current]!
                chain.append(current)
            }
            return ReferenceChain(node: node, chain: chain.reversed())
        }
    }
}

/// A resource connected to another by a reference either way, with its resource type.
package struct ResourceNeighbour: Sendable {
    /// The resource's graph node.
    package var node: String
    /// Its type, as `ReferenceGraph.resourceType(of:)` gives it.
    package var type: String
}

/// One reference from a block to another.
public struct ReferenceEdge: Hashable, Sendable {
    /// The referring node.
    public var from: String
    /// The node referred to.
    public var to: String
    /// The reference as written, e.g. `aws_kms_key.main.arn`.
    public var reference: String
    /// The file of the reference.
    public var file: String
    /// The span of the reference.
    public var range: SourceRange
}

/// A node reached from another, with the chain of nodes in between.
public struct ReferenceChain: Hashable, Sendable {
    /// The node reached.
    public var node: String
    /// The nodes from the start to `node`, both included.
    public var chain: [String]
}
