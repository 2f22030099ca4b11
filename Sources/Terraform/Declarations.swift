import HCL

/// Whether a resource block is managed (`resource`) or a data source (`data`).
public enum ResourceMode: String, Hashable, Sendable {
    /// A `resource` block.
    case managed
    /// A `data` block.
    case data
}

/// Where a declaration was written: the file and the HCL block (with all its ranges).
public struct DeclarationSource: Hashable, Sendable {
    /// The repository-relative path of the file.
    public var file: String
    /// The block as parsed; `block.range` spans the whole block.
    public var block: Block

    /// Creates a source.
    public init(file: String, block: Block) {
        self.file = file
        self.block = block
    }

    /// The span of the whole block.
    public var range: SourceRange { block.range }
}

/// A `resource` or `data` block, before expansion into instances.
public struct ResourceDeclaration: Hashable, Sendable {
    /// Managed resource or data source.
    public var mode: ResourceMode
    /// The resource type, e.g. `aws_lambda_function`.
    public var type: String
    /// The local name, e.g. `api`.
    public var name: String
    /// Where it was written.
    public var source: DeclarationSource
    /// The address within its module: `aws_lambda_function.api` or `data.aws_iam_policy_document.x`.
    public var localAddress: String {
        mode == .data ? "data.\(type).\(name)" : "\(type).\(name)"
    }
    /// The `count` expression, if any.
    public var count: Expression? { source.block.body.attribute(named: "count")?.expression }
    /// The `for_each` expression, if any.
    public var forEach: Expression? { source.block.body.attribute(named: "for_each")?.expression }
}

/// A `variable` block.
public struct VariableDeclaration: Hashable, Sendable {
    /// The variable's name.
    public var name: String
    /// The `type` constraint, parsed; nil when absent.
    public var type: TypeConstraint?
    /// The `default` expression, if any.
    public var defaultExpression: Expression?
    /// The `description`, when it is a static string.
    public var description: String?
    /// The `sensitive` flag (false when absent or not a literal bool).
    public var sensitive: Bool
    /// The `nullable` flag (true when absent).
    public var nullable: Bool
    /// The `validation` blocks, in order.
    public var validations: [VariableValidation]
    /// Where it was written.
    public var source: DeclarationSource
}

/// A variable's `validation` block.
public struct VariableValidation: Hashable, Sendable {
    /// The `condition` expression.
    public var condition: Expression?
    /// The `error_message` expression.
    public var errorMessage: Expression?
    /// The block's span.
    public var range: SourceRange
}

/// One named value of a `locals` block.
public struct LocalDeclaration: Hashable, Sendable {
    /// The local's name.
    public var name: String
    /// The attribute (`name = expression`) with its ranges.
    public var attribute: Attribute
    /// The file it was written in.
    public var file: String
}

/// An `output` block.
public struct OutputDeclaration: Hashable, Sendable {
    /// The output's name.
    public var name: String
    /// The `value` expression.
    public var value: Expression?
    /// The `description`, when static.
    public var description: String?
    /// The `sensitive` flag.
    public var sensitive: Bool
    /// Where it was written.
    public var source: DeclarationSource
}

/// A `provider` block.
public struct ProviderDeclaration: Hashable, Sendable {
    /// The provider's local name, e.g. `aws`.
    public var name: String
    /// The `alias`, when set to a static string.
    public var alias: String?
    /// Where it was written.
    public var source: DeclarationSource
    /// `aws` or `aws.alias`, as resources refer to it.
    public var reference: String { alias.map { "\(name).\($0)" } ?? name }
}

/// A `module` block.
public struct ModuleCallDeclaration: Hashable, Sendable {
    /// The call's name (`net` in `module "net"`).
    public var name: String
    /// The `source` string, when static.
    public var sourceAddress: String?
    /// The `version` constraint, when static.
    public var version: String?
    /// Where it was written.
    public var source: DeclarationSource
    /// True when `source` is a local path (`./` or `../`), which the loader follows.
    public var isLocal: Bool {
        guard let address = sourceAddress else { return false }
        return address.hasPrefix("./") || address.hasPrefix("../")
    }
    /// The call's arguments: every attribute except the meta-arguments (`source`, `version`,
    /// `count`, `for_each`, `providers`, `depends_on`).
    public var arguments: [Attribute] {
        source.block.body.attributes.filter { !Self.metaArguments.contains($0.name) }
    }
    static let metaArguments: Set<String> = ["source", "version", "count", "for_each", "providers", "depends_on"]
}

/// A `moved` block.
public struct MovedDeclaration: Hashable, Sendable {
    /// The `from` address as written (e.g. `aws_s3_bucket.old`).
    public var from: String?
    /// The `to` address as written.
    public var to: String?
    /// Where it was written.
    public var source: DeclarationSource
}

/// One entry of `required_providers`.
public struct RequiredProvider: Hashable, Sendable {
    /// The local name, e.g. `aws`.
    public var name: String
    /// The `source`, e.g. `hashicorp/aws` (nil for the legacy string form).
    public var source: String?
    /// The version constraint, e.g. `~> 5.0`.
    public var version: String?
    /// The span of the entry's value.
    public var range: SourceRange
}

/// A `terraform` block.
public struct TerraformSettings: Hashable, Sendable {
    /// `required_version`, when static.
    public var requiredVersion: String?
    /// The `required_providers` entries, in source order.
    public var requiredProviders: [RequiredProvider]
    /// The backend type (`backend "s3"`), if any.
    public var backendType: String?
    /// The backend block, if any.
    public var backend: Block?
    /// Where it was written.
    public var source: DeclarationSource
}
