import Foundation
import Git
import Testing
@testable import Review

@Suite struct ReviewerTests {
    static func temporaryFolder() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("stackreview-review-\(UUID().uuidString)").path
    }

    /// A repository with two commits written through libgit2: `a.tf` then an edit of its line 2.
    static func twoCommitRepository(at path: String) throws -> [ObjectID] {
        let writer = try RepositoryWriter.create(at: path)
        let author = CommitSignature(name: "T", email: "t@example.invalid", time: 1_700_000_000)
        let first = try writer.commit(["a.tf": .file(Array("locals {\n  a = 1\n}\n".utf8))], on: "main", message: "one\n", author: author)
        let second = try writer.commit(["a.tf": .file(Array("locals {\n  a = 2\n}\n".utf8))], on: "main", message: "two\n", author: author)
        return [first, second]
    }

    @Test func reviewsARangeFromAnyFolderInside() throws {
        let path = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let ids = try Self.twoCommitRepository(at: path)
        try FileManager.default.createDirectory(atPath: path + "/sub/dir", withIntermediateDirectories: true)
        let (result, options) = try Reviewer.review(Reviewer.Request(path: path + "/sub/dir", revisions: .expression("\(ids[0].hex)..\(ids[1].hex)"), today: "2026-01-01"))
        #expect(result.range.base == .commit(ids[0]))
        #expect(result.range.head == .commit(ids[1]))
        #expect(result.changeSet.files.map(\.path) == ["a.tf"])
        #expect(result.modules == [""])
        #expect(result.touched == [TouchedSubject(directory: "", node: "local.a", reasons: ["edited at a.tf:2", "lines removed at a.tf:2 (base)"])])
        #expect(options.configuration.failOn == .high)
    }

    @Test func outsideARepositoryIsARepositoryError() throws {
        let path = Self.temporaryFolder()
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            _ = try Reviewer.review(Reviewer.Request(path: path, revisions: .defaultRange, today: "2026-01-01"))
            Issue.record("expected an error")
        } catch {
            #expect(error.exitStatus == ExitStatus.repositoryError.rawValue)
            #expect(error.description == GitError.notARepository(path: path).message)
        }
        #expect(GitError.malformedRange("a..b..c").exitCode == ExitStatus.usageError.rawValue)
    }

    @Test func pushOfADeletionReviewsNothing() throws {
        let path = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let ids = try Self.twoCommitRepository(at: path)
        let zero = String(repeating: "0", count: 40)
        let input = """
            refs/heads/main \(ids[1].hex) refs/heads/main \(ids[0].hex)
            (delete) \(zero) refs/heads/old \(ids[0].hex)

            """
        let (reviews, _) = try Reviewer.reviewPush(Reviewer.Request(path: path, revisions: .defaultRange, today: "2026-01-01"), remoteName: "origin", standardInput: input)
        #expect(reviews.map(\.update.kind) == [.update, .deletion])
        #expect(reviews[0].review?.changeSet.files.map(\.path) == ["a.tf"])
        #expect(reviews[1].review == nil)
    }
}
