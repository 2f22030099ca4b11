import LinearRegex

/// The settings in `.stackreview.yml` at the repository's top level (or `--config FILE`).
///
/// ```yaml
/// fail_on: high                    # critical | high | medium | low | info | never
/// rules:
///   aws-lambda-vpc: off            # turn a rule off
///   aws-lambda-tracing: high       # or override its severity
/// paths:
///   include: ["infra/**", "lambda/**"]
///   exclude: ["legacy/**"]
/// handlers:
///   globs: ["lambda/**/*.py"]      # where to look for (event, context) handlers
/// coverage:
///   target: 70                     # percent
/// logs:
///   minimum_retention_days: 365
/// naming:
///   format: snake_case             # snake_case | mixed_snake_case, or custom: REGEX
/// rule_paths: [".stackreview/rules"]
/// ```
public struct Configuration: Sendable, Hashable {
    /// Where a rule's setting comes from.
    public enum RuleSetting: Sendable, Hashable {
        /// The rule does not run.
        case off
        /// The rule runs with this severity.
        case severity(Severity)
    }

    /// The lowest severity of an introduced finding that makes the review fail (exit 1); nil
    /// never fails.
    public var failOn: Severity? = .high
    /// Per-rule settings by rule id.
    public var rules: [String: RuleSetting] = [:]
    /// When not empty, only paths matching one of these are reviewed.
    public var include: [PathGlob] = []
    /// Paths matching one of these are never reviewed.
    public var exclude: [PathGlob] = []
    /// Where handler files are looked for when no Terraform names them.
    public var handlerGlobs: [PathGlob] = [PathGlob("lambda/**/*.py"), PathGlob("lambdas/**/*.py"), PathGlob("src/**/*.py"), PathGlob("functions/**/*.py")]
    /// The coverage target in percent.
    public var coverageTarget: Double = 70
    /// The least log retention, in days, that the log retention rule accepts.
    public var minimumLogRetentionDays: Int = 365
    /// The convention block names must follow.
    public var naming: NamingConvention = .snakeCase
    /// Folders of user rule files, repository-relative.
    public var rulePaths: [String] = [".stackreview/rules"]

    /// The defaults: fail on high, every rule on, all paths, coverage target 70%.
    public init() {}

    /// Whether `path` is inside the review's paths.
    public func includes(_ path: String) -> Bool {
        if exclude.contains(where: { $0.matches(path) }) { return false }
        return include.isEmpty || include.contains { $0.matches(path) }
    }

    /// The file name looked for at the repository's top level.
    public static let fileName = ".stackreview.yml"

    /// Reads a configuration file's text; every mistake is a `RuleLoadError` naming the line.
    public static func load(yaml text: String, file: String) throws(RuleLoadError) -> Configuration {
        var configuration = Configuration()
        let document = try YAMLDocument.parse(text, file: file)
        let allowed: Set<String> = ["fail_on", "rules", "paths", "handlers", "coverage", "logs", "naming", "rule_paths"]
        for (key, value) in try document.mapping(allowed: allowed, what: "the configuration") {
            switch key {
            case "fail_on":
                let text = try value.string("fail_on").lowercased()
                if text == "never" {
                    configuration.failOn = nil
                } else if let severity = Severity(rawValue: text) {
                    configuration.failOn = severity
                } else {
                    throw value.error("fail_on must be one of critical, high, medium, low, info or never, not '\(text)'")
                }
            case "rules":
                for (id, setting) in try value.mapping(what: "rules") {
                    let text = try setting.string("the setting of \(id)").lowercased()
                    if ["off", "false", "disabled"].contains(text) {
                        configuration.rules[id] = .off
                    } else if let severity = Severity(rawValue: text) {
                        configuration.rules[id] = .severity(severity)
                    } else {
                        throw setting.error("the setting of rule '\(id)' must be off or a severity (critical, high, medium, low, info), not '\(text)'")
                    }
                }
            case "paths":
                for (pathKey, globs) in try value.mapping(allowed: ["include", "exclude"], what: "paths") {
                    let patterns = try globs.stringList(pathKey).map(PathGlob.init)
                    if pathKey == "include" { configuration.include = patterns } else { configuration.exclude = patterns }
                }
            case "handlers":
                for (_, globs) in try value.mapping(allowed: ["globs"], what: "handlers") {
                    configuration.handlerGlobs = try globs.stringList("globs").map(PathGlob.init)
                }
            case "coverage":
                for (_, target) in try value.mapping(allowed: ["target"], what: "coverage") {
                    guard let percent = Double(try target.string("target")), (0...100).contains(percent) else {
                        throw target.error("coverage target must be a percentage from 0 to 100")
                    }
                    configuration.coverageTarget = percent
                }
            case "logs":
                for (_, days) in try value.mapping(allowed: ["minimum_retention_days"], what: "logs") {
                    guard let number = Int(try days.string("minimum_retention_days")), number > 0 else {
                        throw days.error("minimum_retention_days must be a whole number of days above 0")
                    }
                    configuration.minimumLogRetentionDays = number
                }
            case "naming":
                for (namingKey, setting) in try value.mapping(allowed: ["format", "custom"], what: "naming") {
                    let text = try setting.string(namingKey)
                    if namingKey == "custom" {
                        do {
                            configuration.naming = .custom(try SafeRegex(text))
                        } catch {
                            throw setting.error("naming custom is not a regular expression stackreview can run: \(error)")
                        }
                    } else if text == "snake_case" {
                        configuration.naming = .snakeCase
                    } else if text == "mixed_snake_case" {
                        configuration.naming = .mixedSnakeCase
                    } else {
                        throw setting.error("naming format must be snake_case or mixed_snake_case (or give custom: REGEX), not '\(text)'")
                    }
                }
            default:
                configuration.rulePaths = try value.stringList("rule_paths")
            }
        }
        return configuration
    }
}
