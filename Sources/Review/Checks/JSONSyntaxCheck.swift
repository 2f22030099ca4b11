import Terraform

/// Flags `.tf.json` files whose root is an array rather than the object Terraform's JSON
/// syntax documents. stackreview cannot analyse such a file (the review lists it among the
/// files not analysed); this check also reports it as a finding, on the first block of the
/// module (a module with no other readable block has nowhere to report it but that list).
/// `files` names the offending files.
struct JSONSyntaxCheck: CodedCheck {
    let name = "json-syntax"

    func evaluate(_ subject: Subject, in context: CheckContext) -> [CodedVerdict] {
        guard subject.isFirstBlockOfModule(in: context), let module = subject.owningModule(in: context) else { return [] }
        let offending = module.configuration.files.filter { file in
            file.path.hasSuffix(".tf.json") && file.source.first(where: { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }) == UInt8(ascii: "[")
        }
        guard !offending.isEmpty else { return [] }
        let files = offending.map { "`\(StandardModuleStructureCheck.fileName($0.path))`" }.joined(separator: ", ")
        return [CodedVerdict(.fail(FailureLocation(range: subject.headerRange, attributePath: "module.json_syntax")), arguments: ["files": files])]
    }
}
