import ArgumentParser
import Foundation
import Reporting
import Review

/// `stackreview hook`: the entry points Git hooks call.
struct HookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hook",
        abstract: "Entry points for Git hooks.",
        subcommands: [PrePush.self]
    )

    /// `stackreview hook pre-push <remote> <url>`, reading Git's ref lines on standard input.
    struct PrePush: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "pre-push",
            abstract: "Review what a push publishes; Git's pre-push hook runs this."
        )

        @Argument(help: "The name of the remote being pushed to (Git's first hook argument).")
        var remote: String

        @Argument(help: "The remote's URL (Git's second hook argument).")
        var url: String?

        @Option(name: [.customShort("C"), .customLong("repository")], help: "A folder inside the repository.")
        var repositoryPath = "."

        func run() throws {
            let input = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
            let request = Reviewer.Request(path: repositoryPath, revisions: .defaultRange, today: Terminal.today)
            let (reviews, options) = try Reviewer.reviewPush(request, remoteName: remote, standardInput: input)
            let threshold = options?.configuration.failOn ?? .high
            Terminal.note(PrePushSummary().render(reviews, remote: remote, failOn: threshold))
            if reviews.contains(where: { !($0.review?.blocking(failOn: threshold).isEmpty ?? true) }) {
                throw ExitCode(ExitStatus.findingsIntroduced.rawValue)
            }
        }
    }
}
