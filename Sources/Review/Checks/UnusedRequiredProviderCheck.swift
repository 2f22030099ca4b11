import HCL
import Terraform

/// Flags `required_providers` entries that no resource, data source, `provider` block or
/// module call's `providers` map of the module uses. A resource uses the provider named by its
/// `provider` meta-argument, else the one its type starts with (`aws_s3_bucket` → `aws`).
struct UnusedRequiredProviderCheck: CodedCheck {
    let name = "unused-required-provider"

    func evaluate(_ subject: Subject, in context: CheckContext) -> [CodedVerdict] {
        guard subject.kind == .terraformSettings, let module = subject.owningModule(in: context.module),
              let settings = module.terraformSettings.first(where: { $0.source.file == subject.file && $0.source.range == subject.range }) else { return [] }
        let used = Self.usedProviders(module)
        return settings.requiredProviders.filter { !used.contains($0.name) }.map { provider in
            CodedVerdict(.fail(FailureLocation(range: provider.range, attributePath: "required_providers." + provider.name)), arguments: ["provider": provider.name])
        }
    }

    static func usedProviders(_ module: Module) -> Set<String> {
        var used = Set(module.providers.map(\.name))
        for resource in module.resources + module.dataSources {
            if let traversal = resource.source.block.body.attribute(named: "provider")?.expression.asTraversal {
                used.insert(traversal.root)
            } else if let prefix = resource.type.split(separator: "_").first {
                used.insert(String(prefix))
            }
        }
        for call in module.moduleCalls {
            guard case .object(let items)? = call.source.block.body.attribute(named: "providers")?.expression.kind else { continue }
            for item in items {
                if let root = item.value.asTraversal?.root { used.insert(root) }
            }
        }
        return used
    }
}
