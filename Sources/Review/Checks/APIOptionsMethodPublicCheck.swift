import Terraform

/// Flags `OPTIONS` methods of a REST API that anyone may call: `authorization = "NONE"`, no
/// API key, on an API that is not private-only and whose resource policy (`policy` of the
/// `aws_api_gateway_rest_api`, or an `aws_api_gateway_rest_api_policy`) allows
/// `execute-api:Invoke` to everyone (`*`) without a condition and denies it to no one.
///
/// Methods other than `OPTIONS` are the business of `aws-api-gateway-method-authorization`.
/// A method whose API cannot be found, or whose API has no known resource policy, is not
/// judged.
struct APIOptionsMethodPublicCheck: CodedCheck {
    let name = "api-options-method-public"

    static let invokeActions: Set<String> = ["execute-api:invoke", "execute-api:*", "*"]

    func evaluate(_ subject: Subject, in context: CheckContext) -> [CodedVerdict] {
        let body = subject.body
        guard body.value(at: "http_method")?.value.stringValue?.uppercased() == "OPTIONS",
              body.value(at: "authorization")?.value.stringValue?.uppercased() == "NONE",
              body.value(at: "api_key_required")?.value != .bool(true) else { return [] }
        let connected = Set(context.connections.connected(to: subject.graphNode))
        guard let api = context.subjectList.first(where: { $0.type == "aws_api_gateway_rest_api" && connected.contains($0.graphNode) }) else { return [] }
        let types = api.body.value(at: "endpoint_configuration.types")?.value
        if case .list(let items)? = types, items == [.string("PRIVATE")] { return [] }
        let apiConnected = Set(context.connections.connected(to: api.graphNode))
        let policyHolders = [api] + context.subjectList.filter { $0.type == "aws_api_gateway_rest_api_policy" && apiConnected.contains($0.graphNode) }
        let statements = policyHolders.flatMap { holder in
            OwnedPolicyStatement.statements(of: holder, in: context, attributes: ["policy"], ownedOnly: false).map(\.statement)
        }
        guard !statements.isEmpty else { return [] }
        let toEveryone = statements.filter { statement in
            statement.principals.values.contains { $0.contains("*") }
                && statement.actions.contains { Self.invokeActions.contains($0.lowercased()) }
        }
        if toEveryone.contains(where: { $0.effect == .deny }) { return [] }
        guard toEveryone.contains(where: { $0.effect == .allow && $0.conditions.isEmpty }) else { return [] }
        let location = body.value(at: "authorization").map(\.range) ?? subject.headerRange
        return [CodedVerdict(.fail(FailureLocation(range: location, attributePath: "authorization")), arguments: ["api": api.address])]
    }
}
