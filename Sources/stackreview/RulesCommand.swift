import ArgumentParser
import Foundation
import Reporting
import Review

/// `stackreview rules`: list the built-in rules, show their parity with other scanners, or
/// test a folder of rule files.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the rules, show their parity with checkov, trivy and tflint, or run the examples of your own rule files.",
        subcommands: [List.self, Parity.self, Test.self],
        defaultSubcommand: List.self
    )

    /// `stackreview rules list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the built-in rules: id, severity, section, checkov and trivy ids.")

        func run() throws {
            try Terminal.write(RuleListing.table(try BuiltinRulesLoad.rules()), to: nil)
        }
    }

    /// `stackreview rules parity`.
    struct Parity: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "parity",
            abstract: "Print rules/PARITY.md: every checkov, tflint and trivy id the built-in rules must cover, with the rules that cover it."
        )

        func run() throws {
            let requirements: ParityRequirements
            do {
                requirements = try ParityRequirements.builtin()
            } catch {
                throw CommandError(status: .usageError, message: "the built-in parity list does not load: \(error.description)")
            }
            try Terminal.write(ParityDocument(rules: try BuiltinRulesLoad.rules(), requirements: requirements).markdown, to: nil)
        }
    }

    /// `stackreview rules test DIR`.
    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "test",
            abstract: "Load every rule file under DIR and run its examples: each failing example must fire exactly at its ⚑ markers, each passing example must stay silent."
        )

        @Argument(help: "A folder of rule files (.yml, .yaml), such as .stackreview/rules.")
        var directory: String

        func run() throws {
            let files = try RuleFolder.read(directory)
            let (rules, errors) = RuleSet.load(files: files)
            guard errors.isEmpty else {
                throw CommandError(status: .usageError, message: errors.map(\.description).joined(separator: "\n") + "\nFix the rule files above.")
            }
            let runner = RuleExampleRunner(today: Terminal.today)
            var failed = 0
            var output = ""
            for rule in rules {
                let failures = runner.failures(of: rule)
                failed += failures.isEmpty ? 0 : 1
                output += failures.isEmpty ? "ok    \(rule.id)\n" : failures.map { "FAIL  \($0)\n" }.joined()
            }
            output += "\(rules.count - failed) passed, \(failed) failed\n"
            try Terminal.write(output, to: nil)
            if failed > 0 { throw ExitCode(ExitStatus.findingsIntroduced.rawValue) }
        }
    }
}

/// `stackreview explain ID`.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "explain", abstract: "Show one rule's documentation and examples.")

    @Argument(help: "A rule id, as `stackreview rules` lists them.")
    var id: String

    func run() throws {
        let rules = try BuiltinRulesLoad.rules()
        guard let rule = rules.first(where: { $0.id == id || $0.references.checkov.contains(id) }) else {
            let near = rules.map(\.id).filter { $0.contains(id) || id.contains($0) }.prefix(5)
            throw CommandError(status: .usageError, message: "no rule '\(id)'." + (near.isEmpty ? "" : " Did you mean: \(near.joined(separator: ", "))?") + " `stackreview rules` lists them all.")
        }
        try Terminal.write(RuleListing.explain(rule), to: nil)
    }
}

/// Loading the built-in rules for the rule commands.
enum BuiltinRulesLoad {
    static func rules() throws(CommandError) -> [Rule] {
        let (rules, errors) = BuiltinRules.load()
        guard errors.isEmpty else {
            throw CommandError(status: .usageError, message: "the built-in rules do not load: " + errors.map(\.description).joined(separator: "; "))
        }
        return rules.sorted { $0.id < $1.id }
    }
}

/// Reading a folder of rule files from disk.
enum RuleFolder {
    static func read(_ directory: String) throws(CommandError) -> [(path: String, text: String)] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue,
              let enumerator = FileManager.default.enumerator(atPath: directory) else {
            throw CommandError(status: .usageError, message: "'\(directory)' is not a folder. Name the folder that holds your rule files.")
        }
        var files: [(path: String, text: String)] = []
        for case let relative as String in enumerator where relative.hasSuffix(".yml") || relative.hasSuffix(".yaml") {
            let path = (directory as NSString).appendingPathComponent(relative)
            guard let data = FileManager.default.contents(atPath: path) else {
                throw CommandError(status: .usageError, message: "cannot read '\(path)'.")
            }
            files.append((path, String(decoding: data, as: UTF8.self)))
        }
        if files.isEmpty {
            throw CommandError(status: .usageError, message: "'\(directory)' holds no .yml or .yaml rule files.")
        }
        return files.sorted { $0.path < $1.path }
    }
}
