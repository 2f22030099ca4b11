import Terraform

/// Flags critical resources (Lambda functions, APIs, DynamoDB tables) that no output exposes,
/// so callers, tests and other stacks cannot find them without hard-coding names.
///
/// An output exposes a resource when its value refers to it directly or through locals and
/// other outputs; for an API, also through one of its stages or deployments (an `invoke_url`
/// output exposes the API).
struct CriticalResourceOutputCheck: CodedCheck {
    let name = "critical-resource-output"

    /// The node types a reference may pass through on its way from an API to an output.
    static let apiIntermediates: Set<String> = [
        "aws_api_gateway_stage", "aws_api_gateway_deployment", "aws_apigatewayv2_stage", "aws_apigatewayv2_domain_name",
    ]

    func evaluate(_ subject: Subject, in context: CheckContext) -> [CodedVerdict] {
        guard subject.kind == .resource else { return [] }
        let isAPI = subject.type == "aws_api_gateway_rest_api" || subject.type == "aws_apigatewayv2_api"
        let exposed = Self.isExposed(subject.graphNode, in: context.graph) { node in
            Self.isLocalOrOutput(node) || (isAPI && ConnectionIndex.resourceType(of: node).map(Self.apiIntermediates.contains) == true)
        }
        return exposed ? [] : [CodedVerdict(.fail(FailureLocation(range: subject.headerRange, attributePath: "")))]
    }

    /// Whether an output refers to `node` directly or through nodes that `passes` lets a
    /// reference through: a search back from `node` that goes no further than those nodes
    /// (not through everything that depends on it).
    static func isExposed(_ node: String, in graph: ReferenceGraph, through passes: (String) -> Bool) -> Bool {
        var seen: Set<String> = [node]
        var queue = [node]
        while let current = queue.popLast() {
            for edge in graph.referrers(of: current) where seen.insert(edge.from).inserted {
                if isOutput(edge.from) { return true }
                if passes(edge.from) { queue.append(edge.from) }
            }
        }
        return false
    }

    static func isOutput(_ node: String) -> Bool {
        node.hasPrefix("output.") || contains(node, ".output.")
    }

    static func isLocalOrOutput(_ node: String) -> Bool {
        isOutput(node) || node.hasPrefix("local.") || contains(node, ".local.")
    }

    /// Whether `node` contains the ASCII text `part`, as `String.contains` says; most nodes
    /// are ruled out by their bytes first (no other spelling of ASCII dots and lowercase
    /// letters is canonically equivalent to them, so a text without those bytes does not
    /// contain `part`).
    static func contains(_ node: String, _ part: StaticString) -> Bool {
        let mayContain = node.utf8.withContiguousStorageIfAvailable { bytes in
            part.withUTF8Buffer { wanted in
                guard bytes.count >= wanted.count else { return false }
                return (0...(bytes.count - wanted.count)).contains { start in
                    (0..<wanted.count).allSatisfy { bytes[start + $0] == wanted[$0] }
                }
            }
        }
        return mayContain != false && node.contains(part.description)
    }
}
