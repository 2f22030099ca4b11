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
        let first = try writer.commit(["a.tf": .file(Array("one\ntwo\nthree\n".utf8))], on: "main", message: "one\n", author: author)
        let second = try writer.commit(["a.tf": .file(Array("one\nTWO\nthree\n".utf8))], on: "main", message: "two\n", author: author)
        return [first, second]
    }

    @Test func reviewsARangeFromAnyFolderInside() throws {
        let path = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let ids = try Self.twoCommitRepository(at: path)
        try FileManager.default.createDirectory(atPath: path + "/sub/dir", withIntermediateDirectories: true)
        let review = try Reviewer.review(repositoryAt: path + "/sub/dir", revisions: .expression("\(ids[0].hex)..\(ids[1].hex)"))
        #expect(review.range.base == .commit(ids[0]))
        #expect(review.range.head == .commit(ids[1]))
        #expect(review.changeSet.files.map(\.path) == ["a.tf"])
        #expect(review.changeSet.files.first?.addedLines == [LineRange(2, 2)])
        #expect(review.changeSet.files.first?.deletedLines == [LineRange(2, 2)])
    }

    @Test func outsideARepositoryIsARepositoryError() throws {
        let path = Self.temporaryFolder()
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: GitError.notARepository(path: path)) {
            try Reviewer.review(repositoryAt: path, revisions: .defaultRange)
        }
        #expect(GitError.notARepository(path: path).exitCode == ExitStatus.repositoryError.rawValue)
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
        let reviews = try Reviewer.reviewPush(repositoryAt: path, remoteName: "origin", standardInput: input)
        #expect(reviews.map(\.update.kind) == [.update, .deletion])
        #expect(reviews[0].review?.changeSet.files.map(\.path) == ["a.tf"])
        #expect(reviews[1].review == nil)
    }
}
