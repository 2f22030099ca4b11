import Terraform

/// Checks the standard module layout: variables in `variables.tf`, outputs in `outputs.tf`,
/// and the files `main.tf`, `variables.tf` and `outputs.tf` present (empty is fine). A
/// misplaced variable or output is reported at its block; missing files at the module's first
/// block. `.tf.json` counterparts count.
struct StandardModuleStructureCheck: CodedCheck {
    let name = "standard-module-structure"

    static let expectedFiles = ["main.tf", "variables.tf", "outputs.tf"]

    func evaluate(_ subject: Subject, in context: CheckContext) -> [CodedVerdict] {
        // Only misplaced variables and outputs and a module's first block can fail: others are
        // passed without looking their module up.
        let fileName = subject.kind == .variable || subject.kind == .output ? Self.fileName(subject.file) : ""
        let misplacedVariable = subject.kind == .variable && fileName != "variables.tf" && fileName != "variables.tf.json"
        let misplacedOutput = subject.kind == .output && fileName != "outputs.tf" && fileName != "outputs.tf.json"
        let isFirstBlock = subject.isFirstBlockOfModule(in: context)
        guard misplacedVariable || misplacedOutput || isFirstBlock, let module = subject.owningModule(in: context) else { return [] }
        var verdicts: [CodedVerdict] = []
        if misplacedVariable {
            verdicts.append(CodedVerdict(.fail(FailureLocation(range: subject.headerRange, attributePath: "file")), arguments: ["problem": "is declared in `\(fileName)`, not `variables.tf`"]))
        }
        if misplacedOutput {
            verdicts.append(CodedVerdict(.fail(FailureLocation(range: subject.headerRange, attributePath: "file")), arguments: ["problem": "is declared in `\(fileName)`, not `outputs.tf`"]))
        }
        if isFirstBlock {
            let present = Set(module.configuration.files.map { Self.fileName($0.path) })
            let missing = Self.expectedFiles.filter { !present.contains($0) && !present.contains($0 + ".json") }
            if !missing.isEmpty {
                let list = missing.map { "`\($0)`" }.joined(separator: ", ")
                verdicts.append(CodedVerdict(.fail(FailureLocation(range: subject.headerRange, attributePath: "module.files")), arguments: ["problem": "is the first block of a module without \(list) (the standard layout has `main.tf`, `variables.tf` and `outputs.tf`)"]))
            }
        }
        return verdicts
    }

    /// The last component of `path` (the path itself when it has none).
    static func fileName(_ path: String) -> String {
        // The text after the last slash, found without splitting the whole path; a path that
        // ends in a slash takes the general way.
        if let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")), path.utf8.index(after: slash) != path.utf8.endIndex {
            return String(path[path.utf8.index(after: slash)...])
        }
        return String(path.split(separator: "/").last ?? Substring(path))
    }
}
