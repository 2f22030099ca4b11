import Foundation
import Git
import TestSupport
import Testing

/// The pre-push protocol: input captured from real `git push` runs into a bare repository.
@Suite struct PrePushTests {
    /// A clone of an empty bare repository whose pre-push hook saves its input and rejects the
    /// push, so the refs stay as the hook saw them; `push` then pushes for real.
    private final class PushFixture {
        let sandbox: GitSandbox
        let work = "work"
        private let capture: String

        init() throws {
            sandbox = try GitSandbox()
            try sandbox.git(["init", "-q", "--bare", sandbox.path("remote.git")], in: "")
            try sandbox.git(["clone", "-q", sandbox.path("remote.git"), sandbox.path(work)], in: "")
            capture = sandbox.path("captured-stdin")
            let hook = sandbox.path("work/.git/hooks/pre-push")
            try sandbox.write("#!/bin/sh\ncat > '\(capture)'\nexit 1\n", to: "work/.git/hooks/pre-push")
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hook)
        }

        /// Runs `git push <arguments>` with the hook, resolves what the hook read while the refs
        /// are still as the hook saw them, then pushes without the hook.
        func push(_ arguments: [String]) throws -> (input: String, updates: [PrePushUpdate]) {
            let attempt = try attemptPush(arguments)
            try sandbox.git(["push", "-q", "--no-verify"] + arguments, in: work)
            return attempt
        }

        /// Runs `git push <arguments>` with the hook, which rejects it, and resolves what the hook read.
        func attemptPush(_ arguments: [String]) throws -> (input: String, updates: [PrePushUpdate]) {
            try? FileManager.default.removeItem(atPath: capture)
            try sandbox.gitExpectingFailure(["push", "-q"] + arguments, in: work)
            let input = try String(contentsOfFile: capture, encoding: .utf8)
            let updates = try Repository.discover(from: sandbox.path(work))
                .prePushUpdates(standardInput: input, remoteName: "origin")
            return (input, updates)
        }

        func commit(_ file: String, _ text: String) throws -> ObjectID {
            try sandbox.write(text, to: "\(work)/\(file)")
            return try sandbox.commitAll("change \(file)", in: work)
        }
    }

    @Test func everyFormOfPushThroughARealBareRepository() throws {
        let fixture = try PushFixture()
        let zero = ObjectID.zero

        // 1. The first push of main: nothing on the remote, so everything is reviewed.
        let c1 = try fixture.commit("main.tf", "a\n")
        let firstPush = try fixture.push(["origin", "main"])
        #expect(firstPush.input == "refs/heads/main \(c1.hex) refs/heads/main \(zero.hex)\n")
        #expect(firstPush.updates == [
            PrePushUpdate(
                line: PrePushLine(localRef: "refs/heads/main", localID: c1, remoteRef: "refs/heads/main", remoteID: zero),
                kind: .newBranch,
                range: ResolvedRange(
                    base: .emptyTree, head: .commit(c1),
                    description: "refs/heads/main \(c1.short) from the empty tree (no commit is on a remote-tracking ref)")),
        ])

        // 2. A fast-forward update: reviewed from the remote's old commit.
        let c2 = try fixture.commit("main.tf", "a\nb\n")
        let updatePush = try fixture.push(["origin", "main"])
        let update = try #require(updatePush.updates.first)
        #expect(update.kind == .update)
        #expect(update.line.remoteID == c1)
        #expect(update.range == ResolvedRange(
            base: .commit(c1), head: .commit(c2),
            description: "refs/heads/main \(c1.short)...refs/heads/main \(c2.short)"))

        // 3. A new branch: reviewed from its merge base with the remote's default branch.
        try fixture.sandbox.git(["checkout", "-q", "-b", "feature"], in: fixture.work)
        _ = try fixture.commit("f.py", "x = 1\n")
        let f2 = try fixture.commit("f.py", "x = 2\n")
        let withoutOriginHead = try #require(fixture.attemptPush(["origin", "feature"]).updates.first)
        #expect(withoutOriginHead.range == ResolvedRange(
            base: .commit(c2), head: .commit(f2),
            description: "refs/heads/feature \(f2.short) from merge-base with origin/main"))
        try fixture.sandbox.git(["remote", "set-head", "origin", "main"], in: fixture.work)
        let branchPush = try fixture.push(["origin", "feature"])
        let branch = try #require(branchPush.updates.first)
        #expect(branch.kind == .newBranch)
        #expect(branch.range == ResolvedRange(
            base: .commit(c2), head: .commit(f2),
            description: "refs/heads/feature \(f2.short) from merge-base with origin/HEAD"))

        // 4. Several refs in one push.
        let f3 = try fixture.commit("f.py", "x = 3\n")
        try fixture.sandbox.git(["checkout", "-q", "main"], in: fixture.work)
        let c3 = try fixture.commit("main.tf", "a\nb\nc\n")
        let severalPush = try fixture.push(["origin", "main", "feature"])
        let several = severalPush.updates.sorted { $0.line.remoteRef < $1.line.remoteRef }
        #expect(several.map(\.line.remoteRef) == ["refs/heads/feature", "refs/heads/main"])
        #expect(several.map(\.kind) == [.update, .update])
        #expect(several.map(\.range?.base) == [.commit(f2), .commit(c2)])
        #expect(several.map(\.range?.head) == [.commit(f3), .commit(c3)])

        // 5. A forced push that rewrites main: reviewed from the merge base of old and new.
        try fixture.sandbox.git(["reset", "-q", "--hard", c2.hex], in: fixture.work)
        let c4 = try fixture.commit("other.tf", "z\n")
        let forcedPush = try fixture.push(["--force", "origin", "main"])
        let forced = try #require(forcedPush.updates.first)
        #expect(forced.kind == .update)
        #expect(forced.line.remoteID == c3)
        #expect(forced.range?.base == .commit(c2))
        #expect(forced.range?.head == .commit(c4))

        // 6. A deletion: nothing to review.
        let deletionPush = try fixture.push(["origin", "--delete", "feature"])
        #expect(deletionPush.input == "(delete) \(zero.hex) refs/heads/feature \(f3.hex)\n")
        #expect(deletionPush.updates == [
            PrePushUpdate(
                line: PrePushLine(localRef: "(delete)", localID: zero, remoteRef: "refs/heads/feature", remoteID: f3),
                kind: .deletion, range: nil),
        ])
    }

    @Test func newBranchWithoutADefaultBranchStartsAtTheNewestPublishedCommit() throws {
        let fixture = try PushFixture()
        _ = try fixture.commit("a.tf", "a\n")
        try fixture.sandbox.git(["checkout", "-q", "-b", "release"], in: fixture.work)
        let published = try fixture.commit("a.tf", "a\nrelease\n")
        _ = try fixture.push(["origin", "release"])
        try fixture.sandbox.git(["checkout", "-q", "-b", "topic"], in: fixture.work)
        _ = try fixture.commit("b.py", "b = 1\n")
        let topic = try fixture.commit("b.py", "b = 2\n")

        // The remote has only `release`: no origin/HEAD, origin/main or origin/master.
        let update = try #require(fixture.push(["origin", "topic"]).updates.first)
        #expect(update.kind == .newBranch)
        #expect(update.range == ResolvedRange(
            base: .commit(published), head: .commit(topic),
            description: "refs/heads/topic \(topic.short) from \(published.short), the newest commit on a remote-tracking ref"))
        let repository = try Repository.discover(from: fixture.sandbox.path(fixture.work))
        let changes = try repository.changeSet(try #require(update.range))
        #expect(changes.files.map(\.path) == ["b.py"])
    }

    @Test func updateWhoseRemoteCommitIsUnknownLocallyIsReviewedLikeANewBranch() throws {
        let fixture = try PushFixture()
        let c1 = try fixture.commit("a.tf", "a\n")
        _ = try fixture.push(["origin", "main"])
        // Someone else pushes a commit that this clone never fetches.
        let sandbox = fixture.sandbox
        try sandbox.git(["clone", "-q", sandbox.path("remote.git"), sandbox.path("other")], in: "")
        try sandbox.write("theirs\n", to: "other/theirs.tf")
        let theirs = try sandbox.commitAll("theirs", in: "other")
        try sandbox.git(["push", "-q", "origin", "main"], in: "other")

        let mine = try fixture.commit("mine.tf", "mine\n")
        let forced = try #require(fixture.attemptPush(["--force", "origin", "main"]).updates.first)
        #expect(forced.kind == .update)
        #expect(forced.line.remoteID == theirs)
        #expect(forced.range == ResolvedRange(
            base: .commit(c1), head: .commit(mine),
            description: "refs/heads/main \(mine.short) from merge-base with origin/main"))
    }

    @Test func parserAcceptsGitsFormat() throws {
        let a = String(repeating: "a", count: 40)
        let b = String(repeating: "b", count: 40)
        let zero = String(repeating: "0", count: 40)
        let lines = try PrePushLine.parse("refs/heads/x \(a) refs/heads/x \(b)\nHEAD \(b) refs/heads/y \(zero)\n")
        #expect(lines == [
            PrePushLine(localRef: "refs/heads/x", localID: ObjectID(hex: a)!, remoteRef: "refs/heads/x", remoteID: ObjectID(hex: b)!),
            PrePushLine(localRef: "HEAD", localID: ObjectID(hex: b)!, remoteRef: "refs/heads/y", remoteID: .zero),
        ])
        #expect(try PrePushLine.parse("") == [])
    }

    @Test(arguments: [
        ("refs/heads/x \(String(repeating: "a", count: 40)) refs/heads/x", 1, "expected 4 fields separated by single spaces, found 3"),
        ("refs/heads/x  \(String(repeating: "a", count: 40)) refs/heads/x \(String(repeating: "0", count: 40))", 1, "expected 4 fields separated by single spaces, found 5"),
        ("refs/heads/x \(String(repeating: "A", count: 40)) refs/heads/x \(String(repeating: "0", count: 40))", 1, "'\(String(repeating: "A", count: 40))' is not a 40-digit lowercase object id"),
        ("refs/heads/x abc refs/heads/x \(String(repeating: "0", count: 40))", 1, "'abc' is not a 40-digit lowercase object id"),
        ("refs/heads/x \(String(repeating: "a", count: 40)) heads/x \(String(repeating: "0", count: 40))", 1, "the remote ref 'heads/x' does not start with refs/"),
        (" \(String(repeating: "a", count: 40)) refs/heads/x \(String(repeating: "0", count: 40))", 1, "the local ref is empty"),
        ("refs/heads/x \(String(repeating: "0", count: 40)) refs/heads/x \(String(repeating: "0", count: 40))", 1, "both object ids are zero"),
        ("refs/heads/x \(String(repeating: "a", count: 40)) refs/heads/x \(String(repeating: "0", count: 40))\n\nx", 2, "expected 4 fields separated by single spaces, found 1"),
    ])
    func parserRejectsMalformedLines(input: String, line: Int, reason: String) throws {
        let text = input.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)[line - 1]
        do {
            _ = try PrePushLine.parse(input)
            Issue.record("expected a malformed-input error")
        } catch {
            #expect(error == .malformedPrePushInput(line: line, text: text, reason: reason))
            #expect(error.exitCode == 2)
        }
    }

    @Test func malformedInputMessage() {
        let error = GitError.malformedPrePushInput(line: 2, text: "junk", reason: "expected 4 fields separated by single spaces, found 1")
        #expect(error.message == "Malformed pre-push input on line 2 ('junk'): expected 4 fields separated by single spaces, found 1. Git sends '<local ref> <local oid> <remote ref> <remote oid>' on each line; run this command only as Git's pre-push hook.")
    }
}
