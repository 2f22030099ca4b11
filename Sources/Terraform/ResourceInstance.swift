import HCL

/// Which instance of a resource or module call: none, a `count` index or a `for_each` key.
public enum InstanceKey: Hashable, Sendable {
    /// No `count` or `for_each`.
    case none
    /// `count` instance `[n]`.
    case index(Int)
    /// `for_each` instance `["key"]`.
    case key(String)
    /// `count` or `for_each` is unknown: one placeholder instance stands for all of them.
    case unknown

    /// The address suffix: ``, `[0]`, `["key"]`, or `[*]` for the unknown placeholder.
    public var addressSuffix: String {
        switch self {
        case .none: return ""
        case .index(let index): return "[\(index)]"
        case .key(let key): return "[\"\(key)\"]"
        case .unknown: return "[*]"
        }
    }
}

/// One instance of a `resource` or `data` block, with its attributes evaluated.
public struct ResourceInstance: Hashable, Sendable {
    /// The full address, e.g. `module.net.aws_vpc.main`, `aws_kms_key.logs[0]`, `data.x.y["k"]`.
    public var address: String
    /// Managed resource or data source.
    public var mode: ResourceMode
    /// The resource type.
    public var type: String
    /// The local name.
    public var name: String
    /// The instance key.
    public var key: InstanceKey
    /// The address of the module instance it belongs to (`""` for the root module).
    public var moduleAddress: String
    /// The evaluated attributes and nested blocks (meta-arguments `count`, `for_each`,
    /// `depends_on` and `provider` are left out).
    public var attributes: EvaluatedBody
    /// The declaration it was expanded from (its block, with every syntax range).
    public var declaration: ResourceDeclaration
    /// The names this instance binds: `count` (`{ index = n }`) or `each` (`{ key, value }`).
    public var bindings: [String: Value] = [:]

    /// The span of the whole block.
    public var range: SourceRange { declaration.source.range }
    /// The repository-relative path of the file.
    public var file: String { declaration.source.file }
    /// The address without the instance key, e.g. `module.net.aws_vpc.main`.
    public var resourceAddress: String {
        (moduleAddress.isEmpty ? "" : moduleAddress + ".") + declaration.localAddress
    }
}

/// A provider block with its attributes evaluated.
public struct ProviderConfiguration: Hashable, Sendable {
    /// The declaration.
    public var declaration: ProviderDeclaration
    /// The evaluated attributes and blocks.
    public var attributes: EvaluatedBody
    /// `default_tags { tags = ... }`, when present, with its range.
    public var defaultTags: AttributeMatch? { attributes.value(at: "default_tags.tags") }
}

/// A module call the loader did not follow (registry, Git or other remote source, or a cycle).
public struct OpaqueModuleCall: Hashable, Sendable {
    /// The call's full address, e.g. `module.vpc`.
    public var address: String
    /// The declaration.
    public var declaration: ModuleCallDeclaration
    /// Why it was not loaded, in a sentence.
    public var reason: String
}
