import ArgumentParser
import Foundation
import Git
import Review

/// The `stackreview` command: parses the command line and maps every failure to the documented
/// exit status (2 usage or configuration, 3 repository); the work happens in the libraries.
struct StackReview: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stackreview",
        abstract: "Reviews changes to Terraform and Lambda handler code between two Git revisions.",
        discussion: """
            Exit status: 0 nothing blocking; 1 a finding at or above --fail-on was introduced; \
            2 usage or configuration error; 3 repository error.
            """,
        version: StackReviewVersion.current,
        subcommands: [ReviewCommand.self, ChangelogCommand.self, HookCommand.self, RulesCommand.self, ExplainCommand.self, DemoCommand.self]
    )
}

@main
enum Main {
    static func main() {
        do {
            var command = try StackReview.parseAsRoot()
            try command.run()
        } catch let error as GitError {
            Terminal.error(error.message)
            exit(error.exitCode)
        } catch let error as ReviewError {
            Terminal.error(error.description)
            exit(error.exitStatus)
        } catch let error as CIEnvironmentError {
            Terminal.error(error.description)
            exit(error.exitStatus)
        } catch let error as HookInstallationError {
            Terminal.error(error.description)
            exit(error.exitStatus)
        } catch let error as CommandError {
            Terminal.error(error.message)
            exit(error.status.rawValue)
        } catch let code as ExitCode {
            exit(code.rawValue)
        } catch {
            if StackReview.exitCode(for: error) == .success {
                StackReview.exit(withError: error)
            }
            FileHandle.standardError.write(Data((StackReview.fullMessage(for: error) + "\n").utf8))
            exit(ExitStatus.usageError.rawValue)
        }
    }
}
