import ArgumentParser
import Git
import Reporting
import Review

extension OutputFormat: ExpressibleByArgument {}

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

    func validate() throws {
        if [range != nil, staged, worktree].filter({ $0 }).count > 1 {
            throw ValidationError("Give at most one of RANGE, --staged and --worktree.")
        }
    }

    func run() throws {
        let request: RevisionRequest =
            staged ? .staged : worktree ? .worktree : range.map { .expression($0) } ?? .defaultRange
        let review = try Reviewer.review(repositoryAt: repositoryPath, revisions: request)
        let text: String
        switch format {
        case .text: text = ChangeSetTextReport().render(review.changeSet, title: review.range.description)
        case .json: text = ChangeSetJSONReport().render(review.changeSet, range: review.range)
        }
        try Terminal.write(text, to: output)
    }
}
