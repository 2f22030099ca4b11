import HCL
import Terraform

/// Flags block names that do not follow the naming convention: `snake_case` by default
/// (`naming: { format: … }` in `.stackreview.yml`: `snake_case`, `mixed_snake_case`, or a
/// `custom` regular expression). Resources, data sources, variables, outputs and module calls
/// are judged by their name label, locals by their attribute name. A block with several instances is reported once.
struct NamingConventionCheck: CodedCheck {
    let name = "naming-convention"

    func evaluate(_ subject: Subject, in context: CheckContext) -> [CodedVerdict] {
        guard subject.isFirstInstance(in: context) else { return [] }
        if subject.kind == .local {
            return verdicts(name: RuleRunner.lastComponent(of: subject.address), range: subject.headerRange, in: context)
        }
        guard [.resource, .dataSource, .variable, .output, .moduleCall].contains(subject.kind) else { return [] }
        // A resource or data source carries its block: the file's block is not looked up.
        let block = subject.instance?.declaration.source.block ?? BlockSyntax(of: subject, in: context)?.block
        guard let label = block?.labels.last else { return [] }
        return verdicts(name: label.value, range: label.range, in: context)
    }

    func verdicts(name: String, range: SourceRange, in context: CheckContext) -> [CodedVerdict] {
        let convention = context.configuration.naming
        guard !convention.matches(name) else { return [] }
        return [CodedVerdict(.fail(FailureLocation(range: range, attributePath: "name")), arguments: ["convention": convention.description])]
    }
}
