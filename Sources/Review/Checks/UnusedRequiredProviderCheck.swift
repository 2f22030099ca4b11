import HCL
import Terraform

/// Flags `required_providers` entries that no resource, data source, `provider` block or
/// module call's `providers` map of the module uses. A resource uses the provider named by its
/// `provider` meta-argument, else the one its type starts with (`aws_s3_bucket` → `aws`).
struct UnusedRequiredProviderCheck: CodedCheck {
    let name = "unused-required-provider"

    func evaluate(_ subject: Subject, in context: CheckContext) -> [CodedVerdict] {
        guard subject.kind == .terraformSettings, let module = subject.owningModule(in: context),
              let settings = module.terraformSettings.first(where: { $0.source.file == subject.file && $0.source.range == subject.range }) else { return [] }
        let used = Self.usedProviders(module)
        return settings.requiredProviders.filter { !used.contains($0.name) }.map { provider in
            CodedVerdict(.fail(FailureLocation(range: provider.range, attributePath: "required_providers." + provider.name)), arguments: ["provider": provider.name])
        }
    }

    static func usedProviders(_ module: Module) -> Set<String> {
        var used = Set(module.providers.map(\.name))
        for resource in module.resources + module.dataSources {
            used.insert(resource.providerLocalName)
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

extension ResourceDeclaration {
    /// The local name of the provider the resource uses: the root of its `provider`
    /// meta-argument (`aws` in `aws.west`), else the word its type starts with
    /// (`aws_s3_bucket` → `aws`).
    var providerLocalName: String {
        if let traversal = source.block.body.attribute(named: "provider")?.expression.asTraversal { return traversal.root }
        // The text before the first underscore, found without splitting the whole type; a type
        // that starts with an underscore or has none takes the general way.
        if let underscore = type.utf8.firstIndex(of: UInt8(ascii: "_")), underscore != type.utf8.startIndex {
            return String(type[..<underscore])
        }
        return String(type.split(separator: "_").first ?? Substring(type))
    }
}
