import Foundation
import Git
import TestSupport
import Testing

/// The executable as users run it: arguments, output, exit status.
@Suite struct CommandLineTests {
    @Test func versionPrintsTheVersion() throws {
        let result = try StackReviewBinary.run(["--version"], in: "/")
        #expect(result.status == 0)
        #expect(result.output == "0.1.0\n")
    }

    @Test func unknownFormatIsAUsageError() throws {
        let result = try StackReviewBinary.run(["review", "--format", "xml"], in: "/")
        #expect(result.status == 2)
        #expect(result.errors.hasPrefix("Error: The value 'xml' is invalid for '--format <format>'. Please provide one of the following:\n  - text\n  - json\n  - changes\n  - markdown\n  - github-review\n  - gitlab\n  - sarif\n  - rdjson\n  - codeclimate\n  - junit\n"))
    }

    @Test func rangeTogetherWithStagedIsAUsageError() throws {
        let result = try StackReviewBinary.run(["review", "main..HEAD", "--staged"], in: "/")
        #expect(result.status == 2)
        #expect(result.errors.hasPrefix("Error: Give at most one of RANGE, --staged and --worktree.\n"))
    }

    @Test func outsideARepositoryIsARepositoryError() throws {
        let sandbox = try GitSandbox()
        let result = try StackReviewBinary.run(["review"], in: sandbox.root)
        #expect(result.status == 3)
        #expect(result.output == "")
        #expect(result.errors == "stackreview: error: '.' is not inside a Git repository. Run stackreview from a folder inside a repository (or create one with `git init`).\n")
    }

    @Test func unknownRevisionAndMalformedRangeHaveTheirStatuses() throws {
        let sandbox = try GitSandbox()
        let repository = try sandbox.makeRepository()
        try sandbox.write("a\n", to: "repo/a.tf")
        try sandbox.commitAll("one", in: repository)
        let unknown = try StackReviewBinary.run(["review", "nope..HEAD"], in: sandbox.path(repository))
        #expect(unknown.status == 3)
        #expect(unknown.errors == "stackreview: error: Unknown revision 'nope': no branch, tag or commit has that name. Check the name, or fetch it first with `git fetch`.\n")
        let malformed = try StackReviewBinary.run(["review", "a..b..c"], in: sandbox.path(repository))
        #expect(malformed.status == 2)
        #expect(malformed.errors == "stackreview: error: 'a..b..c' is not a revision range. Write A..B, A...B (from their merge base) or a single revision.\n")
    }

    @Test func reviewPrintsTheChangeSetAndWritesOutputFiles() throws {
        let sandbox = try GitSandbox()
        let repository = try sandbox.makeRepository()
        try sandbox.write("resource \"a\" \"b\" {\n  x = 1\n}\n", to: "repo/infra/main.tf")
        let first = try sandbox.commitAll("one", in: repository)
        try sandbox.write("resource \"a\" \"b\" {\n  x = 2\n  y = 3\n}\n", to: "repo/infra/main.tf")
        try sandbox.write("def handler(event, context):\n    return {}\n", to: "repo/lambda/app.py")
        let second = try sandbox.commitAll("two", in: repository)
        let review = try StackReviewBinary.run(["review", "HEAD~1..HEAD"], in: sandbox.path(repository + "/infra"))
        #expect(review.status == 0)
        #expect(review.output == """
            stackreview: HEAD~1..HEAD = \(first.short)..\(second.short) — 2 files changed, 1 module loaded, 3 subjects touched

            Introduced (1):
              LOW      lambda/app.py:1:1  `lambda/app.py` configures no logger at module level: the handler's logs have no level control  [lambda-handler-logger]
                  1 | def handler(event, context):
                    | ^

            Still open (3):
              MEDIUM   infra/main.tf:1:1  The provider `a` has no version constraint in `required_providers` (a.b)  [terraform-required-providers]
                  1 | resource "a" "b" {
                    | ^^^^^^^^
              LOW      infra/main.tf:1:1  The module in `infra` sets no `required_version` in a `terraform` block: any Terraform release may run it  [terraform-required-version]
                  1 | resource "a" "b" {
                    | ^^^^^^^^
              INFO     infra/main.tf:1:1  `a.b` is the first block of a module without `variables.tf`, `outputs.tf` (the standard layout has `main.tf`, `variables.tf` and `outputs.tf`)  [terraform-standard-module-structure]
                  1 | resource "a" "b" {
                    | ^^^^^^^^

            Nothing blocking at or above high.

            """)
        let result = try StackReviewBinary.run(["review", "HEAD~1..HEAD", "--format", "changes"], in: sandbox.path(repository + "/infra"))
        #expect(result.status == 0)
        #expect(result.output == """
            Change set of HEAD~1..HEAD = \(first.short)..\(second.short) (2 files)
              modified  infra/main.tf  terraform  added 2-3  deleted 2
              added     lambda/app.py  python source  added 1-2
            1 Terraform file, 1 handler source file.

            """)
        let json = try StackReviewBinary.run(["review", "HEAD~1..HEAD", "--format", "json", "-o", "out.json"], in: sandbox.path(repository))
        #expect(json.status == 0)
        #expect(json.output == "")
        let written = try String(contentsOfFile: sandbox.path(repository + "/out.json"), encoding: .utf8)
        #expect(written.hasPrefix("{\n  \"changeSet\" : {\n    \"base\" : \"\(first.hex)\","))
        #expect(written.contains("\n  \"schemaVersion\" : 1,\n"))
    }

    @Test func phaseTimingsGoToStandardErrorOnlyWhenAsked() throws {
        let sandbox = try GitSandbox()
        let repository = try sandbox.makeRepository()
        try sandbox.write("resource \"a\" \"b\" {\n  x = 1\n}\n", to: "repo/infra/main.tf")
        _ = try sandbox.commitAll("one", in: repository)
        try sandbox.write("resource \"a\" \"b\" {\n  x = 2\n}\n", to: "repo/infra/main.tf")
        _ = try sandbox.commitAll("two", in: repository)
        let quiet = try StackReviewBinary.run(["review", "HEAD~1..HEAD"], in: sandbox.path(repository))
        let timed = try StackReviewBinary.run(["review", "HEAD~1..HEAD"], in: sandbox.path(repository), environment: ["STACKREVIEW_PHASES": "1"])
        #expect(quiet.status == 0 && timed.status == 0)
        #expect(quiet.errors == "")
        #expect(timed.output == quiet.output)
        let lines = timed.errors.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let phases = lines.dropLast().map { line in
            line.hasPrefix("stackreview phase ") ? String(line.dropFirst("stackreview phase ".count).prefix { $0 != ":" }) : "unexpected: " + line
        }
        #expect(phases == [
            "head.load", "head.checks", "base.load", "touched", "base.checks", "handlers", "metrics", "comparison", "frames",
            "result", "render", "write",
        ])
        #expect(lines.last == "")
        #expect(lines.dropLast().allSatisfy { line in
            line.range(of: #"^stackreview phase [a-z.]+: [0-9]+ ms wall, [0-9]+ ms CPU, peak [0-9]+ MiB$"#, options: .regularExpression) != nil
        })
    }

    @Test func demoRunsAndCleansUp() throws {
        let sandbox = try GitSandbox()
        let kept = sandbox.path("kept")
        let result = try StackReviewBinary.run(["demo", "--keep", kept], in: sandbox.root)
        #expect(result.status == 0)
        #expect(result.output.contains("## Commit 3 of 3: Let the orders function write reports to S3\n"))
        #expect(FileManager.default.fileExists(atPath: kept + "/.git"))
        let again = try StackReviewBinary.run(["demo", "--keep", kept], in: sandbox.root)
        #expect(again.status == 2)
        #expect(again.errors == "stackreview: error: '\(kept)' already exists; name a new folder with --keep.\n")
    }
}
