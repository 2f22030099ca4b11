/// What the built-in rule pack must cover to stand in for checkov, trivy and tflint on a
/// serverless stack: the list kept in `rules/data/parity-ids.yaml` and embedded in the binary.
///
/// ```yaml
/// checkov:                      # groups, in the order PARITY.md shows them
///   Lambda: [CKV_AWS_45, CKV_AWS_50]
/// tflint: [terraform_comment_syntax]
/// stackreview:                  # behaviours no other tool names, and the rule for each
///   iam:PassRole on every role: iam-pass-role-wildcard
/// ```
public struct ParityRequirements: Sendable, Hashable {
    /// A titled group of checkov ids.
    public struct Group: Sendable, Hashable {
        /// The group's heading (`Lambda`, `S3`).
        public var title: String
        /// The ids, in the order written.
        public var ids: [String]
    }

    /// A behaviour stackreview covers without an equivalent id elsewhere.
    public struct OwnBehaviour: Sendable, Hashable {
        /// What is covered, in words.
        public var behaviour: String
        /// The rule that covers it.
        public var ruleID: String
    }

    /// The checkov ids, by group.
    public var checkov: [Group]
    /// The tflint rule names.
    public var tflint: [String]
    /// stackreview's own behaviours.
    public var ownBehaviours: [OwnBehaviour]

    /// The path of the data file in the repository.
    public static let path = "rules/data/parity-ids.yaml"

    /// Reads the data file's text; a mistake is a `RuleLoadError` naming the line.
    public static func parse(_ text: String, file: String = path) throws(RuleLoadError) -> ParityRequirements {
        var requirements = ParityRequirements(checkov: [], tflint: [], ownBehaviours: [])
        let document = try YAMLDocument.parse(text, file: file)
        for (key, value) in try document.mapping(allowed: ["checkov", "tflint", "stackreview"], what: "the parity list") {
            switch key {
            case "checkov":
                for (title, ids) in try value.mapping(what: "checkov") {
                    requirements.checkov.append(Group(title: title, ids: try ids.stringList(title)))
                }
            case "tflint":
                requirements.tflint = try value.stringList("tflint")
            default:
                for (behaviour, rule) in try value.mapping(what: "stackreview") {
                    requirements.ownBehaviours.append(OwnBehaviour(behaviour: behaviour, ruleID: try rule.nonEmptyString(behaviour)))
                }
            }
        }
        return requirements
    }

    /// The list shipped with stackreview.
    public static func builtin() throws(RuleLoadError) -> ParityRequirements {
        try parse(builtinText)
    }

    /// The Swift source of `ParityRequirements+File.swift` for the data file's `text`.
    public static func generatedSource(for text: String) -> String {
        let hashes = String(repeating: "#", count: BuiltinRules.delimiterLength(for: text))
        var output = """
            // Generated from \(path) by ParityDocumentTests; do not edit.
            // Regenerate: STACKREVIEW_UPDATE_GOLDEN=1 swift test --filter ParityDocumentTests

            extension ParityRequirements {
                /// The text of `\(path)`.
                static let builtinText = \(hashes)\"\"\"

            """
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast(text.hasSuffix("\n") ? 1 : 0) {
            output += line.isEmpty ? "\n" : "        " + line + "\n"
        }
        output += "        \"\"\"\(hashes)\n}\n"
        return output
    }
}
