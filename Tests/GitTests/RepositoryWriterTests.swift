import Foundation
import Git
import TestSupport
import Testing

/// Creating repositories and commits through libgit2, checked with the git command line.
@Suite struct RepositoryWriterTests {
    private let author = CommitSignature(name: "Demo Author", email: "demo@example.com", time: 1_700_000_000, timeZoneOffsetMinutes: 60)

    @Test func commitsAreWrittenDeterministicallyAndReadableByGit() throws {
        let sandbox = try GitSandbox()
        let writer = try RepositoryWriter.create(at: sandbox.path("demo"))
        let first = try writer.commit(
            [
                "main.tf": .file(Array("resource \"aws_s3_bucket\" \"b\" {}\n".utf8)),
                "lambda/handler.py": .file(Array("def handler(event, context):\n    return 1\n".utf8)),
                "scripts/build.sh": .executable(Array("#!/bin/sh\n".utf8)),
                "current": .symlink(target: "main.tf"),
            ],
            on: "main", message: "Initial stack\n", author: author)
        let second = try writer.commit(
            ["lambda/handler.py": .file(Array("def handler(event, context):\n    return 2\n".utf8)), "scripts/build.sh": .delete],
            on: "main", message: "Change handler\n", author: author)

        #expect(try sandbox.revParse("main", in: "demo") == second)
        #expect(try sandbox.revParse("main~1", in: "demo") == first)
        #expect(try sandbox.gitLine(["ls-tree", "-r", "--format=%(objectmode) %(path)", "main"], in: "demo")
            == "120000 current\n100644 lambda/handler.py\n100644 main.tf")
        #expect(try sandbox.gitLine(["ls-tree", "-r", "--format=%(objectmode) %(path)", "main~1"], in: "demo")
            == "120000 current\n100644 lambda/handler.py\n100644 main.tf\n100755 scripts/build.sh")
        let object = try sandbox.git(["cat-file", "-p", second.hex], in: "demo")
        #expect(object.hasSuffix("""
            parent \(first.hex)
            author Demo Author <demo@example.com> 1700000000 +0100
            committer Demo Author <demo@example.com> 1700000000 +0100

            Change handler

            """))
        // HEAD's branch was written, so the working tree and index match the commit.
        #expect(try sandbox.git(["status", "--porcelain"], in: "demo") == "")
        #expect(try String(contentsOfFile: sandbox.path("demo/lambda/handler.py"), encoding: .utf8) == "def handler(event, context):\n    return 2\n")
        #expect(!FileManager.default.fileExists(atPath: sandbox.path("demo/scripts/build.sh")))

        // The same content, message and author give the same ids in another repository.
        let again = try RepositoryWriter.create(at: sandbox.path("again"))
        let againFirst = try again.commit(
            [
                "current": .symlink(target: "main.tf"),
                "scripts/build.sh": .executable(Array("#!/bin/sh\n".utf8)),
                "lambda/handler.py": .file(Array("def handler(event, context):\n    return 1\n".utf8)),
                "main.tf": .file(Array("resource \"aws_s3_bucket\" \"b\" {}\n".utf8)),
            ],
            on: "main", message: "Initial stack\n", author: author)
        #expect(againFirst == first)

        // The writer's repository reviews its own commits.
        let changes = try writer.repository.changeSet(try writer.repository.resolve(.expression("main")))
        #expect(changes.files.map(\.path) == ["lambda/handler.py", "scripts/build.sh"])
        #expect(changes.files.map(\.status) == [.modified, .deleted])
        #expect(changes.files.first?.addedLines == [LineRange(2...2)])
    }

    @Test func commitsOnAnotherBranchLeaveTheWorkingTreeAlone() throws {
        let sandbox = try GitSandbox()
        let writer = try RepositoryWriter.create(at: sandbox.path("demo"))
        let base = try writer.commit(["a.tf": .file(Array("a\n".utf8))], on: "main", message: "base\n", author: author)
        let feature = try writer.commit(["b.tf": .file(Array("b\n".utf8))], on: "feature", message: "feature\n", author: author)
        #expect(try sandbox.revParse("feature~1", in: "demo") == base)
        #expect(try sandbox.revParse("feature", in: "demo") == feature)
        #expect(try sandbox.revParse("HEAD", in: "demo") == base)
        #expect(try sandbox.git(["status", "--porcelain"], in: "demo") == "")
        let range = try writer.repository.resolve(.expression("main...feature"))
        #expect(range.base == .commit(base))
        #expect(try writer.repository.changeSet(range).files.map(\.path) == ["b.tf"])
    }

    @Test func deletingAMissingFileIsAnError() throws {
        let sandbox = try GitSandbox()
        let writer = try RepositoryWriter.create(at: sandbox.path("demo"))
        #expect(throws: GitError.self) {
            try writer.commit(["nothing.tf": .delete], on: "main", message: "x\n", author: author)
        }
    }
}
