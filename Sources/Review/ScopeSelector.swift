import Git
import HCL
import Terraform

/// Works out which subjects of a loaded module a change touched, with the reason for each, as
/// DESIGN.md's scope semantics say:
/// - a block is touched when its source range meets an added or changed line (head) or a
///   deleted line (base); every block of an added or deleted file is touched;
/// - a touched variable, local or data source touches everything that refers to it, through any
///   chain of locals; a variable set on a changed line of a `.tfvars` file is touched;
/// - a changed handler file touches the Lambda functions whose package contains it;
/// - a touched IAM policy, role policy or attachment touches its role and the functions that
///   assume the role.
struct ScopeSelector {
    /// Which side of the change the module was loaded from.
    enum Side {
        case base
        case head
    }

    let changeSet: ChangeSet
    let side: Side
    /// The changed files by their path on this side, the first for a path listed twice: every
    /// block of every module asks for its file.
    private let changedFiles: [String: ChangedFile]

    /// A selector of what `changeSet` touched on `side`.
    init(changeSet: ChangeSet, side: Side) {
        self.changeSet = changeSet
        self.side = side
        changedFiles = Dictionary(
            changeSet.files.map { (side == .head ? $0.path : ($0.oldPath ?? $0.path), $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The touched graph nodes of the module of `context`, with reasons.
    func touched(_ context: CheckContext, handlerFiles: [String]) -> [String: [String]] {
        let module = context.module, directory = context.directory, subjects = context.subjectList
        var reasons: [String: [String]] = [:]
        func touch(_ node: String, _ reason: String) {
            if !(reasons[node]?.contains(reason) ?? false) { reasons[node, default: []].append(reason) }
        }
        // Direct edits, in the files of the module tree (most trees have no changed file).
        let allModules = module.allModules
        if allModules.contains(where: { $0.configuration.files.contains { changedFiles[$0.path] != nil } }) {
            for subject in subjects {
                if let reason = editReason(file: subject.file, range: subject.range) { touch(subject.graphNode, reason) }
            }
            for child in allModules {
                let prefix = child.address.isEmpty ? "" : ReferenceGraph.staticNode(child.address) + "."
                for local in child.locals {
                    if let reason = editReason(file: local.file, range: local.attribute.range) { touch(prefix + "local." + local.name, reason) }
                }
            }
        }
        // Variables set in changed .tfvars files of this module.
        for file in changeSet.files where file.kind == .terraformVariables {
            let path = side == .head ? file.path : (file.oldPath ?? file.path)
            guard RepositoryPaths.directory(of: path) == directory, let lines = changedLines(file) else { continue }
            let source = module.context.fileSource?.readFile(at: path)
            guard let bytes = source?.bytes else { continue }
            let parsed = path.hasSuffix(".json") ? nil : HCL.parse(bytes, fileName: path)
            for attribute in parsed?.body.attributes ?? [] where lines.isEmpty || lines.contains(where: { attribute.range.overlapsLines($0) }) {
                touch("var." + attribute.name, "set in \(path):\(attribute.range.start.line)")
            }
            if parsed == nil { for variable in module.variables { touch("var." + variable.name, "set in \(path)") } }
        }
        let graph = context.graph
        // Handler files: the functions whose package contains them.
        for subject in subjects where !handlerFiles.isEmpty && subject.type == "aws_lambda_function" {
            let package = context.handlerCode.package(of: subject, in: context)
            for handler in handlerFiles where package.contains(handler) {
                touch(subject.graphNode, "via \(handler)")
            }
        }
        // Variables, locals and data sources reach what refers to them.
        for node in reasons.keys.sorted() where Self.propagates(node) {
            for dependent in graph.dependents(of: node) {
                touch(dependent.node, "via " + dependent.chain.dropLast().joined(separator: " → "))
            }
        }
        // IAM: a touched policy touches its role and the functions that assume it.
        for node in reasons.keys.sorted() {
            guard let type = ConnectionIndex.resourceType(of: node), Self.iamPolicyTypes.contains(type) else { continue }
            for role in roles(reachedFrom: node, graph: graph) {
                touch(role, "via \(node)")
                for edge in graph.referrers(of: role) where ConnectionIndex.resourceType(of: edge.from) == "aws_lambda_function" {
                    touch(edge.from, "via \(node) → \(role)")
                }
            }
        }
        return reasons
    }

    static let iamPolicyTypes: Set<String> = [
        "aws_iam_role_policy", "aws_iam_role_policy_attachment", "aws_iam_policy", "aws_iam_policy_attachment",
        "data.aws_iam_policy_document",
    ]

    /// Whether a touched node touches what refers to it: variables, locals and data sources
    /// (in the root module or a child, `module.net.var.x`).
    static func propagates(_ node: String) -> Bool {
        var parts = node.split(separator: ".")
        while parts.count > 2, parts[0] == "module" { parts.removeFirst(2) }
        return ["var", "local", "data"].contains(parts.first ?? "")
    }

    /// The roles a policy node reaches: directly (`role = aws_iam_role.r.id`), through an
    /// attachment, or through a policy document used by either.
    func roles(reachedFrom node: String, graph: ReferenceGraph) -> [String] {
        var roles: Set<String> = []
        var pending = [node]
        var seen: Set<String> = []
        while let current = pending.popLast() {
            guard seen.insert(current).inserted else { continue }
            for edge in graph.references(of: current) where ConnectionIndex.resourceType(of: edge.to) == "aws_iam_role" {
                roles.insert(edge.to)
            }
            for edge in graph.referrers(of: current) {
                if let type = ConnectionIndex.resourceType(of: edge.from), Self.iamPolicyTypes.contains(type) { pending.append(edge.from) }
                if ConnectionIndex.resourceType(of: edge.from) == "aws_iam_role" { roles.insert(edge.from) }
            }
        }
        return roles.sorted()
    }

    /// Why a block in `file` spanning `range` is touched on this side, or nil.
    func editReason(file path: String, range: SourceRange) -> String? {
        guard let file = changedFiles[path] else { return nil }
        switch (side, file.status) {
        case (.head, .added), (.head, .copied): return "added in \(path)"
        case (.base, .deleted): return "deleted with \(path)"
        default: break
        }
        let lines = side == .head ? file.addedLines : file.deletedLines
        guard let hit = lines.first(where: { range.overlapsLines($0.range) }) else { return nil }
        let line = max(hit.lowerBound, range.start.line)
        return side == .head ? "edited at \(path):\(line)" : "lines removed at \(path):\(line) (base)"
    }

    /// The changed lines of a file on this side; empty means the whole file (added or deleted).
    func changedLines(_ file: ChangedFile) -> [ClosedRange<Int>]? {
        switch (side, file.status) {
        case (.head, .added), (.base, .deleted): return []
        case (.head, .deleted), (.base, .added): return nil
        default:
            let lines = side == .head ? file.addedLines : file.deletedLines
            return lines.isEmpty ? nil : lines.map(\.range)
        }
    }
}
