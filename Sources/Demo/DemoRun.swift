import Git
import Reporting
import Review

/// The demo as the command line runs it: build the repository, review each commit, and write
/// what a newcomer should see.
public struct DemoRun {
    /// Where the demo repository is created.
    public var repositoryPath: String
    /// Today's date (`YYYY-MM-DD`), for suppression expiry.
    public var today: String

    /// A demo that writes its repository at `repositoryPath`.
    public init(repositoryPath: String, today: String) {
        self.repositoryPath = repositoryPath
        self.today = today
    }

    /// Builds the repository and returns the text to print: each commit's subject and its
    /// review against its parent.
    public func run() throws(ReviewError) -> String {
        let ids: [ObjectID]
        do {
            ids = try DemoRepository.create(at: repositoryPath)
        } catch {
            throw .repository(error)
        }
        var output = "stackreview demo: a small serverless stack in three commits, reviewed one by one.\n"
        output += "Repository: \(TerminalText.escape(repositoryPath))\n"
        for (number, id) in ids.enumerated() {
            let request = Reviewer.Request(path: repositoryPath, revisions: .expression(id.short), today: today)
            let (result, options) = try Reviewer.review(request)
            let subject = DemoStack.commits[number].message.split(separator: "\n").first.map(String.init) ?? ""
            output += "\n## Commit \(number + 1) of \(ids.count): \(subject)\n\n"
            output += ReviewTextReport().render(result, failOn: options.configuration.failOn)
        }
        return output
    }
}
