import Git
import Reporting
import Review

/// The demo as the command line runs it: build the repository, review each commit, and write
/// what a newcomer should see.
public struct DemoRun {
    /// Where the demo repository is created.
    public var repositoryPath: String

    /// A demo that writes its repository at `repositoryPath`.
    public init(repositoryPath: String) {
        self.repositoryPath = repositoryPath
    }

    /// Builds the repository and returns the text to print: each commit's subject and the
    /// change set stackreview reviews for it.
    public func run() throws(GitError) -> String {
        let ids = try DemoRepository.create(at: repositoryPath)
        var output = "stackreview demo: a small serverless stack in three commits, reviewed one by one.\n"
        output += "Repository: \(TerminalText.escape(repositoryPath))\n"
        for (number, id) in ids.enumerated() {
            let review = try Reviewer.review(repositoryAt: repositoryPath, revisions: .expression(id.hex))
            let subject = DemoStack.commits[number].message.split(separator: "\n").first.map(String.init) ?? ""
            output += "\n## Commit \(number + 1) of \(ids.count): \(subject)\n\n"
            output += ChangeSetTextReport().render(review.changeSet, title: "commit \(id.short) against its parent")
        }
        return output
    }
}
