import ArgumentParser
import Foundation
import Reporting
import Review

/// `stackreview hook`: installs and uninstalls the pre-push hook, and is the entry point it calls.
struct HookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hook",
        abstract: "Install stackreview's Git pre-push hook, and the entry point it calls.",
        subcommands: [Install.self, Uninstall.self, PrePush.self]
    )

    /// `stackreview hook install`: puts the pre-push hook in the repository's hooks folder.
    struct Install: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "install",
            abstract: "Install the pre-push hook (honours core.hooksPath; an existing hook is kept and runs first).",
            discussion: """
                The hook runs `stackreview` from PATH, or the binary named by the STACKREVIEW \
                environment variable. An existing pre-push hook is renamed to \
                pre-push.before-stackreview and runs before the review; `stackreview hook \
                uninstall` puts it back. Running install again changes nothing.
                """
        )

        @Option(name: [.customShort("C"), .customLong("repository")], help: "A folder inside the repository.")
        var repositoryPath = "."

        func run() throws {
            let installation = try PrePushHookInstallation(repositoryContaining: repositoryPath)
            let hook = installation.hookPath
            switch try installation.install() {
            case .installed: print("Installed stackreview's pre-push hook at \(hook).")
            case .chained: print("Installed stackreview's pre-push hook at \(hook); the hook that was there is now \(installation.chainedHookPath) and runs first.")
            case .updated: print("Updated stackreview's pre-push hook at \(hook).")
            case .alreadyInstalled: print("stackreview's pre-push hook is already installed at \(hook).")
            }
            if !PrePushHookInstallation.hookFindsBinary(environment: ProcessInfo.processInfo.environment) {
                print("Note: the hook will not find stackreview: put it on PATH, or set STACKREVIEW=/path/to/stackreview.")
            }
        }
    }

    /// `stackreview hook uninstall`: removes the hook `install` put in place.
    struct Uninstall: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "uninstall",
            abstract: "Remove stackreview's pre-push hook and put back the hook it kept; refuses to remove any other hook."
        )

        @Option(name: [.customShort("C"), .customLong("repository")], help: "A folder inside the repository.")
        var repositoryPath = "."

        func run() throws {
            let installation = try PrePushHookInstallation(repositoryContaining: repositoryPath)
            switch try installation.uninstall() {
            case .removed: print("Removed stackreview's pre-push hook from \(installation.hookPath).")
            case .restored: print("Removed stackreview's pre-push hook; \(installation.hookPath) is the hook that was there before.")
            case .notInstalled: print("There is no pre-push hook at \(installation.hookPath); nothing to remove.")
            }
        }
    }

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
