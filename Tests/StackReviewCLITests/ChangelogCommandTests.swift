import Foundation
import Git
import TestSupport
import Testing

/// `stackreview changelog` as users run it: whole outputs, --since-tag, --output --prepend,
/// errors and exit statuses (a crafted commit subject under cmark-gfm: `ChangelogWriterTests`).
@Suite struct ChangelogCommandTests {
    /// Compares `output` with `Golden/<name>` beside this file; STACKREVIEW_UPDATE_GOLDEN=1 rewrites it.
    static func checkGolden(_ output: String, _ name: String, sourceFile: String = #filePath) throws {
        let url = URL(fileURLWithPath: sourceFile).deletingLastPathComponent().appendingPathComponent("Golden/" + name)
        if ProcessInfo.processInfo.environment["STACKREVIEW_UPDATE_GOLDEN"] == "1" {
            try Data(output.utf8).write(to: url)
            return
        }
        #expect(output == (try String(contentsOf: url, encoding: .utf8)), "output differs from Golden/\(name)")
    }

    static func run(_ arguments: [String], in repository: ChangelogRepository) throws -> StackReviewBinary.Result {
        try StackReviewBinary.run(["changelog"] + arguments, in: repository.path)
    }

    @Test func markdownAndJSONOfARealHistory() throws {
        let repository = try ChangelogRepository()
        let range = "\(repository.commits[0].short)..main"
        let options = ["--release", "1.4.0", "--link-base", "https://github.com/acme/shop"]
        let markdown = try Self.run([range] + options, in: repository)
        #expect(markdown.status == 0)
        #expect(markdown.errors == "")  // no progress bar: standard error is not a terminal
        try Self.checkGolden(markdown.output, "changelog.md")
        let json = try Self.run([range, "--format", "json"] + options, in: repository)
        #expect(json.status == 0)
        #expect(json.errors == "")
        try Self.checkGolden(json.output, "changelog.json")
        // Byte-identical on a second run, and from a folder inside the repository with -C.
        #expect(try Self.run([range] + options, in: repository).output == markdown.output)
        let fromElsewhere = try StackReviewBinary.run(["changelog", "-C", repository.path + "/infra", range] + options, in: "/")
        #expect(fromElsewhere.output == markdown.output)
    }

    @Test func sinceTag() throws {
        let repository = try ChangelogRepository()
        let none = try Self.run(["--since-tag"], in: repository)
        #expect(none.status == 3)
        #expect(none.output == "")
        #expect(none.errors == "stackreview: error: No tag is reachable from 'HEAD', so --since-tag has no start. Name the range instead (for example <first-commit>..HEAD), or tag a release first with `git tag`.\n")
        try repository.sandbox.git(["tag", "v1.1.0", repository.commits[5].hex], in: repository.name)
        let tagged = try Self.run(["--since-tag"], in: repository)
        #expect(tagged.status == 0)
        let date = try repository.sandbox.gitLine(["log", "-1", "--format=%cd", "--date=short", "HEAD"], in: repository.name)
        #expect(tagged.output.hasPrefix("## v1.1.0..HEAD — \(date)\n<!-- stackreview-changelog \(repository.commits[5].hex)..\(repository.commits[9].hex) -->\n\n4 commits (`\(repository.commits[5].short)..\(repository.commits[9].short)`): 1 improvement; 1 finding introduced and still open.\n"))
    }

    @Test func prependToAMissingFileThenNeverTwice() throws {
        let repository = try ChangelogRepository()
        let file = repository.sandbox.path("CHANGELOG.md")
        let first = try Self.run(["HEAD~2..HEAD", "--release", "1.1.0", "-o", file, "--prepend"], in: repository)
        #expect(first.status == 0)
        #expect(first.output == "")
        let created = try String(contentsOfFile: file, encoding: .utf8)
        let section = try Self.run(["HEAD~2..HEAD", "--release", "1.1.0"], in: repository).output
        #expect(created == "# Changelog\n\n" + section)
        let again = try Self.run(["HEAD~2..HEAD", "--release", "1.1.0", "-o", file, "--prepend"], in: repository)
        #expect(again.status == 0)
        #expect(again.errors == "stackreview: \(file) already has the section for HEAD~2..HEAD; left unchanged.\n")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == created)
    }

    @Test func prependAfterATitleOrAtTheTop() throws {
        let repository = try ChangelogRepository()
        let section = try Self.run(["HEAD~3..HEAD", "--release", "1.1.0"], in: repository).output
        let titled = repository.sandbox.path("titled.md"), bare = repository.sandbox.path("bare.md")
        try repository.sandbox.write("# Changelog\n\nNotable changes.\n\n## 1.0.0 — 2026-01-01\n\n- first\n", to: "titled.md")
        try repository.sandbox.write("## 1.0.0 — 2026-01-01\n\n- first\n", to: "bare.md")
        #expect(try Self.run(["HEAD~3..HEAD", "--release", "1.1.0", "--output", titled, "--prepend"], in: repository).status == 0)
        #expect(try Self.run(["HEAD~3..HEAD", "--release", "1.1.0", "--output", bare, "--prepend"], in: repository).status == 0)
        #expect(try String(contentsOfFile: titled, encoding: .utf8) == "# Changelog\n\nNotable changes.\n\n" + section + "\n## 1.0.0 — 2026-01-01\n\n- first\n")
        #expect(try String(contentsOfFile: bare, encoding: .utf8) == section + "\n## 1.0.0 — 2026-01-01\n\n- first\n")
    }

    @Test func usageAndRepositoryErrors() throws {
        let repository = try ChangelogRepository()
        let cases: [([String], Int32, String)] = [
            ([], 2, "Error: Give a RANGE (A..B) or --since-tag, not both and not neither.\n"),
            (["HEAD~1..HEAD", "--since-tag"], 2, "Error: Give a RANGE (A..B) or --since-tag, not both and not neither.\n"),
            (["HEAD~1..HEAD", "--prepend"], 2, "Error: --prepend needs --output FILE and the markdown format.\n"),
            (["HEAD~1..HEAD", "--prepend", "-o", "x.json", "--format", "json"], 2, "Error: --prepend needs --output FILE and the markdown format.\n"),
            (["HEAD~1..HEAD", "--title", "T", "--release", "1"], 2, "Error: Give --title or --release, not both.\n"),
            (["HEAD~1..HEAD", "--format", "html"], 2, "Error: The value 'html' is invalid for '--format <format>'. Please provide one of 'markdown' and 'json'.\n"),
            (["a..b..c"], 2, "stackreview: error: 'a..b..c' is not a revision range. Write A..B, A...B (from their merge base) or a single revision.\n"),
            (["nope..HEAD"], 3, "stackreview: error: Unknown revision 'nope': no branch, tag or commit has that name. Check the name, or fetch it first with `git fetch`.\n"),
        ]
        for (arguments, status, message) in cases {
            let result = try Self.run(arguments, in: repository)
            #expect(result.status == status, "\(arguments)")
            #expect(result.errors.hasPrefix(message), "\(arguments): \(result.errors)")
            #expect(result.output == "")
        }
        let outside = try StackReviewBinary.run(["changelog", "--since-tag"], in: repository.sandbox.root)
        #expect(outside.status == 3)
    }
}
