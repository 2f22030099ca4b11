import HCL
import Terraform

/// Flags providers whose version is not pinned in `required_providers`.
///
/// On a `terraform` subject, each `required_providers` entry without a `version` fails at the
/// entry. On a `provider` subject, the check fails when no `terraform` block of its module
/// lists that provider in `required_providers` at all.
struct RequiredProvidersCheck: CodedCheck {
    let name = "required-providers"

    func evaluate(_ subject: Subject, in context: CheckContext) -> [CodedVerdict] {
        guard let module = subject.owningModule(in: context.module) else { return [] }
        switch subject.kind {
        case .terraformSettings:
            guard let settings = module.terraformSettings.first(where: { $0.source.file == subject.file && $0.source.range == subject.range }) else { return [] }
            return settings.requiredProviders.filter { ($0.version ?? "").isEmpty }.map { provider in
                CodedVerdict(
                    .fail(FailureLocation(range: provider.range, attributePath: "required_providers." + provider.name)),
                    arguments: ["provider": provider.name])
            }
        case .provider:
            guard let declaration = module.providers.first(where: { $0.source.file == subject.file && $0.source.range == subject.range }) else { return [] }
            let listed = module.terraformSettings.flatMap(\.requiredProviders).contains { $0.name == declaration.name }
            guard !listed else { return [] }
            return [CodedVerdict(
                .fail(FailureLocation(range: subject.headerRange, attributePath: "required_providers." + declaration.name)),
                arguments: ["provider": declaration.name])]
        default:
            return []
        }
    }
}
