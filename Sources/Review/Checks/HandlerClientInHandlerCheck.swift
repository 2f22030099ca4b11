import Python

/// Flags AWS SDK clients and resources created inside an entry point (`boto3.client(...)`,
/// `boto3.resource(...)`, `session.client(...)`): each invocation pays for the client's
/// setup; created at module level, a client is reused by every warm invocation.
struct HandlerClientInHandlerCheck: HandlerCheck {
    let name = "handler-client-in-handler"

    func evaluate(_ handler: HandlerSubject) -> [HandlerVerdict] {
        guard handler.isEntryPoint else { return [] }
        var verdicts: [HandlerVerdict] = []
        var seen: [String: Int] = [:]
        for resolved in handler.calls {
            guard let name = resolved.name, Self.isClientFactory(name) else { continue }
            let call = resolved.site
            let service = call.args.first?.stringValue ?? call.keyword("service_name")?.stringValue ?? "client"
            seen[service, default: 0] += 1
            let path = "client." + service + (seen[service] == 1 ? "" : ".\(seen[service] ?? 0)")
            verdicts.append(HandlerVerdict(range: call.range, attributePath: path, arguments: ["service": service]))
        }
        return verdicts
    }

    static func isClientFactory(_ name: String) -> Bool {
        if ["boto3.client", "boto3.resource", "boto3.session.Session.client"].contains(name) { return true }
        let parts = name.split(separator: ".")
        guard parts.count == 2, ["client", "resource"].contains(parts[1]) else { return false }
        return parts[0].lowercased().contains("session")
    }
}
