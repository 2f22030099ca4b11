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
    /// The stored properties of an instance.
    private struct Parts: Hashable, Sendable {
        var address: String
        var mode: ResourceMode
        var type: String
        var name: String
        var key: InstanceKey
        var moduleAddress: String
        var attributes: EvaluatedBody
        var declaration: ResourceDeclaration
        var bindings: [String: Value]
    }

    /// The parts, immutable and shared by every copy of the instance: copying an instance (into
    /// the lists of every module tree, subjects and policy readers) costs one reference count
    /// rather than a copy of every property. A setter gives its instance new parts.
    private final class Box: Sendable {
        let parts: Parts

        init(_ parts: Parts) {
            self.parts = parts
        }
    }

    private var box: Box

    /// The full address, e.g. `module.net.aws_vpc.main`, `aws_kms_key.logs[0]`, `data.x.y["k"]`.
    public var address: String {
        get { box.parts.address }
        set { replace(\.address, with: newValue) }
    }
    /// Managed resource or data source.
    public var mode: ResourceMode {
        get { box.parts.mode }
        set { replace(\.mode, with: newValue) }
    }
    /// The resource type.
    public var type: String {
        get { box.parts.type }
        set { replace(\.type, with: newValue) }
    }
    /// The local name.
    public var name: String {
        get { box.parts.name }
        set { replace(\.name, with: newValue) }
    }
    /// The instance key.
    public var key: InstanceKey {
        get { box.parts.key }
        set { replace(\.key, with: newValue) }
    }
    /// The address of the module instance it belongs to (`""` for the root module).
    public var moduleAddress: String {
        get { box.parts.moduleAddress }
        set { replace(\.moduleAddress, with: newValue) }
    }
    /// The evaluated attributes and nested blocks (meta-arguments `count`, `for_each`,
    /// `depends_on` and `provider` are left out).
    public var attributes: EvaluatedBody {
        get { box.parts.attributes }
        set { replace(\.attributes, with: newValue) }
    }
    /// The declaration it was expanded from (its block, with every syntax range).
    public var declaration: ResourceDeclaration {
        get { box.parts.declaration }
        set { replace(\.declaration, with: newValue) }
    }
    /// The names this instance binds: `count` (`{ index = n }`) or `each` (`{ key, value }`).
    public var bindings: [String: Value] {
        get { box.parts.bindings }
        set { replace(\.bindings, with: newValue) }
    }

    /// Creates an instance from its parts.
    init(
        address: String, mode: ResourceMode, type: String, name: String, key: InstanceKey, moduleAddress: String,
        attributes: EvaluatedBody, declaration: ResourceDeclaration, bindings: [String: Value] = [:]
    ) {
        box = Box(Parts(
            address: address, mode: mode, type: type, name: name, key: key, moduleAddress: moduleAddress,
            attributes: attributes, declaration: declaration, bindings: bindings))
    }

    /// Gives this instance new parts, with `part` set to `value` (other copies keep theirs).
    private mutating func replace<Part>(_ part: WritableKeyPath<Parts, Part>, with value: Part) {
        var parts = box.parts
        parts[keyPath: part] = value
        box = Box(parts)
    }

    public static func == (lhs: ResourceInstance, rhs: ResourceInstance) -> Bool {
        lhs.box === rhs.box || lhs.box.parts == rhs.box.parts
    }

    public func hash(into hasher: inout Hasher) {
        box.parts.hash(into: &hasher)
    }

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
