import HCL
import Terraform

/// Flags block names that do not follow the naming convention: `snake_case` by default
/// (`naming: { format: … }` in `.stackreview.yml`: `snake_case`, `mixed_snake_case`, or a
/// `custom` regular expression). Resources, data sources, variables, outputs and module calls
/// are judged by their name label. A block with several instances is reported once.
struct NamingConventionCheck: CodedCheck {
    let name = "naming-convention"

    func evaluate(_ subject: Subject, in context: CheckContext) -> [CodedVerdict] {
        guard subject.isFirstInstance(in: context), let syntax = BlockSyntax(of: subject, in: context),
              let label = syntax.block.labels.last, [.resource, .dataSource, .variable, .output, .moduleCall].contains(subject.kind) else { return [] }
        let convention = context.configuration.naming
        guard !convention.matches(label.value) else { return [] }
        return [CodedVerdict(.fail(FailureLocation(range: label.range, attributePath: "name")), arguments: ["convention": convention.description])]
    }
}
