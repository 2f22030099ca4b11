import Foundation

/// GitHub's Markdown renderer (cmark-gfm with GitHub's extensions), run as a process, to check
/// what a report turns into on GitHub.
public enum GitHubMarkdown {
    /// The cmark-gfm executable, when installed (`scripts/bootstrap` installs it).
    public static let executable = ["/usr/bin/cmark-gfm", "/usr/local/bin/cmark-gfm"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// `markdown` rendered to HTML. Raw HTML is kept (`--unsafe`), as GitHub keeps it before
    /// allowing its safe subset, so any HTML the report lets through shows up here.
    public static func html(_ markdown: String) throws -> String {
        guard let executable else { throw SandboxFailure("cmark-gfm is not installed (apt-get install cmark-gfm)") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["--unsafe", "-e", "table", "-e", "autolink", "-e", "strikethrough"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(markdown.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw SandboxFailure("cmark-gfm failed (\(process.terminationStatus))") }
        return String(decoding: data, as: UTF8.self)
    }

    /// `html` without the contents of its `<code>` elements (GitHub makes no mentions or links there).
    public static func outsideCode(_ html: String) -> String {
        var result = ""
        var rest = html[...]
        while let open = rest.range(of: "<code>") {
            result += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "</code>") else { return result }
            rest = rest[close.upperBound...]
        }
        return result + rest
    }
}
