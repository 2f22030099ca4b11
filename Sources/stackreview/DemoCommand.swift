import ArgumentParser
import Demo
import Foundation

/// `stackreview demo`: builds a small repository from the fixtures it ships with and reviews it.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Build a small serverless repository in three commits and review it."
    )

    @Option(help: "Create the demo repository in this new folder and keep it (default: a temporary folder, removed afterwards).")
    var keep: String?

    func run() throws {
        let path = keep ?? FileManager.default.temporaryDirectory
            .appendingPathComponent("stackreview-demo-\(ProcessInfo.processInfo.processIdentifier)").path
        if FileManager.default.fileExists(atPath: path) {
            throw CommandError(status: .usageError, message: "'\(path)' already exists; name a new folder with --keep.")
        }
        defer { if keep == nil { try? FileManager.default.removeItem(atPath: path) } }
        let text = try DemoRun(repositoryPath: path, today: Terminal.today).run()
        try Terminal.write(text, to: nil)
    }
}
