import HCL
import Terraform

/// A check written in Swift, for what a declarative condition cannot say (IAM policy
/// analysis, cross-resource rules, secrets). Rule files name it with `check: { coded: NAME }`.
///
/// Each check is one type, listed once in `CodedChecks.all`; a test fails when a rule names a
/// check that does not exist or a check is used by no rule.
public protocol CodedCheck: Sendable {
    /// The name rule files use.
    var name: String { get }
    /// The failures (and unknowns) on `subject`; an empty list means it passes.
    func evaluate(_ subject: Subject, in context: CheckContext) -> [CodedVerdict]
}

/// One failure or unknown from a coded check, with the message arguments it adds.
public struct CodedVerdict: Sendable, Hashable {
    /// Where it failed (or `.unknown` when it cannot tell).
    public var verdict: Verdict
    /// Extra message arguments, such as `actions` or `resources`; never a secret's value.
    public var arguments: [String: String]

    /// Creates a coded verdict.
    public init(_ verdict: Verdict, arguments: [String: String] = [:]) {
        self.verdict = verdict
        self.arguments = arguments
    }
}

/// What a check can see besides its subject: the whole module at the same revision.
///
/// Built once per loaded module tree and shared by every rule and subject, so the reference
/// graph and the policy documents are computed once.
public struct CheckContext: Sendable {
    /// The root module's directory.
    public var directory: String
    /// The root module the subject belongs to, with its loaded children.
    public var module: Module
    /// Every subject of the module tree, in declaration order.
    public var subjectList: [Subject]
    /// Every subject of the module tree, by address.
    public var subjects: [String: Subject]
    /// Which blocks refer to which.
    public var graph: ReferenceGraph
    /// Connections between resources.
    public var connections: ConnectionIndex
    /// Every policy document attached to a resource, by resource address.
    public var policies: [String: [ResourcePolicy]]
    /// The documents of `aws_iam_policy_document` data sources, by address.
    public var dataSourceDocuments: [String: PolicyDocument]
    /// The configuration in force.
    public var configuration: Configuration
    /// Today's date (`YYYY-MM-DD`), for suppression expiry.
    public var today: String
    /// The suppression comments of the module's files.
    public var suppressions: SuppressionIndex
    /// Lambda packages and the handler code they deploy, computed once for all checks.
    let handlerCode = HandlerCodeCache()
    /// Every parsed file of the module tree, by path, for checks that read the syntax.
    let parsedFiles: [String: ParsedFile]
    /// The addresses of the first instance (smallest address) of each block: checks about
    /// how a block is written report it once, not once per `count` or `for_each` instance.
    let firstInstances: Set<String>
    /// The address of the first block (file, then source order, then address) of each module
    /// folder: where findings about a module as a whole are reported.
    let firstBlocksOfModules: Set<String>
    /// Every module of the tree by address, the first in tree order for an address met twice:
    /// what `Subject.owningModule(in:)` looks subjects up in.
    let modulesByAddress: [String: Module]
    /// Where each subject's block (or local) starts, by file.
    let subjectStartsByFile: [String: Set<Int>]

    /// Builds the context of a module tree loaded from `directory`.
    public init(module: Module, directory: String, configuration: Configuration, today: String = "2000-01-01") {
        self.directory = directory
        self.module = module
        let subjects = module.subjects(directory: directory)
        self.subjectList = subjects
        self.subjects = Dictionary(subjects.map { ($0.address, $0) }, uniquingKeysWith: { first, _ in first })
        let graph = ReferenceGraph(root: module)
        self.graph = graph
        self.connections = ConnectionIndex(graph: graph)
        let reader = PolicyDocumentReader(root: module)
        var policies: [String: [ResourcePolicy]] = [:]
        for policy in reader.resourcePolicies() {
            policies[policy.resourceAddress, default: []].append(policy)
        }
        self.policies = policies
        var documents: [String: PolicyDocument] = [:]
        for subject in subjects where subject.type == "data.aws_iam_policy_document" {
            documents[subject.address] = reader.dataSourceDocument(at: subject.address)
        }
        self.dataSourceDocuments = documents
        self.configuration = configuration
        self.today = today
        self.suppressions = SuppressionIndex(module: module)
        let allModules = module.allModules
        self.parsedFiles = Dictionary(allModules.flatMap(\.configuration.files).map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        self.modulesByAddress = Dictionary(allModules.map { ($0.address, $0) }, uniquingKeysWith: { first, _ in first })
        var firstOfBlock: [BlockStart: Subject] = [:]
        var firstOfFolder: [Substring: Subject] = [:]
        var subjectStarts: [String: Set<Int>] = [:]
        for subject in subjects {
            let file = subject.file, start = subject.range.start.byte
            subjectStarts[file, default: []].insert(start)
            let block = BlockStart(file: file, byte: start)
            if firstOfBlock[block].map({ $0.address < subject.address }) != true { firstOfBlock[block] = subject }
            // The folder: everything before the file's last slash.
            let folder = file.utf8.lastIndex(of: UInt8(ascii: "/")).map { file[..<$0] } ?? ""
            let order = { (candidate: Subject) in (candidate.file, candidate.range.start.byte, candidate.address) }
            // A local is not a block: module-wide findings land on blocks, as they did before locals were subjects.
            if subject.kind != .local, firstOfFolder[folder].map({ order($0) < order(subject) }) != true { firstOfFolder[folder] = subject }
        }
        self.firstInstances = Set(firstOfBlock.values.map(\.address))
        self.firstBlocksOfModules = Set(firstOfFolder.values.map(\.address))
        self.subjectStartsByFile = subjectStarts
    }
}

/// Where a block starts: its file and byte offset (what tells the instances of one block apart
/// from other blocks).
private struct BlockStart: Hashable {
    var file: String
    var byte: Int
}
