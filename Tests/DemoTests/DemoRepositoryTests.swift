import Foundation
import Git
import Review
import Testing
@testable import Demo

@Suite struct DemoRepositoryTests {
    static func temporaryFolder() -> String {
        FileManager.default.temporaryDirectory
            .appendingPathComponent("stackreview-demo-test-\(UUID().uuidString)").path
    }

    @Test func commitsAreDeterministic() throws {
        let first = Self.temporaryFolder(), second = Self.temporaryFolder()
        defer {
            try? FileManager.default.removeItem(atPath: first)
            try? FileManager.default.removeItem(atPath: second)
        }
        let ids = try DemoRepository.create(at: first)
        #expect(ids.count == 3)
        #expect(try DemoRepository.create(at: second) == ids)
    }

    @Test func regressionCommitTouchesExactlyTheEditedLines() throws {
        let path = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let ids = try DemoRepository.create(at: path)
        let (review, _) = try Reviewer.review(Reviewer.Request(path: path, revisions: .expression(ids[2].hex), today: "2026-01-01"))
        let files = review.changeSet.files.map { file in
            "\(file.status.rawValue) \(file.path) +\(file.addedLines.map(\.description)) -\(file.deletedLines.map(\.description))"
        }
        #expect(files == [
            "modified infra/main.tf +[\"80...84\", \"119...119\"] -[\"110...113\"]",
            "added infra/reports.tf +[\"1...8\"] -[]",
            "modified lambda/handler.py +[\"13...13\", \"41...43\"] -[\"40...40\"]",
        ])
        #expect(review.changeSet.baseCommit == ids[1])
        #expect(review.changeSet.headCommit == ids[2])
    }

    @Test func demoOutputMatchesGoldenFile() throws {
        let path = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let output = try DemoRun(repositoryPath: path, today: "2026-01-01").run().replacingOccurrences(of: path, with: "<repository>")
        try Golden.check(output, against: "demo.txt")
    }
}
