import Foundation
import Git
import TestSupport

/// A real repository for the hostile-input tests: a small, valid first commit, and a second commit
/// holding whatever hostile files a test writes. `review(_:)` runs the built binary on the second
/// commit in one output format; `reviewEveryFormat()` in all of them.
final class HostileRepository {
    let sandbox: GitSandbox
    let name = "repo"
    let base: ObjectID

    /// Every `--format` of `stackreview review`.
    static let formats = ["text", "json", "changes", "markdown", "github-review", "gitlab", "sarif", "rdjson", "codeclimate", "junit"]

    /// Creates the repository with its first commit (`infra/main.tf`, `lambda/app.py`).
    init() throws {
        sandbox = try GitSandbox()
        _ = try sandbox.makeRepository(name)
        try sandbox.write("resource \"aws_sqs_queue\" \"q\" {\n  name = \"q\"\n}\n", to: "repo/infra/main.tf")
        try sandbox.write("def handler(event, context):\n    return {}\n", to: "repo/lambda/app.py")
        base = try sandbox.commitAll("base", in: name)
    }

    /// The absolute path of the working tree.
    var root: String { sandbox.path(name) }

    /// Writes `files` (repository path → bytes) and commits them with `message`.
    @discardableResult
    func commit(_ files: [String: [UInt8]], message: String = "head") throws -> ObjectID {
        for (path, bytes) in files { try sandbox.write(bytes, to: name + "/" + path) }
        return try sandbox.commitAll(message, in: name)
    }

    /// Writes `files` (repository path → text) and commits them.
    @discardableResult
    func commit(text files: [String: String], message: String = "head") throws -> ObjectID {
        try commit(files.mapValues { Array($0.utf8) }, message: message)
    }

    /// Runs `stackreview review BASE..HEAD --format FORMAT` plus `arguments`.
    func review(_ format: String = "text", _ arguments: [String] = [], range: String? = nil) throws -> StackReviewBinary.Result {
        try StackReviewBinary.run(["review", range ?? "\(base.hex)..HEAD", "--format", format] + arguments, in: root)
    }

    /// The review in every format, by format.
    func reviewEveryFormat(_ arguments: [String] = []) throws -> [String: StackReviewBinary.Result] {
        var results: [String: StackReviewBinary.Result] = [:]
        for format in Self.formats { results[format] = try review(format, arguments) }
        return results
    }

    /// The `Not analysed` lines of the text format (`path:line: message`, without the `  ! `).
    static func notAnalysed(_ text: String) -> [String] {
        guard let start = text.range(of: "\nNot analysed (") else { return [] }
        return text[start.upperBound...].split(separator: "\n").dropFirst().prefix { $0.hasPrefix("  ! ") }.map { String($0.dropFirst(4)) }
    }

    /// The `problems` of the JSON format, each as `file:line: message`.
    static func jsonProblems(_ json: String) throws -> [String] {
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let problems = object?["problems"] as? [[String: Any]] ?? []
        return problems.map { "\($0["file"] ?? ""):\($0["line"] ?? 0): \($0["message"] ?? "")" }
    }

    /// Which formats do not mention every file in `paths` as not analysed, by how each format
    /// reports a problem. Empty when every format reports every file.
    static func formatsMissingProblems(_ results: [String: StackReviewBinary.Result], paths: [String]) throws -> [String] {
        var missing: [String] = []
        for (format, result) in results.sorted(by: { $0.key < $1.key }) where format != "changes" {
            let output = result.output
            for path in paths {
                let reported: Bool
                switch format {
                case "text": reported = notAnalysed(output).contains { $0.hasPrefix(path + ":") }
                case "json": reported = try jsonProblems(output).contains { $0.hasPrefix(path + ":") }
                case "markdown", "github-review", "gitlab":
                    let notAnalysedPart = output.components(separatedBy: "Not Analysed").dropFirst().joined()
                    reported = notAnalysedPart.contains(path) && output.contains("Files Not Analysed:")
                case "sarif": reported = output.contains("\"toolExecutionNotifications\"") && output.contains("\"uri\" : \"\(path)\"")
                case "rdjson", "codeclimate": reported = output.contains("\"path\" : \"\(path)\"") && output.contains("stackreview-not-analysed")
                case "junit": reported = output.contains("<testcase classname=\"stackreview-not-analysed\" name=\"\(path)\"")
                default: reported = true
                }
                if !reported { missing.append("\(format): \(path)") }
            }
        }
        return missing
    }
}
