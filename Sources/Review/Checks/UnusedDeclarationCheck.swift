import Terraform

/// Flags variables, locals and data sources that nothing in their module refers to (a local
/// referring only to itself is unused too). A root module's
/// variable may be set from outside, but an unread one still does nothing. A data source with
/// `depends_on` pointing at it, or referred to from any expression, counts as used.
struct UnusedDeclarationCheck: CodedCheck {
    let name = "unused-declaration"

    func evaluate(_ subject: Subject, in context: CheckContext) -> [CodedVerdict] {
        guard [.variable, .local, .dataSource].contains(subject.kind), subject.isFirstInstance(in: context) else { return [] }
        let used = context.graph.referrers(of: subject.graphNode).contains { $0.from != subject.graphNode }
        guard !used else { return [] }
        return [CodedVerdict(.fail(FailureLocation(range: subject.headerRange, attributePath: "")))]
    }
}
