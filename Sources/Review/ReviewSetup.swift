import Git

/// Builds the options of a review from the repository: the configuration file and the user's
/// rule files, read from the BASE side of the change (so a change cannot switch off its own
/// review), then the command line's overrides.
public enum ReviewSetup {
    /// A configuration or rule file that cannot be used.
    public struct Failure: Error, Sendable, Hashable, CustomStringConvertible {
        /// Every problem found, each naming file, line and what was expected.
        public var errors: [RuleLoadError]
        /// One line per problem, then what to do.
        public var description: String {
            errors.map(\.description).joined(separator: "\n") + "\nFix the file(s) above, or pass --config with a valid configuration."
        }
    }

    /// The options for reviewing `range` in `repository`.
    ///
    /// - Parameters:
    ///   - configurationText: the text of `--config FILE`, with its path, replacing the file in the repository.
    ///   - failOn: `--fail-on`, overriding the configuration.
    public static func options(
        repository: Repository, range: ResolvedRange, configurationText: (path: String, text: String)? = nil,
        failOn: Severity?? = nil, reviewAll: Bool, today: String, loadRules: Bool = true
    ) throws(Failure) -> ReviewOptions {
        let side = range.base == .emptyTree ? range.head : range.base
        var configuration = Configuration()
        var errors: [RuleLoadError] = []
        let configText = configurationText ?? (try? repository.file(at: Configuration.fileName, in: side)).flatMap { $0 }.map { (Configuration.fileName, $0.text) }
        if let (path, text) = configText {
            do {
                configuration = try Configuration.load(yaml: text, file: path)
            } catch {
                errors.append(error)
            }
        }
        if let failOn { configuration.failOn = failOn }
        var ruleFiles = loadRules ? BuiltinRules.files.map { (path: $0.path, text: $0.text) } : []
        for folder in configuration.rulePaths where loadRules {
            let entries = (try? repository.listFiles(under: folder, in: side, recursive: true)) ?? []
            for entry in entries where entry.path.hasSuffix(".yml") || entry.path.hasSuffix(".yaml") {
                if let blob = try? repository.file(at: entry.path, in: side) { ruleFiles.append((entry.path, blob.text)) }
            }
        }
        let (rules, ruleErrors) = RuleSet.load(files: ruleFiles)
        errors += ruleErrors
        for id in configuration.rules.keys.sorted() where loadRules && !rules.contains(where: { $0.id == id }) {
            errors.append(RuleLoadError(file: configText?.0 ?? Configuration.fileName, line: 0, column: 0, message: "the rule '\(id)' named under rules: does not exist; `stackreview rules` lists the rules"))
        }
        guard errors.isEmpty else { throw Failure(errors: errors) }
        return ReviewOptions(ruleSet: RuleSet(rules: rules, configuration: configuration), configuration: configuration, reviewAll: reviewAll, today: today)
    }
}
