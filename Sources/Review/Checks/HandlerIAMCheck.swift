import HCL
import Terraform
import Threading

/// Compares the AWS SDK calls of a Python function's code (mapped to IAM actions through
/// `SDKActionTable`) with what the function's role allows. Registered twice:
/// - `handler-iam-missing`: a call needs an action no `Allow` statement of the role grants —
///   the call fails at run time with AccessDenied; silent when any of the role's policies is
///   not known (a managed policy other than the basic execution roles, an unknown document);
/// - `handler-iam-unused`: the role allows actions of a service in the table that no call
///   needs — least privilege; the actions every Lambda function needs for its logs are not
///   counted, and `kms:Decrypt`/`kms:GenerateDataKey` count as used when the code calls a
///   service that encrypts with KMS on its behalf (S3, DynamoDB, SQS, SNS, Secrets Manager, SSM).
///
/// The role is the `aws_iam_role` the function's `role` refers to; its policies are its
/// inline policies, `aws_iam_role_policy` resources and the `aws_iam_policy` resources attached
/// with `aws_iam_role_policy_attachment`, all in the same module tree. Findings are at the
/// `role` attribute: one per missing action (`role.s3:PutObject`), one listing the unused ones
/// (`role`).
struct HandlerIAMCheck: CodedCheck {
    enum Direction: Sendable { case missing, unused }

    let name: String
    let direction: Direction

    static let missing = HandlerIAMCheck(name: "handler-iam-missing", direction: .missing)
    static let unused = HandlerIAMCheck(name: "handler-iam-unused", direction: .unused)

    /// Managed policies whose content is known: they grant only CloudWatch Logs (and, for VPC
    /// access, network interfaces).
    static let knownManagedPolicies: Set<String> = [
        "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
        "arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole",
    ]
    /// Services that call KMS for the caller when their data is encrypted with a customer managed key.
    static let kmsUsingServices: Set<String> = ["s3", "dynamodb", "sqs", "sns", "secretsmanager", "ssm"]
    /// The KMS actions those services need from the caller.
    static let envelopeActions = ["kms:Decrypt", "kms:GenerateDataKey"]
    /// Actions the Lambda service itself uses on the function's behalf.
    static let platformActions = ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"]

    func evaluate(_ subject: Subject, in context: CheckContext) -> [CodedVerdict] {
        guard let code = HandlerPackageCode(subject, in: context), code.allParsed, !code.files.isEmpty,
              let roleMatch = subject.body.value(at: "role") else { return [] }
        guard let role = context.graph.references(of: subject.graphNode).map(\.to).first(where: {
            ConnectionIndex.resourceType(of: $0) == "aws_iam_role"
        }) else { return [] }
        guard let (statements, complete) = context.handlerCode.policies(ofRole: role, in: context) else { return [] }
        let calls = code.files.flatMap(\.sdkCalls)
        var needed: [(action: String, call: HandlerCodeFacts.SDKCall)] = []
        for call in calls {
            for action in SDKActionTable.actions[call.service]?[call.method] ?? [] where !needed.contains(where: { $0.action == action }) {
                needed.append((action, call))
            }
        }
        let answer = Self.answer(statements: statements, needed: needed.map { ($0.action, $0.call.service) })
        switch direction {
        case .missing:
            guard complete else { return [] }
            return needed.filter { answer.missing.contains($0.action) }.map { need in
                CodedVerdict(
                    .fail(FailureLocation(range: roleMatch.range, attributePath: "role." + need.action)),
                    arguments: [
                        "action": need.action, "call": "\(need.call.service).\(need.call.method)",
                        "handler": need.call.file, "line": String(need.call.line), "role": role,
                    ])
            }
        case .unused:
            guard !answer.unused.isEmpty else { return [] }
            return [CodedVerdict(
                .fail(FailureLocation(range: roleMatch.range, attributePath: "role")),
                arguments: ["actions": answer.unused.joined(separator: ", "), "role": role, "handler": code.reference.path])]
        }
    }

    /// What the answer of `answer(statements:needed:)` depends on: per statement, whether it
    /// allows and its actions and not-actions; and the actions the code needs, each with the
    /// service of the call that needs it.
    struct Question: Hashable {
        /// What a statement grants: whether its effect is `Allow`, its actions and not-actions.
        struct Grant: Hashable {
            var allows: Bool
            var actions: [String]
            var notActions: [String]
        }

        /// An action the code needs, and the service of the call needing it.
        struct Need: Hashable {
            var action: String
            var service: String
        }

        /// The role's statements, in order.
        var grants: [Grant]
        /// The needed actions, in order.
        var needs: [Need]
    }

    /// What a role's statements say about the actions its function's code needs.
    struct Answer: Sendable {
        /// The needed actions no statement allows.
        var missing: Set<String>
        /// The allowed actions of the services in `SDKActionTable` that no need uses (the
        /// platform's log actions left out), in statement order.
        var unused: [String]
    }

    /// Every answer worked out so far: each module instance of a service (and both checks)
    /// asks the same question, and wildcard matching is costly.
    private static let answers = Locked<[Question: Answer]>([:])

    /// What `statements` allow of `needed` (unique actions, with the service of the call needing
    /// each), and what they allow beyond it; worked out once per distinct question.
    static func answer(statements: [PolicyStatement], needed: [(action: String, service: String)]) -> Answer {
        let question = Question(
            grants: statements.map { Question.Grant(allows: $0.effect == .allow, actions: $0.actions, notActions: $0.notActions) },
            needs: needed.map { Question.Need(action: $0.action, service: $0.service) })
        if let known = answers.withLock({ $0[question] }) { return known }
        let missing = Set(needed.map(\.action).filter { action in !statements.contains { $0.allows(action: action) } })
        let services = Set(SDKActionTable.actions.keys)
        var unused: [String] = []
        for statement in statements where statement.effect == .allow {
            for action in statement.actions {
                let service = String(action.split(separator: ":").first ?? "").lowercased()
                guard services.contains(service), !platformActions.contains(where: { PolicyStatement.pattern(action, matches: $0) }) else { continue }
                var used = needed.contains { PolicyStatement.pattern(action, matches: $0.action) }
                // Services encrypting with a customer managed key call KMS on the caller's behalf.
                if service == "kms", !used { used = needed.contains { kmsUsingServices.contains($0.service) } && envelopeActions.contains { PolicyStatement.pattern(action, matches: $0) } }
                if !used && !unused.contains(action) { unused.append(action) }
            }
        }
        let answer = Answer(missing: missing, unused: unused)
        answers.withLock { $0[question] = answer }
        return answer
    }

    /// The statements of the role's known policies, and whether every policy is known; nil when
    /// the role is not in the module.
    static func statements(ofRole role: String, context: CheckContext) -> ([PolicyStatement], Bool)? {
        guard let roleSubject = subjects(atNode: role, in: context).first else { return nil }
        var statements: [PolicyStatement] = []
        var complete = true
        func add(_ address: String, attribute: String) {
            for policy in context.policies[address] ?? [] where policy.attribute == attribute {
                statements += policy.document.statements
                if !policy.document.isWhollyKnown { complete = false }
            }
        }
        add(roleSubject.address, attribute: "inline_policy.policy")
        if let managed = roleSubject.body.value(at: "managed_policy_arns") {
            for arn in managed.value.elements ?? [] where !(arn.stringValue.map(knownManagedPolicies.contains) ?? false) { complete = false }
        }
        for edge in context.graph.referrers(of: role) {
            let type = ConnectionIndex.resourceType(of: edge.from)
            // Looked up only for the types below: most of a role's referrers are other resources.
            var referrers: [Subject] { subjects(atNode: edge.from, in: context) }
            switch type {
            case "aws_iam_role_policy":
                for referrer in referrers { add(referrer.address, attribute: "policy") }
            case "aws_iam_role_policy_attachment", "aws_iam_policy_attachment":
                for referrer in referrers {
                    let policies = context.graph.references(of: referrer.graphNode).map(\.to).filter { ConnectionIndex.resourceType(of: $0) == "aws_iam_policy" }
                    if policies.isEmpty {
                        let arn = referrer.body.value(at: "policy_arn")?.value.stringValue
                        if !(arn.map(knownManagedPolicies.contains) ?? false) { complete = false }
                    }
                    for policy in policies {
                        for instance in subjects(atNode: policy, in: context) { add(instance.address, attribute: "policy") }
                    }
                }
            default:
                break
            }
        }
        return (statements, complete)
    }

    /// The subjects of the module tree whose graph node is `node`, in subject order. A resource
    /// without `count` or `for_each` is one subject whose address is its node, found by address;
    /// the instances of one with them have keyed addresses, and are searched for.
    static func subjects(atNode node: String, in context: CheckContext) -> [Subject] {
        if let subject = context.subjects[node], subject.graphNode == node { return [subject] }
        return context.subjectList.filter { $0.graphNode == node }
    }
}
