import Threading

/// The rules a review runs: loaded from rule files, validated, with configuration applied.
public struct RuleSet: Sendable {
    /// The enabled rules, sorted by id, with configured severities.
    public private(set) var rules: [Rule]

    /// A rule set of `rules` with `configuration` applied (rules turned off are dropped).
    public init(rules: [Rule], configuration: Configuration = Configuration()) {
        self.rules = rules.compactMap { rule in
            switch configuration.rules[rule.id] {
            case .off?: return nil
            case .severity(let severity)?:
                var changed = rule
                changed.severity = severity
                return changed
            case nil: return rule
            }
        }.sorted { $0.id < $1.id }
    }

    /// The rule with `id`.
    public func rule(_ id: String) -> Rule? { rules.first { $0.id == id } }

    /// Loads rule files given as (path, text) pairs, collecting every error rather than
    /// stopping at the first: unreadable files, duplicate ids, and coded checks that do not exist.
    public static func load(files: [(path: String, text: String)], loader: RuleLoader = RuleLoader()) -> (rules: [Rule], errors: [RuleLoadError]) {
        var rules: [Rule] = []
        var errors: [RuleLoadError] = []
        var seen: [String: String] = [:]
        let sorted = files.sorted(by: { $0.path < $1.path })
        // The files are parsed on every core (every review reads all the built-in rules first),
        // then taken in path order.
        let parsed = ParallelMap.map(sorted) { file in Result { () throws(RuleLoadError) -> Rule in try loader.load(yaml: file.text, file: file.path) } }
        for ((path, _), outcome) in zip(sorted, parsed) {
            do {
                let rule = try outcome.get()
                if let first = seen[rule.id] {
                    errors.append(RuleLoadError(file: path, line: 1, column: 1, message: "the rule id '\(rule.id)' is already used by \(first); ids must be unique"))
                    continue
                }
                if case .coded(let name) = rule.check, CodedChecks.named(name) == nil {
                    errors.append(RuleLoadError(file: path, line: 0, column: 0, message: "the coded check '\(name)' does not exist; known checks: \(CodedChecks.all.map(\.name).sorted().joined(separator: ", "))"))
                    continue
                }
                seen[rule.id] = path
                rules.append(rule)
            } catch {
                errors.append(error)
            }
        }
        return (rules, errors)
    }
}
