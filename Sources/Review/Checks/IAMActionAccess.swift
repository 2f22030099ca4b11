/// What an IAM action name says about its access level, judged from its verb the way the IAM
/// reference groups actions: reads (`Get`, `List`, `Describe`, ...) and everything else, which
/// writes data or manages permissions.
enum IAMActionAccess {
    /// Verbs of read-only and list actions.
    static let readVerbs = [
        "Get", "List", "Describe", "Head", "Query", "Scan", "BatchGet", "Lookup", "Search", "Select", "Check",
        "Validate", "Test", "Preview", "Simulate", "Filter", "Read", "View",
    ]

    /// Write actions that support no resource-level permissions, so `Resource: "*"` is the only
    /// way to grant them (X-Ray segments, CloudWatch metrics, the network interfaces of a Lambda
    /// function in a VPC).
    static let unrestrictable: Set<String> = [
        "xray:puttracesegments", "xray:puttelemetryrecords", "cloudwatch:putmetricdata",
        "ec2:createnetworkinterface", "ec2:deletenetworkinterface", "ec2:assignprivateipaddresses",
        "ec2:unassignprivateipaddresses",
    ]

    /// Whether `action` (`dynamodb:PutItem`, `s3:Put*`) may write or manage permissions.
    ///
    /// A pattern counts when some write action could match it: `s3:Put*` does, `s3:Get*`
    /// does not, and `s3:*Object` could match anything. Whole-service wildcards (`s3:*`) and
    /// `*` are not judged here.
    static func mayWrite(_ action: String) -> Bool {
        let parts = action.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return false }
        if unrestrictable.contains(action.lowercased()) { return false }
        let name = String(parts[1])
        let literalPrefix = String(name.prefix { $0 != "*" && $0 != "?" })
        let isPattern = literalPrefix.count < name.count
        let lowered = literalPrefix.lowercased()
        if isPattern {
            // `Get*` is a read pattern only when its fixed part already names a read verb.
            return !readVerbs.contains { lowered.hasPrefix($0.lowercased()) }
        }
        return !readVerbs.contains { verb in
            lowered.hasPrefix(verb.lowercased()) && startsWord(name, after: verb.count)
        }
    }

    /// True when `name` has a new word (an uppercase letter) or ends right after `offset`
    /// characters, so `Get` matches `GetItem` but `Test` does not match `Testify`.
    private static func startsWord(_ name: String, after offset: Int) -> Bool {
        let rest = name.dropFirst(offset)
        guard let next = rest.first else { return true }
        return next.isUppercase || next.isNumber
    }
}
