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
    /// Every node that is declared, sorted.
    public private(set) var nodes: [String] = []
    /// Every edge, in the order found (module by module, declaration order).
    public private(set) var edges: [ReferenceEdge] = []
    private var outgoing: [String: [Int]] = [:]
    private var incoming: [String: [Int]] = [:]

    /// Builds the graph of `root` and all its loaded descendants.
    public init(root: Module) {
        var declared = Set<String>()
        var seenModules = Set<String>()
        for module in root.allModules {
            let prefix = Self.staticAddress(module.address)
            guard seenModules.insert(prefix).inserted else { continue }
            add(module, prefix: prefix.isEmpty ? "" : prefix + ".", root: root, declared: &declared)
        }
        nodes = declared.sorted()
        for (index, edge) in edges.enumerated() {
            outgoing[edge.from, default: []].append(index)
            incoming[edge.to, default: []].append(index)
        }
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

    private mutating func add(_ module: Module, prefix: String, root: Module, declared: inout Set<String>) {
        let loadedCalls = Set(module.childModules.map { String(Self.staticAddress($0.address).dropFirst(prefix.count)) })
        let own = Self.ownGraph(of: module.configuration, loadedCalls: loadedCalls)
        for name in own.names { declared.insert(prefix + name) }
        if prefix.isEmpty {
            edges += own.edges
        } else {
            for edge in own.edges {
                edges.append(ReferenceEdge(from: prefix + edge.from, to: prefix + edge.to, reference: edge.reference, file: edge.file, range: edge.range))
            }
        }
    }

    /// The names one module declares and the edges of its own expressions, with addresses
    /// relative to the module (`local.x`, `module.net.var.cidr`): what every instance of the
    /// module contributes to a graph, under its own prefix.
    private struct OwnGraph: Sendable {
        var names: Set<String>
        var edges: [ReferenceEdge]
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
    public func references(of node: String) -> [ReferenceEdge] { (outgoing[node] ?? []).map { edges[$0] } }

    /// The edges arriving at `node`: what refers to it directly.
    public func referrers(of node: String) -> [ReferenceEdge] { (incoming[node] ?? []).map { edges[$0] } }

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
            for edge in forward ? references(of: current) : referrers(of: current) {
                let next = forward ? edge.to : edge.from
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
