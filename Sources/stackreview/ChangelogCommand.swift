import ArgumentParser
import Foundation
import Reporting
import Review

/// The changelog's output formats.
enum ChangelogFormat: String, ExpressibleByArgument, CaseIterable {
    case markdown, json
}

/// `stackreview changelog`: the improvements of a range of commits, for a CHANGELOG.
struct ChangelogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "changelog",
        abstract: "Write the improvements (fixed findings) of a range of commits, and what it left open, for a CHANGELOG.",
        discussion: "RANGE is A..B or A...B; each first-parent commit is reviewed against its first parent (a merge commit stands for its branch).")

    @Argument(help: "A..B or A...B (for example v1.3.0..HEAD); one revision B is its whole history.") var range: String?
    @Flag(name: .customLong("since-tag"), help: "From the latest tag reachable from HEAD to HEAD.") var sinceTag = false
    @Option(help: "Output format: markdown or json.") var format: ChangelogFormat = .markdown
    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.") var output: String?
    @Flag(help: "Insert the section at the top of --output (after its title); never twice for the same range.") var prepend = false
    @Option(name: .customLong("release"), help: "Head the section `## RELEASE — DATE`, RELEASE being a version such as 1.4.0 and DATE that of the range's last commit.") var releaseVersion: String?
    @Option(help: "Head the section with this text instead.") var title: String?
    @Option(name: .customLong("link-base"), help: "The repository's web address: link commits and files there.") var linkBase: String?
    @Option(name: [.customShort("C"), .customLong("repository")], help: "A folder inside the repository.") var repositoryPath = "."
    @Option(name: .customLong("config"), help: "Use this configuration file at every commit instead of the repository's.") var configPath: String?
    @Flag(name: .shortAndLong, help: "No progress bar (also when STACKREVIEW_QUIET is set or standard error is not a terminal).") var quiet = false

    func validate() throws {
        if (range != nil) == sinceTag { throw ValidationError("Give a RANGE (A..B) or --since-tag, not both and not neither.") }
        if prepend && (output == nil || output == "-" || format != .markdown) { throw ValidationError("--prepend needs --output FILE and the markdown format.") }
        if title != nil && releaseVersion != nil { throw ValidationError("Give --title or --release, not both.") }
    }

    func run() throws {
        let request = ChangelogWalk.Request(path: repositoryPath, range: range.map { .expression($0) } ?? .sinceTag, configuration: try configPath.map(Terminal.readConfiguration))
        let environment = ProcessInfo.processInfo.environment
        var bar = !quiet && (environment["STACKREVIEW_QUIET"] ?? "").isEmpty && isatty(STDERR_FILENO) == 1 ? ChangelogProgress() : nil
        let changelog: Changelog
        do {
            defer { bar.map { Terminal.note($0.finish()) } }  // cleared before any error message too
            changelog = try ChangelogWalk().changelog(request) { done, total in bar?.update(done: done, total: total).map(Terminal.note) }
        }
        let options = ChangelogOptions(version: releaseVersion, title: title, linkBase: linkBase)
        let text = format == .json ? ChangelogJSON(options: options).render(changelog) : ChangelogMarkdown(options: options).render(changelog)
        guard prepend, let output else { return try Terminal.write(text, to: output) }
        switch ChangelogFile.prepend(text, range: changelog.range, to: try Terminal.readIfPresent(output)) {
        case .updated(let updated): try Terminal.write(updated, to: output)
        case .alreadyPresent: Terminal.note("stackreview: \(output) already has the section for \(changelog.range.description); left unchanged.\n")
        }
    }
}
