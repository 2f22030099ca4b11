import HCL

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
        let configuration = module.configuration
        let loadedCalls = Set(module.childModules.map { Self.staticAddress($0.address) })
        var names = Set<String>()
        for variable in configuration.variables { names.insert("var." + variable.name) }
        for local in configuration.locals { names.insert("local." + local.name) }
        for resource in configuration.resources + configuration.dataSources { names.insert(resource.localAddress) }
        for call in configuration.moduleCalls { names.insert("module." + call.name) }
        for output in configuration.outputs { names.insert("output." + output.name) }
        for provider in configuration.providers { names.insert("provider." + provider.reference) }
        for name in names { declared.insert(prefix + name) }

        func target(_ traversal: Traversal) -> String? {
            let path = traversal.attributePath
            switch traversal.root {
            case "var", "local":
                guard path.count >= 2, names.contains(path[0] + "." + path[1]) else { return nil }
                return prefix + path[0] + "." + path[1]
            case "module":
                guard path.count >= 2, names.contains("module." + path[1]) else { return nil }
                let call = prefix + "module." + path[1]
                if path.count >= 3, loadedCalls.contains(call) { return call + ".output." + path[2] }
                return call
            case "data":
                guard path.count >= 3, names.contains("data.\(path[1]).\(path[2])") else { return nil }
                return prefix + "data.\(path[1]).\(path[2])"
            default:
                guard path.count >= 2, names.contains(path[0] + "." + path[1]) else { return nil }
                return prefix + path[0] + "." + path[1]
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
        for local in configuration.locals { link(prefix + "local." + local.name, local.attribute.expression, file: local.file) }
        for resource in configuration.resources + configuration.dataSources {
            link(prefix + resource.localAddress, resource.source.block.body, file: resource.source.file)
        }
        for output in configuration.outputs {
            if let value = output.value { link(prefix + "output." + output.name, value, file: output.source.file) }
        }
        for provider in configuration.providers { link(prefix + "provider." + provider.reference, provider.source.block.body, file: provider.source.file) }
        for call in configuration.moduleCalls {
            let callNode = prefix + "module." + call.name
            link(callNode, call.source.block.body, file: call.source.file)
            guard loadedCalls.contains(callNode) else { continue }
            for argument in call.arguments {
                link(callNode + ".var." + argument.name, argument.expression, file: call.source.file)
            }
        }
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
