import Foundation
import Git
import TestSupport
import Testing

/// Opening repositories, resolving revisions, and the errors a user can act on.
@Suite struct RevisionTests {
    private func expectError(_ expected: GitError, _ body: () throws -> Void) {
        do {
            try body()
            Issue.record("expected \(expected)")
        } catch let error as GitError {
            #expect(error == expected)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func discoversTheRepositoryFromASubfolder() throws {
        let sandbox = try GitSandbox()
        let name = try sandbox.makeRepository()
        try sandbox.write("x\n", to: "repo/deep/inside/file.txt")
        try sandbox.commitAll("first", in: name)
        let repository = try Repository.discover(from: sandbox.path("repo/deep/inside"))
        #expect(repository.workdir == sandbox.path("repo"))
        #expect(repository.gitDirectory == sandbox.path("repo/.git"))
        #expect(repository.isBare == false)
        #expect(repository.isShallow == false)
    }

    @Test func notARepositoryIsARepositoryError() throws {
        let sandbox = try GitSandbox()
        let folder = sandbox.path("plain")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        do {
            _ = try Repository.discover(from: folder)
            Issue.record("expected an error")
        } catch {
            #expect(error == .notARepository(path: folder))
            #expect(error.exitCode == 3)
            #expect(error.message == "'\(folder)' is not inside a Git repository. Run stackreview from a folder inside a repository (or create one with `git init`).")
        }
    }

    @Test func unknownRevisionAndMalformedRange() throws {
        let sandbox = try GitSandbox()
        let name = try sandbox.makeRepository()
        try sandbox.write("x\n", to: "repo/a.txt")
        try sandbox.commitAll("first", in: name)
        let repository = try Repository.discover(from: sandbox.path(name))

        expectError(.unknownRevision("nope")) { _ = try repository.resolve(.expression("nope..HEAD")) }
        let unknown = GitError.unknownRevision("nope")
        #expect(unknown.exitCode == 3)
        #expect(unknown.message == "Unknown revision 'nope': no branch, tag or commit has that name. Check the name, or fetch it first with `git fetch`.")

        for text in ["a..b..c", "a...b..c", "..", "...", "", "main feature"] {
            expectError(.malformedRange(text)) { _ = try repository.resolve(.expression(text)) }
        }
        let malformed = GitError.malformedRange("a..b..c")
        #expect(malformed.exitCode == 2)
        #expect(malformed.message == "'a..b..c' is not a revision range. Write A..B, A...B (from their merge base) or a single revision.")
    }

    @Test func emptyRepositoryAndUnbornHead() throws {
        let sandbox = try GitSandbox()
        let name = try sandbox.makeRepository()
        let repository = try Repository.discover(from: sandbox.path(name))
        #expect(repository.isEmpty)
        let path = sandbox.path(name)
        expectError(.emptyRepository(path: path)) { _ = try repository.resolve(.defaultRange) }
        expectError(.emptyRepository(path: path)) { _ = try repository.resolve(.expression("HEAD")) }
        #expect(GitError.emptyRepository(path: path).message == "The repository at '\(path)' has no commits yet. Commit something first, or review what is staged with --staged.")

        // Before the first commit, staged changes are reviewed against the empty tree.
        try sandbox.write("a\nb\n", to: "repo/first.tf")
        try sandbox.git(["add", "first.tf"], in: name)
        let staged = try repository.changeSet(try repository.resolve(.staged))
        #expect(staged.base == .emptyTree)
        #expect(staged.files.map(\.path) == ["first.tf"])
        #expect(staged.files.first?.addedLines == [LineRange(1...2)])

        try sandbox.commitAll("first", in: name)
        try sandbox.git(["checkout", "-q", "--orphan", "fresh"], in: name)
        let reopened = try Repository.discover(from: sandbox.path(name))
        expectError(.unbornHead(branch: "fresh")) { _ = try reopened.resolve(.defaultRange) }
        #expect(GitError.unbornHead(branch: "fresh").message == "HEAD is on branch 'fresh', which has no commits yet. Commit something on it, or name the revisions to review (for example main..feature).")
    }

    @Test func bareCloneReadsFromTheObjectDatabase() throws {
        let sandbox = try GitSandbox()
        let name = try sandbox.makeRepository()
        try sandbox.write(GitSandbox.numberedLines(3), to: "repo/main.tf")
        try sandbox.commitAll("first", in: name)
        try sandbox.write("line 1\nline 2\nline 3\nline 4\n", to: "repo/main.tf")
        let head = try sandbox.commitAll("second", in: name)
        try sandbox.git(["clone", "-q", "--bare", sandbox.path(name), sandbox.path("bare.git")], in: "")

        let bare = try Repository.discover(from: sandbox.path("bare.git"))
        #expect(bare.isBare)
        #expect(bare.workdir == nil)
        let changes = try bare.changeSet(try bare.resolve(.expression("main~1..main")))
        #expect(changes.headCommit == head)
        #expect(changes.files.map(\.addedLines) == [[LineRange(4...4)]])
        #expect(try bare.file(at: "main.tf", in: .commit(head))?.text == "line 1\nline 2\nline 3\nline 4\n")

        let path = sandbox.path("bare.git")
        expectError(.noWorkingTree(path: path)) { _ = try bare.resolve(.staged) }
        expectError(.noWorkingTree(path: path)) { _ = try bare.resolve(.worktree) }
        #expect(GitError.noWorkingTree(path: path).exitCode == 2)
    }

    @Test func defaultRangeUsesTheUpstreamThenOriginHead() throws {
        let sandbox = try GitSandbox()
        let origin = try sandbox.makeRepository("origin")
        try sandbox.write("a\n", to: "origin/a.txt")
        let base = try sandbox.commitAll("base", in: origin)
        try sandbox.git(["clone", "-q", sandbox.path(origin), sandbox.path("work")], in: "")
        try sandbox.git(["checkout", "-q", "-b", "feature", "--track", "origin/main"], in: "work")
        try sandbox.write("b\n", to: "work/b.txt")
        let feature = try sandbox.commitAll("feature", in: "work")
        try sandbox.write("c\n", to: "origin/c.txt")
        try sandbox.commitAll("upstream moves on", in: origin)
        try sandbox.git(["fetch", "-q", "origin"], in: "work")

        let repository = try Repository.discover(from: sandbox.path("work"))
        let range = try repository.resolve(.defaultRange)
        #expect(range == ResolvedRange(base: .commit(base), head: .commit(feature), description: "origin/main...HEAD"))
        #expect(try repository.changeSet(range).files.map(\.path) == ["b.txt"])

        try sandbox.git(["branch", "-q", "--unset-upstream"], in: "work")
        let fallback = try repository.resolve(.defaultRange)
        #expect(fallback == ResolvedRange(base: .commit(base), head: .commit(feature), description: "origin/HEAD...HEAD"))
    }

    @Test func defaultRangeWithoutAnyBaseIsAClearError() throws {
        let sandbox = try GitSandbox()
        let name = try sandbox.makeRepository()
        try sandbox.write("a\n", to: "repo/a.txt")
        try sandbox.commitAll("base", in: name)
        try sandbox.git(["branch", "-q", "-m", "main", "trunk"], in: name)
        let repository = try Repository.discover(from: sandbox.path(name))
        expectError(.noDefaultBase) { _ = try repository.resolve(.defaultRange) }
        #expect(GitError.noDefaultBase.exitCode == 3)
    }

    @Test func shallowCloneWithMissingBaseSaysHowToDeepen() throws {
        let sandbox = try GitSandbox()
        let origin = try sandbox.makeRepository("origin")
        for number in 1...3 {
            try sandbox.write("version \(number)\n", to: "origin/a.txt")
            try sandbox.commitAll("commit \(number)", in: origin)
        }
        try sandbox.git(["clone", "-q", "--depth", "1", "file://" + sandbox.path(origin), sandbox.path("shallow")], in: "")
        let repository = try Repository.discover(from: sandbox.path("shallow"))
        #expect(repository.isShallow)

        expectError(.shallowHistoryMissing(revision: "HEAD^")) { _ = try repository.resolve(.expression("HEAD")) }
        expectError(.shallowHistoryMissing(revision: "HEAD~1")) { _ = try repository.resolve(.expression("HEAD~1..HEAD")) }
        let error = GitError.shallowHistoryMissing(revision: "HEAD~1")
        #expect(error.exitCode == 3)
        #expect(error.message == "The base revision 'HEAD~1' is not in this shallow clone: its history was cut off when the repository was cloned. Deepen the history with `git fetch --deepen=<N>` (or `git fetch --unshallow`); in CI, check out with `fetch-depth: 0`.")

        // Once deepened, the same request works.
        try sandbox.git(["fetch", "-q", "--deepen=1"], in: "shallow")
        let deepened = try Repository.discover(from: sandbox.path("shallow"))
        let range = try deepened.resolve(.expression("HEAD"))
        #expect(range.base == .commit(try sandbox.revParse("HEAD~1", in: "shallow")))
    }
}
