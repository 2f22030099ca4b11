import Terraform

/// Flags a module that sets no `required_version` in any `terraform` block. The finding is on
/// the module's first `terraform` block when it has one, else on the module's first block;
/// `module` is the folder of that block's file (`.` at the top).
struct RequiredVersionCheck: CodedCheck {
    let name = "required-version"

    func evaluate(_ subject: Subject, in context: CheckContext) -> [CodedVerdict] {
        // Only a `terraform` block or a module's first block can fail: others are passed
        // without looking their module up.
        guard subject.kind == .terraformSettings || subject.isFirstBlockOfModule(in: context),
              let module = subject.owningModule(in: context),
              !module.terraformSettings.contains(where: { $0.source.block.body.attribute(named: "required_version") != nil }) else { return [] }
        if let first = module.terraformSettings.first {
            guard subject.kind == .terraformSettings, first.source.file == subject.file, first.source.range == subject.range else { return [] }
        } else {
            guard subject.isFirstBlockOfModule(in: context) else { return [] }
        }
        let folder = subject.file.split(separator: "/").dropLast().joined(separator: "/")
        return [CodedVerdict(.fail(FailureLocation(range: subject.headerRange, attributePath: "terraform.required_version")), arguments: ["module": folder.isEmpty ? "." : folder])]
    }
}
