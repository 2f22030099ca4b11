import HCL

/// An IAM policy document in one normalised model, whichever way it was written: `jsonencode`,
/// a heredoc or quoted JSON string, or an `aws_iam_policy_document` data source.
public struct PolicyDocument: Hashable, Sendable {
    /// `Version`, when known.
    public var version: String?
    /// `Id` (or `policy_id`), when known.
    public var id: String?
    /// The statements, in order (after `source_policy_documents` / `override_policy_documents` merging).
    public var statements: [PolicyStatement]
    /// References that made parts of the document unknown (a whole unknown document has no statements).
    public var unknownReferences: [String]
    /// The file of the expression or block the document came from.
    public var file: String
    /// The span of that expression or block.
    public var range: SourceRange

    /// True when no part of the document is unknown.
    public var isWhollyKnown: Bool { unknownReferences.isEmpty && statements.allSatisfy { $0.unknownReferences.isEmpty } }

    /// The `Allow` statements that allow `action` (see `PolicyStatement.allows(action:)`).
    public func statementsAllowing(_ action: String) -> [PolicyStatement] {
        statements.filter { $0.allows(action: action) }
    }
}

/// One statement of a policy document.
public struct PolicyStatement: Hashable, Sendable {
    /// `Allow` or `Deny`.
    public enum Effect: String, Hashable, Sendable {
        /// `Allow` (the default in `aws_iam_policy_document`).
        case allow = "Allow"
        /// `Deny`.
        case deny = "Deny"
    }

    /// `Sid`, if any.
    public var sid: String?
    /// The effect; nil when unknown or misspelt.
    public var effect: Effect?
    /// `Action` entries, as written.
    public var actions: [String] = []
    /// `NotAction` entries.
    public var notActions: [String] = []
    /// `Resource` entries.
    public var resources: [String] = []
    /// `NotResource` entries.
    public var notResources: [String] = []
    /// `Principal`: type (`AWS`, `Service`, `Federated`, `CanonicalUser`, or `*` for `"Principal": "*"`) → identifiers.
    public var principals: [String: [String]] = [:]
    /// `NotPrincipal`, same shape as `principals`.
    public var notPrincipals: [String: [String]] = [:]
    /// `Condition` entries.
    public var conditions: [PolicyCondition] = []
    /// References behind entries that are unknown (those entries are left out of the lists above).
    public var unknownReferences: [String] = []
    /// The file the statement was written in.
    public var file: String
    /// The statement's span; the whole attribute's span when the statement itself cannot be located.
    public var range: SourceRange

    /// True when an action (or the `NotAction` form) uses a wildcard (`*`, `s3:*`, `iam:Put*`).
    public var hasWildcardAction: Bool { !wildcardActions.isEmpty || !notActions.isEmpty && effect == .allow }

    /// The actions containing `*` or `?`.
    public var wildcardActions: [String] { actions.filter { $0.contains("*") || $0.contains("?") } }

    /// The resources that are exactly `*`.
    public var wildcardResources: [String] { resources.filter { $0 == "*" } }

    /// The principals that let anyone in: `"Principal": "*"` or `{"AWS": "*"}`, as `type:identifier`.
    public var publicPrincipals: [String] {
        principals.keys.sorted().flatMap { type in
            principals[type]!.filter { $0 == "*" && (type == "*" || type == "AWS") }.map { "\(type):\($0)" }
        }
    }

    /// True when this is an `Allow` statement whose actions (or `NotAction` complement) cover
    /// `action`; wildcards match case-insensitively. Conditions and resources are not considered.
    public func allows(action: String) -> Bool {
        guard effect == .allow else { return false }
        if actions.contains(where: { Self.pattern($0, matches: action) }) { return true }
        return !notActions.isEmpty && !notActions.contains { Self.pattern($0, matches: action) }
    }

    /// IAM wildcard matching: `*` is any run of characters, `?` any one; case-insensitive.
    public static func pattern(_ pattern: String, matches text: String) -> Bool {
        let pattern = Array(pattern.lowercased()), text = Array(text.lowercased())
        var p = 0, t = 0, star = -1, mark = 0
        while t < text.count {
            if p < pattern.count, pattern[p] == "?" || pattern[p] == text[t] {
                p += 1; t += 1
            } else if p < pattern.count, pattern[p] == "*" {
                star = p; mark = t; p += 1
            } else if star >= 0 {
                p = star + 1; mark += 1; t = mark
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }
}

/// One condition: operator (`StringEquals`), key (`aws:SourceArn`) and values.
public struct PolicyCondition: Hashable, Sendable {
    /// The condition operator, e.g. `StringEquals` (`test` in `aws_iam_policy_document`).
    public var test: String
    /// The condition key, e.g. `aws:SourceArn` (`variable`).
    public var variable: String
    /// The values.
    public var values: [String]
}

/// A policy document found in a resource attribute.
public struct ResourcePolicy: Hashable, Sendable {
    /// The resource instance's address.
    public var resourceAddress: String
    /// The attribute path, e.g. `policy`, `assume_role_policy`, `inline_policy.policy`.
    public var attribute: String
    /// The document.
    public var document: PolicyDocument
}
