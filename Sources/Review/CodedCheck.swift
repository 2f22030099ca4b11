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
    /// The stored properties of a context.
    private struct Parts: Sendable {
        var directory: String
        var module: Module
        var subjectList: [Subject]
        var subjects: [String: Subject]
        var graph: ReferenceGraph
        var connections: ConnectionIndex
        var policies: [String: [ResourcePolicy]]
        var dataSourceDocuments: [String: PolicyDocument]
        var configuration: Configuration
        var today: String
        var suppressions: SuppressionIndex
        var handlerCode: HandlerCodeCache
        var parsedFiles: [String: ParsedFile]
        var firstInstances: Set<String>
        var firstBlocksOfModules: Set<String>
        var modulesByAddress: [String: Module]
        var subjectStartsByFile: [String: Set<Int>]
    }

    /// The parts, immutable and shared by every copy of the context: copying a context (into
    /// each parallel task, closure and cache) costs one reference count rather than one per
    /// property. A setter gives its context new parts.
    private final class Box: Sendable {
        let parts: Parts

        init(_ parts: Parts) {
            self.parts = parts
        }
    }

    private var box: Box

    /// The root module's directory.
    public var directory: String {
        get { box.parts.directory }
        set { replace(\.directory, with: newValue) }
    }
    /// The root module the subject belongs to, with its loaded children.
    public var module: Module {
        get { box.parts.module }
        set { replace(\.module, with: newValue) }
    }
    /// Every subject of the module tree, in declaration order.
    public var subjectList: [Subject] {
        get { box.parts.subjectList }
        set { replace(\.subjectList, with: newValue) }
    }
    /// Every subject of the module tree, by address.
    public var subjects: [String: Subject] {
        get { box.parts.subjects }
        set { replace(\.subjects, with: newValue) }
    }
    /// Which blocks refer to which.
    public var graph: ReferenceGraph {
        get { box.parts.graph }
        set { replace(\.graph, with: newValue) }
    }
    /// Connections between resources.
    public var connections: ConnectionIndex {
        get { box.parts.connections }
        set { replace(\.connections, with: newValue) }
    }
    /// Every policy document attached to a resource, by resource address.
    public var policies: [String: [ResourcePolicy]] {
        get { box.parts.policies }
        set { replace(\.policies, with: newValue) }
    }
    /// The documents of `aws_iam_policy_document` data sources, by address.
    public var dataSourceDocuments: [String: PolicyDocument] {
        get { box.parts.dataSourceDocuments }
        set { replace(\.dataSourceDocuments, with: newValue) }
    }
    /// The configuration in force.
    public var configuration: Configuration {
        get { box.parts.configuration }
        set { replace(\.configuration, with: newValue) }
    }
    /// Today's date (`YYYY-MM-DD`), for suppression expiry.
    public var today: String {
        get { box.parts.today }
        set { replace(\.today, with: newValue) }
    }
    /// The suppression comments of the module's files.
    public var suppressions: SuppressionIndex {
        get { box.parts.suppressions }
        set { replace(\.suppressions, with: newValue) }
    }
    /// Lambda packages and the handler code they deploy, computed once for all checks.
    var handlerCode: HandlerCodeCache { box.parts.handlerCode }
    /// Every parsed file of the module tree, by path, for checks that read the syntax.
    var parsedFiles: [String: ParsedFile] { box.parts.parsedFiles }
    /// The addresses of the first instance (smallest address) of each block: checks about
    /// how a block is written report it once, not once per `count` or `for_each` instance.
    var firstInstances: Set<String> { box.parts.firstInstances }
    /// The address of the first block (file, then source order, then address) of each module
    /// folder: where findings about a module as a whole are reported.
    var firstBlocksOfModules: Set<String> { box.parts.firstBlocksOfModules }
    /// Every module of the tree by address, the first in tree order for an address met twice:
    /// what `Subject.owningModule(in:)` looks subjects up in.
    var modulesByAddress: [String: Module] { box.parts.modulesByAddress }
    /// Where each subject's block (or local) starts, by file.
    var subjectStartsByFile: [String: Set<Int>] { box.parts.subjectStartsByFile }

    /// Builds the context of a module tree loaded from `directory`.
    public init(module: Module, directory: String, configuration: Configuration, today: String = "2000-01-01") {
        let subjects = module.subjects(directory: directory)
        let graph = ReferenceGraph(root: module)
        let reader = PolicyDocumentReader(root: module)
        var policies: [String: [ResourcePolicy]] = [:]
        for policy in reader.resourcePolicies() {
            policies[policy.resourceAddress, default: []].append(policy)
        }
        var documents: [String: PolicyDocument] = [:]
        for subject in subjects where subject.type == "data.aws_iam_policy_document" {
            documents[subject.address] = reader.dataSourceDocument(at: subject.address)
        }
        let allModules = module.allModules
        // Files and folders are numbered as first met (a file's subjects mostly follow each
        // other), so the tables below hash numbers rather than paths.
        var fileNumbers: [String: Int] = [:], files: [String] = [], folderOfFile: [Int] = []
        var folderNumbers: [Substring: Int] = [:]
        var startsOfFile: [Set<Int>] = []
        var firstOfFolder: [Subject?] = []
        var firstOfBlock: [BlockStart: Subject] = [:]
        var lastFile: (path: String, number: Int)?
        for subject in subjects {
            let file = subject.file, start = subject.range.start.byte
            let fileNumber: Int
            if let lastFile, lastFile.path == file {
                fileNumber = lastFile.number
            } else if let known = fileNumbers[file] {
                fileNumber = known
            } else {
                fileNumber = files.count
                fileNumbers[file] = fileNumber
                files.append(file)
                startsOfFile.append([])
                // The folder: everything before the file's last slash.
                let folder = file.utf8.lastIndex(of: UInt8(ascii: "/")).map { file[..<$0] } ?? ""
                if let known = folderNumbers[folder] {
                    folderOfFile.append(known)
                } else {
                    folderNumbers[folder] = firstOfFolder.count
                    folderOfFile.append(firstOfFolder.count)
                    firstOfFolder.append(nil)
                }
            }
            lastFile = (file, fileNumber)
            startsOfFile[fileNumber].insert(start)
            let block = BlockStart(file: fileNumber, byte: start)
            if firstOfBlock[block].map({ $0.address < subject.address }) != true { firstOfBlock[block] = subject }
            let order = { (candidate: Subject) in (candidate.file, candidate.range.start.byte, candidate.address) }
            // A local is not a block: module-wide findings land on blocks, as they did before locals were subjects.
            let folder = folderOfFile[fileNumber]
            if subject.kind != .local, firstOfFolder[folder].map({ order($0) < order(subject) }) != true { firstOfFolder[folder] = subject }
        }
        var subjectStarts: [String: Set<Int>] = [:]
        subjectStarts.reserveCapacity(files.count)
        for (file, starts) in zip(files, startsOfFile) { subjectStarts[file] = starts }
        box = Box(Parts(
            directory: directory, module: module, subjectList: subjects,
            subjects: Dictionary(subjects.map { ($0.address, $0) }, uniquingKeysWith: { first, _ in first }),
            graph: graph, connections: ConnectionIndex(graph: graph), policies: policies, dataSourceDocuments: documents,
            configuration: configuration, today: today, suppressions: SuppressionIndex(module: module), handlerCode: HandlerCodeCache(),
            parsedFiles: Dictionary(allModules.flatMap(\.configuration.files).map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first }),
            firstInstances: Set(firstOfBlock.values.map(\.address)), firstBlocksOfModules: Set(firstOfFolder.compactMap { $0?.address }),
            modulesByAddress: Dictionary(allModules.map { ($0.address, $0) }, uniquingKeysWith: { first, _ in first }),
            subjectStartsByFile: subjectStarts))
    }

    /// Gives this context new parts, with `part` set to `value` (other copies keep theirs).
    private mutating func replace<Part>(_ part: WritableKeyPath<Parts, Part>, with value: Part) {
        var parts = box.parts
        parts[keyPath: part] = value
        box = Box(parts)
    }
}

/// Where a block starts: its file (by number) and byte offset (what tells the instances of one
/// block apart from other blocks).
private struct BlockStart: Hashable {
    var file: Int
    var byte: Int
}
