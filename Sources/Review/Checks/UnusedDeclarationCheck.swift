import HCL
import Terraform

/// Flags variables, locals and data sources that nothing in their module refers to (a local
/// referring only to itself is unused too). A root module's
/// variable may be set from outside, but an unread one still does nothing. A data source with
/// `depends_on` pointing at it, or referred to from any expression, counts as used; so does a
/// local read anywhere in its module's files, even where the reference graph does not look.
struct UnusedDeclarationCheck: CodedCheck {
    let name = "unused-declaration"

    func evaluate(_ subject: Subject, in context: CheckContext) -> [CodedVerdict] {
        guard [.variable, .local, .dataSource].contains(subject.kind), subject.isFirstInstance(in: context) else { return [] }
        let used = context.graph.isReferredToByOthers(subject.graphNode)
        guard !used, !(subject.kind == .local && Self.isReadOutsideTheGraph(subject, in: context)) else { return [] }
        return [CodedVerdict(.fail(FailureLocation(range: subject.headerRange, attributePath: "")))]
    }

    /// Whether an expression the reference graph does not link (a `check` or `import` block,
    /// an output's `precondition`, a variable's `validation`) reads the local `subject`.
    static func isReadOutsideTheGraph(_ subject: Subject, in context: CheckContext) -> Bool {
        guard let module = subject.owningModule(in: context) else { return false }
        let name = subject.lastAddressComponent
        func reads(_ body: Body, ownFile: Bool) -> Bool {
            body.attributes.contains { attribute in
                !(ownFile && attribute.range == subject.range) && attribute.expression.variables().contains {
                    $0.root == "local" && $0.attributePath.dropFirst().first == name
                }
            } || body.blocks.contains { reads($0.body, ownFile: ownFile) }
        }
        return module.configuration.files.contains { reads($0.body, ownFile: $0.path == subject.file) }
    }
}
