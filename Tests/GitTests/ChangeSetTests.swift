import Foundation
import Git
import TestSupport
import Testing

/// Change sets computed from real repositories built with the git command line.
@Suite struct ChangeSetTests {
    private func changeSet(_ repository: Repository, _ expression: String) throws -> ChangeSet {
        try repository.changeSet(repository.resolve(.expression(expression)))
    }

    @Test func modifiedAddedAndDeletedFilesHaveExactLineRanges() throws {
        let sandbox = try GitSandbox()
        let name = try sandbox.makeRepository()
        try sandbox.write(GitSandbox.numberedLines(10), to: "repo/a.txt")
        try sandbox.write("one\ntwo\nthree\n", to: "repo/b.txt")
        let first = try sandbox.commitAll("first", in: name)
        try sandbox.write(
            "line 1\nline 2\nreplaced 3\nline 5\nline 6\nline 7\nline 8\ninserted\nline 9\nline 10\n", to: "repo/a.txt")
        try FileManager.default.removeItem(atPath: sandbox.path("repo/b.txt"))
        try sandbox.write("resource \"a\" \"b\" {\n  x = 1\n}\n\n", to: "repo/c.tf")
        let second = try sandbox.commitAll("second", in: name)

        let repository = try Repository.discover(from: sandbox.path(name))
        let changes = try changeSet(repository, "HEAD~1..HEAD")
        #expect(changes.base == .commit(first))
        #expect(changes.head == .commit(second))
        #expect(changes.baseCommit == first)
        #expect(changes.headCommit == second)
        #expect(changes.description == "HEAD~1..HEAD")
        #expect(changes.files.map(\.path) == ["a.txt", "b.txt", "c.tf"])

        let a = try #require(changes.file(at: "a.txt"))
        #expect(a.status == .modified)
        #expect(a.oldPath == "a.txt")
        #expect(a.kind == .other)
        #expect(a.mode == .regular)
        #expect(a.oldMode == .regular)
        #expect(a.isBinary == false)
        #expect(a.isSkipped == false)
        #expect(a.addedLines == [LineRange(3...3), LineRange(8...8)])
        #expect(a.deletedLines == [LineRange(3...4)])
        #expect(a.oldBlobID == (try sandbox.revParse("HEAD~1:a.txt", in: name)))
        #expect(a.newBlobID == (try sandbox.revParse("HEAD:a.txt", in: name)))

        let b = try #require(changes.file(at: "b.txt"))
        #expect(b.status == .deleted)
        #expect(b.oldPath == "b.txt")
        #expect(b.addedLines == [])
        #expect(b.deletedLines == [LineRange(1...3)])
        #expect(b.newBlobID == nil)

        let c = try #require(changes.file(at: "c.tf"))
        #expect(c.status == .added)
        #expect(c.oldPath == nil)
        #expect(c.oldMode == nil)
        #expect(c.kind == .terraform)
        #expect(c.addedLines == [LineRange(1...4)])
        #expect(c.deletedLines == [])

        // A single commit is reviewed against its first parent: the same change.
        let single = try changeSet(repository, "HEAD")
        #expect(single.files == changes.files)
        #expect(single.base == .commit(first))
        #expect(single.description == "HEAD (against its first parent)")
    }

    @Test func rootCommitIsReviewedAgainstTheEmptyTree() throws {
        let sandbox = try GitSandbox()
        let name = try sandbox.makeRepository()
        try sandbox.write("x\ny\n", to: "repo/main.tf")
        let root = try sandbox.commitAll("root", in: name)
        let repository = try Repository.discover(from: sandbox.path(name))
        let range = try repository.resolve(.expression(root.hex))
        #expect(range.base == .emptyTree)
        #expect(range.head == .commit(root))
        let changes = try repository.changeSet(range)
        #expect(changes.baseCommit == nil)
        #expect(changes.files.map(\.path) == ["main.tf"])
        #expect(changes.files.first?.addedLines == [LineRange(1...2)])
    }

    @Test func renameWithEditsKeepsTheOldPathAndTheEditedLines() throws {
        let sandbox = try GitSandbox()
        let name = try sandbox.makeRepository()
        try sandbox.write(GitSandbox.numberedLines(20, prefix: "value ="), to: "repo/src/handler.py")
        try sandbox.commitAll("first", in: name)
        try FileManager.default.createDirectory(atPath: sandbox.path("repo/lambda"), withIntermediateDirectories: true)
        try sandbox.git(["mv", "src/handler.py", "lambda/handler.py"], in: name)
        var lines = GitSandbox.numberedLines(20, prefix: "value =").split(separator: "\n").map(String.init)
        lines[6] = "value = seven"
        try sandbox.write(lines.joined(separator: "\n") + "\n", to: "repo/lambda/handler.py")
        try sandbox.commitAll("move", in: name)

        let changes = try changeSet(try Repository.discover(from: sandbox.path(name)), "HEAD^..HEAD")
        #expect(changes.files.count == 1)
        let file = try #require(changes.files.first)
        #expect(file.status == .renamed)
        #expect(file.path == "lambda/handler.py")
        #expect(file.oldPath == "src/handler.py")
        #expect(file.kind == .pythonSource)
        #expect(file.addedLines == [LineRange(7...7)])
        #expect(file.deletedLines == [LineRange(7...7)])
        #expect((file.similarity ?? 0) >= 90)
        #expect((file.similarity ?? 100) < 100)
    }

    @Test func copyOfAModifiedFileIsDetected() throws {
        let sandbox = try GitSandbox()
        let name = try sandbox.makeRepository()
        let original = GitSandbox.numberedLines(20, prefix: "handler")
        try sandbox.write(original, to: "repo/a.py")
        try sandbox.commitAll("first", in: name)
        try sandbox.write("changed first line\n" + original.split(separator: "\n").dropFirst().joined(separator: "\n") + "\n", to: "repo/a.py")
        try sandbox.write(original.split(separator: "\n").dropLast().joined(separator: "\n") + "\nhandler twenty\n", to: "repo/b.py")
        try sandbox.commitAll("copy", in: name)

        let changes = try changeSet(try Repository.discover(from: sandbox.path(name)), "HEAD")
        #expect(changes.files.map(\.path) == ["a.py", "b.py"])
        let a = try #require(changes.file(at: "a.py"))
        #expect(a.status == .modified)
        #expect(a.addedLines == [LineRange(1...1)])
        let b = try #require(changes.file(at: "b.py"))
        #expect(b.status == .copied)
        #expect(b.oldPath == "a.py")
        #expect(b.addedLines == [LineRange(20...20)])
        #expect(b.deletedLines == [LineRange(20...20)])
        #expect(b.oldBlobID == (try sandbox.revParse("HEAD~1:a.py", in: name)))
    }

    @Test func modeChangeHasNoChangedLines() throws {
        let sandbox = try GitSandbox()
        let name = try sandbox.makeRepository()
        try sandbox.write("#!/bin/sh\necho hi\n", to: "repo/build.sh")
        try sandbox.commitAll("first", in: name)
        try sandbox.git(["update-index", "--chmod=+x", "build.sh"], in: name)
        try sandbox.git(["commit", "-q", "-m", "executable"], in: name)

        let changes = try changeSet(try Repository.discover(from: sandbox.path(name)), "HEAD")
        let file = try #require(changes.files.first)
        #expect(changes.files.count == 1)
        #expect(file.status == .modified)
        #expect(file.oldMode == .regular)
        #expect(file.mode == .executable)
        #expect(file.addedLines == [])
        #expect(file.deletedLines == [])
    }

    @Test func binaryFileIsFlaggedWithoutLineRanges() throws {
        let sandbox = try GitSandbox()
        let name = try sandbox.makeRepository()
        try sandbox.write([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x0a, 0x01, 0x02], to: "repo/logo.png")
        try sandbox.commitAll("first", in: name)
        try sandbox.write([0x89, 0x50, 0x4e, 0x47, 0x00, 0x0a, 0x00, 0x03], to: "repo/logo.png")
        try sandbox.commitAll("second", in: name)

        let repository = try Repository.discover(from: sandbox.path(name))
        let changes = try changeSet(repository, "HEAD")
        let file = try #require(changes.files.first)
        #expect(file.status == .modified)
        #expect(file.isBinary)
        #expect(file.addedLines == [])
        #expect(file.deletedLines == [])
        let blob = try #require(try repository.file(at: "logo.png", in: .commit(try sandbox.revParse("HEAD", in: name))))
        #expect(blob.bytes == [0x89, 0x50, 0x4e, 0x47, 0x00, 0x0a, 0x00, 0x03])
    }

    @Test func symlinksAreReportedAndNeverFollowed() throws {
        let sandbox = try GitSandbox()
        let name = try sandbox.makeRepository()
        try sandbox.write("secret\n", to: "repo/target.txt")
        try sandbox.write("plain\n", to: "repo/config.txt")
        try sandbox.commitAll("first", in: name)
        try FileManager.default.createSymbolicLink(atPath: sandbox.path("repo/link.txt"), withDestinationPath: "target.txt")
        try FileManager.default.removeItem(atPath: sandbox.path("repo/config.txt"))
        try FileManager.default.createSymbolicLink(atPath: sandbox.path("repo/config.txt"), withDestinationPath: "target.txt")
        let head = try sandbox.commitAll("links", in: name)

        let repository = try Repository.discover(from: sandbox.path(name))
        let changes = try changeSet(repository, "HEAD")
        #expect(changes.files.map(\.path) == ["config.txt", "link.txt"])
        let config = try #require(changes.file(at: "config.txt"))
        #expect(config.status == .typeChange)
        #expect(config.oldMode == .regular)
        #expect(config.mode == .symlink)
        let link = try #require(changes.file(at: "link.txt"))
        #expect(link.status == .added)
        #expect(link.mode == .symlink)
        #expect(link.addedLines == [LineRange(1...1)])

        let atCommit = try #require(try repository.file(at: "link.txt", in: .commit(head)))
        #expect(atCommit.text == "target.txt")
        #expect(atCommit.mode == .symlink)
        #expect(atCommit.id == (try sandbox.revParse("HEAD:link.txt", in: name)))
        let onDisk = try #require(try repository.file(at: "link.txt", in: .worktree))
        #expect(onDisk.text == "target.txt")
        #expect(onDisk.mode == .symlink)
        #expect(onDisk.id == atCommit.id)
    }

    @Test func submoduleEntryIsListedAndSkipped() throws {
        let sandbox = try GitSandbox()
        let name = try sandbox.makeRepository()
        try sandbox.write("a\n", to: "repo/a.txt")
        let first = try sandbox.commitAll("first", in: name)
        try sandbox.git(["update-index", "--add", "--cacheinfo", "160000,\(first.hex),sub"], in: name)
        let head = try { try sandbox.git(["commit", "-q", "-m", "submodule"], in: name); return try sandbox.revParse("HEAD", in: name) }()

        let repository = try Repository.discover(from: sandbox.path(name))
        let changes = try changeSet(repository, "HEAD")
        #expect(changes.files.count == 1)
        let file = try #require(changes.files.first)
        #expect(file.path == "sub")
        #expect(file.status == .added)
        #expect(file.mode == .submodule)
        #expect(file.isSkipped)
        #expect(file.isBinary == false)
        #expect(file.addedLines == [])
        #expect(file.newBlobID == first)

        let entry = try #require(try repository.file(at: "sub", in: .commit(head)))
        #expect(entry.mode == .submodule)
        #expect(entry.bytes == [])
        #expect(entry.id == first)
    }

    @Test func pathsWithSpacesAndNonASCIICharacters() throws {
        let sandbox = try GitSandbox()
        let name = try sandbox.makeRepository()
        try sandbox.write("one\n", to: "repo/docs/naïve file.md")
        try sandbox.commitAll("first", in: name)
        try sandbox.write("one\ntwo\n", to: "repo/docs/naïve file.md")
        try sandbox.write("variable \"x\" {}\n", to: "repo/infra modules/café/main.tf")
        let head = try sandbox.commitAll("second", in: name)

        let repository = try Repository.discover(from: sandbox.path(name))
        let changes = try changeSet(repository, "HEAD")
        #expect(changes.files.map(\.path) == ["docs/naïve file.md", "infra modules/café/main.tf"])
        #expect(changes.files.map(\.addedLines) == [[LineRange(2...2)], [LineRange(1...1)]])
        #expect(changes.files.map(\.kind) == [.other, .terraform])
        let blob = try #require(try repository.file(at: "infra modules/café/main.tf", in: .commit(head)))
        #expect(blob.text == "variable \"x\" {}\n")
        let listed = try repository.listFiles(under: "infra modules/café", in: .commit(head))
        #expect(listed.map(\.path) == ["infra modules/café/main.tf"])
    }

    @Test func crlfLinesAreCountedLikeAnyOtherLine() throws {
        let sandbox = try GitSandbox()
        let name = try sandbox.makeRepository()
        try sandbox.write("alpha\r\nbeta\r\ngamma\r\ndelta\r\n", to: "repo/win.tf")
        try sandbox.commitAll("first", in: name)
        try sandbox.write("alpha\r\nBETA\r\ngamma\r\ndelta\r\nepsilon\r\n", to: "repo/win.tf")
        let head = try sandbox.commitAll("second", in: name)

        let repository = try Repository.discover(from: sandbox.path(name))
        let file = try #require(try changeSet(repository, "HEAD").files.first)
        #expect(file.addedLines == [LineRange(2...2), LineRange(5...5)])
        #expect(file.deletedLines == [LineRange(2...2)])
        let blob = try #require(try repository.file(at: "win.tf", in: .commit(head)))
        #expect(blob.text == "alpha\r\nBETA\r\ngamma\r\ndelta\r\nepsilon\r\n")
    }

    @Test func mergeCommitIsReviewedAgainstItsFirstParent() throws {
        let sandbox = try GitSandbox()
        let name = try sandbox.makeRepository()
        try sandbox.write("base\n", to: "repo/a.txt")
        let base = try sandbox.commitAll("base", in: name)
        try sandbox.git(["checkout", "-q", "-b", "feature"], in: name)
        try sandbox.write("feature\n", to: "repo/f.txt")
        let featureCommit = try sandbox.commitAll("feature work", in: name)
        try sandbox.git(["checkout", "-q", "main"], in: name)
        try sandbox.write("main\n", to: "repo/m.txt")
        let mainCommit = try sandbox.commitAll("main work", in: name)
        try sandbox.git(["merge", "-q", "--no-ff", "-m", "Merge feature", "feature"], in: name)
        let merge = try sandbox.revParse("HEAD", in: name)

        let repository = try Repository.discover(from: sandbox.path(name))
        let range = try repository.resolve(.expression("HEAD"))
        #expect(range.base == .commit(mainCommit))
        #expect(range.head == .commit(merge))
        let changes = try repository.changeSet(range)
        #expect(changes.files.map(\.path) == ["f.txt"])

        let info = try repository.commitInfo(merge)
        #expect(info.parents == [mainCommit, featureCommit])
        #expect(info.firstParent == mainCommit)
        #expect(info.summary == "Merge feature")
        #expect(info.authorName == "Test Author")
        #expect(info.authorEmail == "author@example.com")
        let history = try repository.firstParentHistory(from: base, to: merge)
        #expect(history.map(\.id) == [merge, mainCommit])
        #expect(history.map(\.summary) == ["Merge feature", "main work"])
    }

    @Test func threeDotRangeStartsAtTheMergeBase() throws {
        let sandbox = try GitSandbox()
        let name = try sandbox.makeRepository()
        try sandbox.write(GitSandbox.numberedLines(5), to: "repo/a.txt")
        let base = try sandbox.commitAll("base", in: name)
        try sandbox.git(["checkout", "-q", "-b", "feature"], in: name)
        try sandbox.write("line 1\nline 2 edited\nline 3\nline 4\nline 5\n", to: "repo/a.txt")
        let feature = try sandbox.commitAll("feature", in: name)
        try sandbox.git(["checkout", "-q", "main"], in: name)
        try sandbox.write("main only\n", to: "repo/m.txt")
        let main = try sandbox.commitAll("main", in: name)

        let repository = try Repository.discover(from: sandbox.path(name))
        let threeDot = try repository.resolve(.expression("main...feature"))
        #expect(threeDot == ResolvedRange(base: .commit(base), head: .commit(feature), description: "main...feature"))
        let changes = try repository.changeSet(threeDot)
        #expect(changes.files.map(\.path) == ["a.txt"])
        #expect(changes.files.first?.addedLines == [LineRange(2...2)])
        #expect(changes.files.first?.deletedLines == [LineRange(2...2)])

        let twoDot = try repository.resolve(.expression("main..feature"))
        #expect(twoDot.base == .commit(main))
        let twoDotChanges = try repository.changeSet(twoDot)
        #expect(twoDotChanges.files.map(\.path) == ["a.txt", "m.txt"])
        #expect(twoDotChanges.files.map(\.status) == [.modified, .deleted])

        let fromHead = try repository.resolve(.expression("feature.."))
        #expect(fromHead.base == .commit(feature))
        #expect(fromHead.head == .commit(main))
    }

    @Test func stagedAndWorktreeChanges() throws {
        let sandbox = try GitSandbox()
        let name = try sandbox.makeRepository()
        try sandbox.write(GitSandbox.numberedLines(5), to: "repo/a.txt")
        try sandbox.write(GitSandbox.numberedLines(5), to: "repo/b.txt")
        try sandbox.write("*.log\nnode_modules/\n", to: "repo/.gitignore")
        let head = try sandbox.commitAll("first", in: name)
        try sandbox.write("line 1\nstaged 2\nline 3\nline 4\nline 5\n", to: "repo/a.txt")
        try sandbox.git(["add", "a.txt"], in: name)
        try sandbox.write("line 1\nstaged 2\nline 3\nline 4\nunstaged 5\n", to: "repo/a.txt")
        try sandbox.write("line 1\nline 2\nline 3\nunstaged 4\nline 5\n", to: "repo/b.txt")
        try sandbox.write("print(1)\nprint(2)\nprint(3)\n", to: "repo/new.py")
        try sandbox.write("x = 1\n", to: "repo/pkg/mod.py")
        try sandbox.write("ignored\n", to: "repo/debug.log")
        try sandbox.write("ignored\n", to: "repo/node_modules/left-pad/index.js")

        let repository = try Repository.discover(from: sandbox.path(name))
        let stagedRange = try repository.resolve(.staged)
        #expect(stagedRange == ResolvedRange(base: .commit(head), head: .index, description: "staged changes (HEAD..index)"))
        let staged = try repository.changeSet(stagedRange)
        #expect(staged.headCommit == nil)
        #expect(staged.baseCommit == head)
        #expect(staged.files.map(\.path) == ["a.txt"])
        #expect(staged.files.first?.addedLines == [LineRange(2...2)])

        let worktree = try repository.changeSet(try repository.resolve(.worktree))
        #expect(worktree.head == .worktree)
        #expect(worktree.files.map(\.path) == ["a.txt", "b.txt", "new.py", "pkg/mod.py"])
        #expect(worktree.files.map(\.status) == [.modified, .modified, .added, .added])
        #expect(worktree.files.map(\.addedLines) == [
            [LineRange(2...2), LineRange(5...5)], [LineRange(4...4)], [LineRange(1...3)], [LineRange(1...1)],
        ])

        #expect(try repository.file(at: "a.txt", in: .index)?.text == "line 1\nstaged 2\nline 3\nline 4\nline 5\n")
        #expect(try repository.file(at: "a.txt", in: .worktree)?.text == "line 1\nstaged 2\nline 3\nline 4\nunstaged 5\n")
        #expect(try repository.file(at: "a.txt", in: .commit(head))?.text == GitSandbox.numberedLines(5))
        #expect(try repository.file(at: "new.py", in: .index) == nil)
        #expect(try repository.file(at: "a.txt", in: .index)?.id == (try sandbox.revParse(":a.txt", in: name)))
        #expect(try repository.file(at: "missing.txt", in: .worktree) == nil)

        let onDisk = try repository.listFiles(under: "", in: .worktree, recursive: true)
        #expect(onDisk.map(\.path) == [".gitignore", "a.txt", "b.txt", "new.py", "pkg/mod.py"])
        #expect(onDisk.first { $0.path == "a.txt" }?.id == (try repository.file(at: "a.txt", in: .worktree))?.id)
        #expect(try repository.listFiles(under: "", in: .worktree).map(\.path) == [".gitignore", "a.txt", "b.txt", "new.py"])
        #expect(try repository.listFiles(under: "pkg", in: .worktree).map(\.path) == ["pkg/mod.py"])
        #expect(try repository.listFiles(under: "node_modules", in: .worktree, recursive: true) == [])
        let indexListing = try repository.listFiles(under: "", in: .index, recursive: true)
        #expect(indexListing.map(\.path) == [".gitignore", "a.txt", "b.txt"])
    }

    @Test func listFilesOfAFolderAtACommit() throws {
        let sandbox = try GitSandbox()
        let name = try sandbox.makeRepository()
        try sandbox.write("a\n", to: "repo/modules/api/main.tf")
        try sandbox.write("b\n", to: "repo/modules/api/variables.tf")
        try sandbox.write("c\n", to: "repo/modules/api/lambda/handler.py")
        try sandbox.write("d\n", to: "repo/modules/db/main.tf")
        let head = try sandbox.commitAll("first", in: name)
        let repository = try Repository.discover(from: sandbox.path(name))

        let module = try repository.listFiles(under: "modules/api", in: .commit(head))
        #expect(module.map(\.path) == ["modules/api/main.tf", "modules/api/variables.tf"])
        #expect(module.map(\.id) == [
            try sandbox.revParse("HEAD:modules/api/main.tf", in: name),
            try sandbox.revParse("HEAD:modules/api/variables.tf", in: name),
        ])
        #expect(module.map(\.mode) == [.regular, .regular])
        let everything = try repository.listFiles(under: "modules/api/", in: .commit(head), recursive: true)
        #expect(everything.map(\.path) == ["modules/api/lambda/handler.py", "modules/api/main.tf", "modules/api/variables.tf"])
        #expect(try repository.listFiles(under: "", in: .commit(head)) == [])
        #expect(try repository.listFiles(under: "nowhere", in: .commit(head)) == [])
        #expect(try repository.listFiles(under: "modules", in: .emptyTree) == [])
        #expect(try repository.file(at: "modules/api", in: .commit(head)) == nil)
    }

    @Test func changeSetEncodesToStableJSON() throws {
        let file = ChangedFile(
            path: "b.tf", oldPath: "a.tf", status: .renamed, kind: .terraform, mode: .regular, oldMode: .regular,
            isBinary: false, isSkipped: false, similarity: 90, oldBlobID: nil, newBlobID: nil,
            addedLines: [LineRange(3...5)], deletedLines: [LineRange(4...4)])
        let changes = ChangeSet(base: .emptyTree, head: .worktree, description: "d", files: [file])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(changes), as: UTF8.self)
        #expect(json == #"{"base":"emptyTree","description":"d","files":[{"addedLines":[{"end":5,"start":3}],"binary":false,"deletedLines":[{"end":4,"start":4}],"kind":"terraform","mode":"regular","oldMode":"regular","oldPath":"a.tf","path":"b.tf","similarity":90,"skipped":false,"status":"renamed"}],"head":"worktree"}"#)
        #expect(try JSONDecoder().decode(ChangeSet.self, from: Data(json.utf8)) == changes)
    }
}
