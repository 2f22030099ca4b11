import Threading
import ArgumentParser
import Foundation
import Git
import Reporting
import Review

extension OutputFormat: ExpressibleByArgument {}

extension CIProvider: ExpressibleByArgument {}

/// `--fail-on`: a severity, or `never`.
struct FailOnThreshold: ExpressibleByArgument {
    /// nil for `never`.
    var severity: Severity?

    init?(argument: String) {
        if argument == "never" {
            severity = nil
        } else if let severity = Severity(rawValue: argument) {
            self.severity = severity
        } else {
            return nil
        }
    }

    static var allValueStrings: [String] { Severity.allCases.reversed().map(\.rawValue) + ["never"] }
}

/// `stackreview review`: reviews a range, the staged changes or the working tree.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Review the change between two revisions (default: your branch against its upstream).",
        discussion: """
            RANGE is A..B, A...B (from the merge base of A and B) or a single commit (against its \
            first parent). Without RANGE, reviews from the merge base of HEAD with its upstream \
            (else origin/HEAD, else main or master) up to HEAD.
            """
    )

    @Argument(help: "A..B, A...B or a single commit.")
    var range: String?

    @Flag(help: "Review the staged changes (HEAD against the index).")
    var staged = false

    @Flag(help: "Review the working tree against HEAD, untracked files included.")
    var worktree = false

    @Option(help: "Output format: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: OutputFormat = .text

    @Option(name: .shortAndLong, help: "Write the output to this file instead of standard output.")
    var output: String?

    @Option(name: [.customShort("C"), .customLong("repository")], help: "A folder inside the repository to review.")
    var repositoryPath = "."

    @Flag(help: "Review every module and subject of the repository, not only what the change touched.")
    var all = false

    @Option(name: .customLong("fail-on"), help: "Exit 1 when the change introduces a finding at or above this severity: critical, high, medium, low, info or never (default: the configuration's, else high).")
    var failOn: FailOnThreshold?

    @Option(name: .customLong("link-base"), help: "The repository's web address (https://github.com/org/repo): Markdown reports link each finding to its file and line there.")
    var linkBase: String?

    @Option(name: .customLong("config"), help: "Use this configuration file instead of the repository's .stackreview.yml.")
    var configPath: String?

    @Option(help: "Review the pull or merge request (or push) that this CI job runs for, named by the CI's environment: github or gitlab.")
    var ci: CIProvider?

    func validate() throws {
        let named = [range != nil, staged, worktree].filter { $0 }.count
        if named > 1 {
            throw ValidationError("Give at most one of RANGE, --staged and --worktree.")
        }
        if ci != nil && named > 0 {
            throw ValidationError("--ci reads the revisions from the CI's environment: give it without RANGE, --staged or --worktree.")
        }
    }

    func run() throws {
        let ciRevisions = try ci.map { try CIRevisions.read($0, environment: ProcessInfo.processInfo.environment) }
        let revisions: RevisionRequest =
            ciRevisions?.request ?? (staged ? .staged : worktree ? .worktree : range.map { .expression($0) } ?? .defaultRange)
        let linkBase = linkBase ?? ciRevisions?.linkBase
        var request = Reviewer.Request(
            path: repositoryPath, revisions: revisions, configuration: try configPath.map(Terminal.readConfiguration),
            failOn: failOn.map(\.severity), reviewAll: all, today: Terminal.today, collectMetrics: format.showsMetrics)
        // The process ends with the report: its memory goes back to the system at exit.
        request.keepsAnalysisUntilExit = true
        let (result, options): (ReviewResult, ReviewOptions)
        do throws(ReviewError) {
            (result, options) = try Reviewer.review(request)
            PhaseClock.mark("result")
        } catch {
            if let explained = ciRevisions?.explain(error) { throw explained }
            throw error
        }
        let threshold = options.configuration.failOn
        let text: String
        switch format {
        case .text:
            // Color only on a terminal, and never when NO_COLOR is set (https://no-color.org).
            let color = (output == nil || output == "-") && isatty(STDOUT_FILENO) == 1
                && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
            text = ReviewTextReport().render(result, context: ReportContext(
                failOn: threshold, toolVersion: StackReviewVersion.current, rules: options.ruleSet.rules, headFiles: result.headFiles, color: color))
        case .json: text = ReviewJSONReport().render(result, failOn: threshold)
        case .changes: text = ChangeSetTextReport().render(result.changeSet, title: result.range.description)
        case .markdown, .githubReview, .gitlab, .sarif, .rdjson, .codeclimate, .junit:
            let context = ReportContext(
                failOn: threshold, linkBase: linkBase, toolVersion: StackReviewVersion.current, rules: options.ruleSet.rules,
                headFiles: result.headFiles)
            text = format.reporter?.render(result, context: context) ?? ""
        }
        PhaseClock.mark("render")
        try Terminal.write(text, to: output)
        PhaseClock.mark("write")
        let status = result.blocking(failOn: threshold).isEmpty ? 0 : ExitStatus.findingsIntroduced.rawValue
        // Nothing is left to do: exiting here, rather than returning, spares freeing every
        // finding and the report's text one by one (the system takes the memory back at once).
        Foundation.exit(status)
    }
}
