import HCL
import Terraform

/// Flags resource names written as plain string literals in a module that builds its other
/// names from a shared prefix local.
///
/// Precisely: a *prefix local* is a local whose name is `prefix` or ends in `prefix`
/// (`name_prefix`, `resource_prefix`, `project_prefix`). When a resource of the same module
/// builds its name argument (the first of `name`, `function_name`, `bucket`, `role_name`,
/// `table_name`, `queue_name`, `topic_name`) from a prefix local,
/// every other resource whose name argument is a literal string without interpolation fails,
/// at that literal. A module with no such local, or whose prefix local no resource name uses,
/// has no convention to break.
struct ResourceNamePrefixCheck: CodedCheck {
    let name = "resource-name-prefix"

    /// The top-level arguments that name a resource.
    static let nameArguments = ["name", "function_name", "bucket", "role_name", "table_name", "queue_name", "topic_name"]

    func evaluate(_ subject: Subject, in context: CheckContext) -> [CodedVerdict] {
        guard subject.kind == .resource, let instance = subject.instance else { return [] }
        let body = instance.declaration.source.block.body
        // Only a resource named by a literal can fail: others are passed without looking their
        // module up.
        guard let (argument, attribute) = Self.nameAttribute(of: body), let literal = attribute.expression.staticString, !literal.isEmpty,
              let module = subject.owningModule(in: context), let prefix = Self.usedPrefixLocal(in: module) else { return [] }
        return [CodedVerdict(
            .fail(FailureLocation(range: attribute.expression.range, attributePath: argument, value: .string(literal))),
            arguments: ["prefix": "local." + prefix, "argument": argument])]
    }

    /// The first name argument of a resource body.
    static func nameAttribute(of body: Body) -> (String, Attribute)? {
        for argument in nameArguments {
            if let attribute = body.attribute(named: argument) { return (argument, attribute) }
        }
        return nil
    }

    /// The prefix locals of `module` in declaration order.
    static func prefixLocals(of module: Module) -> [String] {
        module.locals.map(\.name).filter { $0 == "prefix" || $0.hasSuffix("prefix") }
    }

    /// The first prefix local that some resource name of `module` refers to.
    static func usedPrefixLocal(in module: Module) -> String? {
        let prefixes = prefixLocals(of: module)
        guard !prefixes.isEmpty else { return nil }
        for resource in module.resources {
            guard let (_, attribute) = nameAttribute(of: resource.source.block.body) else { continue }
            for traversal in attribute.expression.variables() where traversal.root == "local" {
                if let name = traversal.attributePath.dropFirst().first, prefixes.contains(name) { return name }
            }
        }
        return nil
    }
}
