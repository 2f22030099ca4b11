import Foundation
import Git
import TestSupport
import Terraform
import Testing
@testable import Review

/// The walk over real repositories: what counts as an improvement, what stays open, and that
/// every distinct blob is parsed once and every head is reused as the next base.
@Suite struct ChangelogWalkTests {
    struct Line: Equatable, CustomStringConvertible {
        var rule: String, subject: String, commit: String, fixedEarlierBy: String?
        var description: String { "\(rule)@\(subject) by \(commit)" + (fixedEarlierBy.map { " (fixed earlier by \($0))" } ?? "") }
    }

    static func lines(_ entries: [ChangelogEntry]) -> [Line] {
        entries.map { Line(rule: $0.finding.ruleID, subject: $0.finding.subject, commit: $0.commit.summary, fixedEarlierBy: $0.fixedEarlierBy?.summary) }
    }

    @Test func improvementsOpenIssuesReBreaksAndRemovals() throws {
        let repository = try ChangelogRepository()
        let changelog = try ChangelogWalk().changelog(.init(path: repository.path, range: .expression("\(repository.commits[0].hex)..HEAD")))
        #expect(changelog.commits.map(\.summary) == [
            "Enable tracing", "Close the reports bucket", "Merge branch 'encrypt'", "Add the audit bucket", "Open the logs bucket",
            "Close the logs bucket", "Disable tracing again", "Delete the legacy function", "Update the docs",
        ])
        #expect(changelog.range.base == .commit(repository.commits[0]))
        #expect(changelog.range.head == .commit(repository.commits[9]))
        #expect(changelog.headCommit.id == repository.commits[9])
        // The merged branch counts once, as its merge commit; tracing, fixed then re-broken, is not an improvement.
        #expect(Self.lines(changelog.improvements) == [
            Line(rule: "aws-s3-bucket-public-acl", subject: "aws_s3_bucket_acl.reports", commit: "Close the reports bucket", fixedEarlierBy: nil),
            Line(rule: "aws-sqs-queue-encryption", subject: "aws_sqs_queue.jobs", commit: "Merge branch 'encrypt'", fixedEarlierBy: nil),
        ])
        #expect(changelog.improvements.map(\.finding.improvement.plain) == [
            "Removed the public ACL from `aws_s3_bucket_acl.reports`", "Encrypted the messages of `aws_sqs_queue.jobs`",
        ])
        // An improvement's location is at the fixing commit's parent.
        #expect(changelog.improvements.map(\.locationCommit) == [repository.commits[1], repository.commits[2]])
        #expect(Self.lines(changelog.open) == [
            Line(rule: "aws-s3-bucket-public-acl", subject: "aws_s3_bucket_acl.audit", commit: "Add the audit bucket", fixedEarlierBy: nil),
            Line(rule: "aws-lambda-tracing", subject: "aws_lambda_function.orders", commit: "Disable tracing again", fixedEarlierBy: "Enable tracing"),
        ])
        #expect(changelog.open.map(\.finding.span.file) == ["infra/audit.tf", "infra/main.tf"])
        // The logs bucket was opened and closed again inside the range.
        #expect(changelog.fixedWithinRange == 1)
        #expect(changelog.problems.isEmpty)
    }

    @Test func theSameRangeGivesTheSameChangelog() throws {
        let repository = try ChangelogRepository()
        let request = ChangelogWalk.Request(path: repository.path, range: .expression("\(repository.commits[0].hex)..main"))
        let first = try ChangelogWalk().changelog(request), second = try ChangelogWalk().changelog(request)
        #expect(first.improvements == second.improvements)
        #expect(first.open == second.open)
        #expect(first.commits == second.commits)
    }

    @Test func eachDistinctBlobIsParsedOnceAndEachHeadIsReusedAsTheNextBase() throws {
        let repository = try ChangelogRepository()
        let walk = ChangelogWalk()
        var progress: [String] = []
        _ = try walk.changelog(.init(path: repository.path, range: .expression("\(repository.commits[0].hex)..HEAD"))) { done, total in
            progress.append("\(done)/\(total)")
        }
        var blobs = Set<String>()
        for commit in repository.commits {
            let listing = try repository.sandbox.git(["ls-tree", "-r", commit.hex, "infra"], in: repository.name)
            for line in listing.split(separator: "\n") where line.hasSuffix(".tf") {
                blobs.insert(String(line.split(separator: " ")[2].prefix(40)))
            }
        }
        #expect(blobs.count == 13)
        #expect(walk.parsedFiles.parsedFileCount == blobs.count)
        // Eight commits change Terraform; each after the first finds its base already loaded.
        #expect(walk.analysisCache.reusedModuleCount == 7)
        #expect(progress == (1...9).map { "\($0)/9" })
    }

    @Test func reusingTheLastHeadChangesNoReview() throws {
        let repository = try ChangelogRepository()
        let git = try Repository.discover(from: repository.path)
        let parsedFiles = ParsedFileCache(), cache = ModuleAnalysisCache()
        for commit in repository.commits.dropFirst() {
            let range = try git.resolve(.expression(commit.hex))
            let options = try ReviewSetup.options(repository: git, range: range, reviewAll: false, today: "2026-01-01")
            let plain = try ReviewEngine(repository: git, options: options).review(range)
            let cached = try ReviewEngine(repository: git, options: options, parsedFiles: parsedFiles, analysisCache: cache).review(range)
            cache.keep(only: range.head)
            #expect(cached.comparison == plain.comparison, "\(commit.short)")
            #expect(cached.baseFindings == plain.baseFindings, "\(commit.short)")
            #expect(cached.headFindings == plain.headFindings, "\(commit.short)")
            #expect(cached.touched == plain.touched, "\(commit.short)")
        }
        // Every review after the first finds its base loaded, but the docs-only commit loads no module.
        #expect(cache.reusedModuleCount == 7)
    }

    @Test func aRevisionAloneIsItsWholeHistoryAndAnEmptyRangeIsEmpty() throws {
        let repository = try ChangelogRepository()
        let whole = try ChangelogWalk().changelog(.init(path: repository.path, range: .expression("HEAD")))
        #expect(whole.range.base == .emptyTree)
        #expect(whole.commits.count == 10)
        #expect(whole.improvements.isEmpty)
        let empty = try ChangelogWalk().changelog(.init(path: repository.path, range: .expression("HEAD..HEAD")))
        #expect(empty.commits.isEmpty)
        #expect(empty.improvements.isEmpty && empty.open.isEmpty && empty.fixedWithinRange == 0)
    }

    @Test func sinceTagStartsAtTheLatestTagAndFailsWithoutOne() throws {
        let repository = try ChangelogRepository()
        let request = ChangelogWalk.Request(path: repository.path, range: .sinceTag)
        do {
            _ = try ChangelogWalk().changelog(request)
            Issue.record("expected an error without tags")
        } catch {
            #expect(error.exitStatus == 3)
            #expect(error.description == "No tag is reachable from 'HEAD', so --since-tag has no start. Name the range instead (for example <first-commit>..HEAD), or tag a release first with `git tag`.")
        }
        try repository.sandbox.git(["tag", "v1.0.0", repository.commits[2].hex], in: repository.name)
        try repository.sandbox.git(["tag", "-a", "-m", "release", "v1.1.0", repository.commits[5].hex], in: repository.name)
        let changelog = try ChangelogWalk().changelog(request)
        #expect(changelog.range.description == "v1.1.0..HEAD")
        #expect(changelog.range.base == .commit(repository.commits[5]))
        #expect(changelog.commits.map(\.summary) == ["Close the logs bucket", "Disable tracing again", "Delete the legacy function", "Update the docs"])
        #expect(Self.lines(changelog.improvements) == [
            Line(rule: "aws-s3-bucket-public-acl", subject: "aws_s3_bucket_acl.logs", commit: "Close the logs bucket", fixedEarlierBy: nil),
        ])
        #expect(Self.lines(changelog.open) == [
            Line(rule: "aws-lambda-tracing", subject: "aws_lambda_function.orders", commit: "Disable tracing again", fixedEarlierBy: nil),
        ])
    }

    @Test func theTestSuiteIsJudgedAsAStateAtEachRevision() throws {
        let sandbox = try GitSandbox()
        let name = try sandbox.makeRepository()
        try sandbox.write(ChangelogRepository.function("orders", tracing: true), to: "repo/infra/main.tf")
        try sandbox.write("{\"total\": {\"lines\": {\"pct\": 52}}}", to: "repo/coverage/coverage-summary.json")
        try sandbox.write("def test_orders():\n    assert 1 + 1 == 2\n", to: "repo/tests/test_orders.py")
        let start = try sandbox.commitAll("start", in: name)
        // Only a coverage report changes: the commit is reviewed all the same.
        try sandbox.write("{\"total\": {\"lines\": {\"pct\": 85.5}}}", to: "repo/coverage/coverage-summary.json")
        try sandbox.commitAll("Raise coverage", in: name)
        // Code without tests, and fewer tests: per-change verdicts, not states of the release.
        try sandbox.write(ChangelogRepository.function("orders", tracing: false), to: "repo/infra/main.tf")
        try sandbox.commitAll("Change code without tests", in: name)
        try sandbox.write("def test_smoke():\n    pass\n", to: "repo/tests/test_orders.py")
        try sandbox.commitAll("Replace the test with one that asserts nothing", in: name)
        let changelog = try ChangelogWalk().changelog(.init(path: sandbox.path(name), range: .expression("\(start.hex)..HEAD")))
        #expect(Self.lines(changelog.improvements) == [
            Line(rule: "testing-coverage-below-target", subject: "coverage", commit: "Raise coverage", fixedEarlierBy: nil),
        ])
        #expect(changelog.improvements.map(\.finding.improvement.plain) == ["Raised line coverage to the target of 70%"])
        #expect(Self.lines(changelog.open) == [
            Line(rule: "testing-tests-without-assertions", subject: "tests/test_orders.py", commit: "Replace the test with one that asserts nothing", fixedEarlierBy: nil),
            Line(rule: "aws-lambda-tracing", subject: "aws_lambda_function.orders", commit: "Change code without tests", fixedEarlierBy: nil),
        ])
    }

    @Test func aFindingKeepsItsHistoryThroughAMovedRenameWithinTheRange() throws {
        let sandbox = try GitSandbox()
        let name = try sandbox.makeRepository()
        try sandbox.write(ChangelogRepository.function("orders", tracing: true), to: "repo/infra/main.tf")
        let start = try sandbox.commitAll("start", in: name)
        try sandbox.write(ChangelogRepository.function("orders", tracing: false), to: "repo/infra/main.tf")
        try sandbox.commitAll("Disable tracing", in: name)
        let moved = "moved {\n  from = aws_lambda_function.orders\n  to   = aws_lambda_function.checkout\n}\n"
        try sandbox.write(ChangelogRepository.function("checkout", tracing: false) + moved, to: "repo/infra/main.tf")
        try sandbox.commitAll("Rename orders to checkout", in: name)
        let renamed = try ChangelogWalk().changelog(.init(path: sandbox.path(name), range: .expression("\(start.hex)..HEAD")))
        // Introduced under the old name, open under the new one: one open finding, from the commit that introduced it.
        #expect(Self.lines(renamed.open.filter { $0.finding.ruleID == "aws-lambda-tracing" }) == [
            Line(rule: "aws-lambda-tracing", subject: "aws_lambda_function.checkout", commit: "Disable tracing", fixedEarlierBy: nil),
        ])
        #expect(renamed.open.first { $0.finding.ruleID == "aws-lambda-tracing" }?.finding.span.start.line == 1)
        try sandbox.write(ChangelogRepository.function("checkout", tracing: true) + moved, to: "repo/infra/main.tf")
        try sandbox.commitAll("Enable tracing on checkout", in: name)
        // Introduced and fixed within the range, across the rename: not an improvement, not open.
        let fixed = try ChangelogWalk().changelog(.init(path: sandbox.path(name), range: .expression("\(start.hex)..HEAD")))
        #expect(fixed.improvements.filter { $0.finding.ruleID == "aws-lambda-tracing" }.isEmpty)
        #expect(fixed.open.filter { $0.finding.ruleID == "aws-lambda-tracing" }.isEmpty)
        #expect(fixed.fixedWithinRange == 1)
    }

    @Test func eachStepReadsTheConfigurationFromItsBase() throws {
        let sandbox = try GitSandbox()
        let name = try sandbox.makeRepository()
        try sandbox.write(ChangelogRepository.function("first", tracing: true), to: "repo/first.tf")
        let start = try sandbox.commitAll("start", in: name)
        // The commit that turns the rule off is still reviewed with it on.
        try sandbox.write("rules:\n  aws-lambda-tracing: off\n", to: "repo/.stackreview.yml")
        try sandbox.write(ChangelogRepository.function("second", tracing: false), to: "repo/second.tf")
        try sandbox.commitAll("Add second, turn tracing off", in: name)
        try sandbox.write(ChangelogRepository.function("third", tracing: false), to: "repo/third.tf")
        try sandbox.commitAll("Add third", in: name)
        let changelog = try ChangelogWalk().changelog(.init(path: sandbox.path(name), range: .expression("\(start.hex)..HEAD")))
        #expect(changelog.open.filter { $0.finding.ruleID == "aws-lambda-tracing" }.map(\.finding.subject) == ["aws_lambda_function.second"])
        // --config replaces the file at every step.
        let overridden = try ChangelogWalk().changelog(.init(
            path: sandbox.path(name), range: .expression("\(start.hex)..HEAD"), configuration: ("ci.yml", "fail_on: high\n")))
        #expect(overridden.open.filter { $0.finding.ruleID == "aws-lambda-tracing" }.map(\.finding.subject) == ["aws_lambda_function.second", "aws_lambda_function.third"])
    }

    @Test func anInvalidConfigurationNamesTheCommit() throws {
        let sandbox = try GitSandbox()
        let name = try sandbox.makeRepository()
        try sandbox.write(ChangelogRepository.function("first", tracing: true), to: "repo/first.tf")
        let start = try sandbox.commitAll("start", in: name)
        try sandbox.write("fail_on: sometimes\n", to: "repo/.stackreview.yml")
        try sandbox.commitAll("Break the configuration", in: name)
        try sandbox.write(ChangelogRepository.function("second", tracing: false), to: "repo/second.tf")
        let broken = try sandbox.commitAll("Add second", in: name)
        do {
            _ = try ChangelogWalk().changelog(.init(path: sandbox.path(name), range: .expression("\(start.hex)..HEAD")))
            Issue.record("expected a configuration error")
        } catch {
            #expect(error.exitStatus == 2)
            #expect(error.description.hasPrefix("The configuration read for commit \(broken.short) (from its first parent) is invalid:\n.stackreview.yml:1:"))
        }
    }

    @Test func unknownRevisionIsARepositoryError() throws {
        let repository = try ChangelogRepository()
        do {
            _ = try ChangelogWalk().changelog(.init(path: repository.path, range: .expression("v9..HEAD")))
            Issue.record("expected an error")
        } catch {
            #expect(error.exitStatus == 3)
            #expect(error.description == "Unknown revision 'v9': no branch, tag or commit has that name. Check the name, or fetch it first with `git fetch`.")
        }
    }
}
