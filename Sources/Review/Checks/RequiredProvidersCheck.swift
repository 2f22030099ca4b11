import HCL
import Terraform

/// Flags providers whose version is not pinned in `required_providers`.
///
/// On a `terraform` subject, each `required_providers` entry without a `version` fails at the
/// entry. On a `provider` subject, the check fails when no `terraform` block of its module
/// lists that provider in `required_providers` at all. A provider that resources and data
/// sources use with neither an entry nor a `provider` block (a child module relying on its
/// caller) fails once, at the first block that uses it; the built-in `terraform` provider is
/// exempt.
struct RequiredProvidersCheck: CodedCheck {
    let name = "required-providers"

    func evaluate(_ subject: Subject, in context: CheckContext) -> [CodedVerdict] {
        // Settings, providers and the first instance of a resource or data source can fail:
        // others are passed without looking their module up.
        switch subject.kind {
        case .terraformSettings, .provider: break
        case .resource, .dataSource: guard subject.instance != nil, subject.isFirstInstance(in: context) else { return [] }
        default: return []
        }
        guard let module = subject.owningModule(in: context) else { return [] }
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
        case .resource, .dataSource:
            guard let declaration = subject.instance?.declaration, subject.isFirstInstance(in: context) else { return [] }
            let name = declaration.providerLocalName
            guard name != "terraform", !module.providers.contains(where: { $0.name == name }),
                  !module.terraformSettings.contains(where: { $0.requiredProviders.contains { $0.name == name } }) else { return [] }
            let own = (subject.file, subject.range.start.byte)
            let isEarlier = { (other: ResourceDeclaration) in
                other.providerLocalName == name && (other.source.file, other.source.range.start.byte) < own
            }
            // By index: each declaration is read in place, not copied (as iterating would).
            let resources = module.resources, dataSources = module.dataSources
            let earlier = resources.indices.contains { isEarlier(resources[$0]) } || dataSources.indices.contains { isEarlier(dataSources[$0]) }
            guard !earlier else { return [] }
            return [CodedVerdict(
                .fail(FailureLocation(range: subject.headerRange, attributePath: "required_providers." + name)),
                arguments: ["provider": name])]
        default:
            return []
        }
    }
}
