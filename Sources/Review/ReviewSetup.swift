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

    /// What the options of a review are made from, as read from one revision: the
    /// configuration file's text and the user's rule files. Two reviews whose sources are equal
    /// have the same options, which is how a walk over many commits loads the rules once.
    public struct Sources: Sendable, Hashable {
        /// The configuration file's path and text, if there is one.
        public var configuration: ConfigurationFile?
        /// The user's rule files (under the configuration's `rule_paths`), path and text.
        public var ruleFiles: [ConfigurationFile]
        /// Whether the built-in and user rules are loaded at all.
        public var loadRules: Bool
    }

    /// A file the options are read from: its repository path (or `--config` path) and text.
    public struct ConfigurationFile: Sendable, Hashable {
        /// The path.
        public var path: String
        /// The text.
        public var text: String
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
        let sources = try sources(repository: repository, range: range, configurationText: configurationText, loadRules: loadRules)
        return try options(sources, failOn: failOn, reviewAll: reviewAll, today: today)
    }

    /// Reads the configuration and the user's rule files from the side of `range` a review
    /// takes them from (the base; the head when the base is the empty tree).
    public static func sources(
        repository: Repository, range: ResolvedRange, configurationText: (path: String, text: String)? = nil, loadRules: Bool = true
    ) throws(Failure) -> Sources {
        let side = range.base == .emptyTree ? range.head : range.base
        let configText = configurationText ?? (try? repository.file(at: Configuration.fileName, in: side)).flatMap { $0 }.map { (Configuration.fileName, $0.text) }
        var ruleFiles: [ConfigurationFile] = []
        if loadRules {
            // An invalid configuration file is reported by `options(_:)`; its defaults name the folders meanwhile.
            let configuration = configText.flatMap { try? Configuration.load(yaml: $0.1, file: $0.0) } ?? Configuration()
            for folder in configuration.rulePaths {
                let entries = (try? repository.listFiles(under: folder, in: side, recursive: true)) ?? []
                for entry in entries where entry.path.hasSuffix(".yml") || entry.path.hasSuffix(".yaml") {
                    if let blob = try? repository.file(at: entry.path, in: side) { ruleFiles.append(ConfigurationFile(path: entry.path, text: blob.text)) }
                }
            }
        }
        return Sources(configuration: configText.map { ConfigurationFile(path: $0.0, text: $0.1) }, ruleFiles: ruleFiles, loadRules: loadRules)
    }

    /// The options `sources` make, with the command line's overrides.
    public static func options(_ sources: Sources, failOn: Severity?? = nil, reviewAll: Bool, today: String) throws(Failure) -> ReviewOptions {
        var configuration = Configuration()
        var errors: [RuleLoadError] = []
        if let file = sources.configuration {
            do {
                configuration = try Configuration.load(yaml: file.text, file: file.path)
            } catch {
                errors.append(error)
            }
        }
        if let failOn { configuration.failOn = failOn }
        let loadRules = sources.loadRules
        let ruleFiles = loadRules ? BuiltinRules.files.map { (path: $0.path, text: $0.text) } + sources.ruleFiles.map { (path: $0.path, text: $0.text) } : []
        let (rules, ruleErrors) = RuleSet.load(files: ruleFiles)
        errors += ruleErrors
        for id in configuration.rules.keys.sorted() where loadRules && !rules.contains(where: { $0.id == id }) {
            errors.append(RuleLoadError(file: sources.configuration?.path ?? Configuration.fileName, line: 0, column: 0, message: "the rule '\(id)' named under rules: does not exist; `stackreview rules` lists the rules"))
        }
        guard errors.isEmpty else { throw Failure(errors: errors) }
        return ReviewOptions(ruleSet: RuleSet(rules: rules, configuration: configuration), configuration: configuration, reviewAll: reviewAll, today: today)
    }
}
