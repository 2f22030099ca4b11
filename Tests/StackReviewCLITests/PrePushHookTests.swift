import Foundation
import Git
import TestSupport
import Testing

/// `hooks/pre-push` installed in a real clone, exercised by real `git push` into a bare remote.
@Suite struct PrePushHookTests {
    /// The repository's `hooks/pre-push`, found from this source file's location.
    static let hookScript = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("hooks/pre-push").path

    /// A bare remote with one commit on main, and a clone of it with the hook installed.
    static func makeClone(_ sandbox: GitSandbox) throws -> String {
        let seed = try sandbox.makeRepository("seed")
        try sandbox.write("resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"b\"\n}\n", to: "seed/main.tf")
        try sandbox.commitAll("seed", in: seed)
        try sandbox.git(["clone", "-q", "--bare", sandbox.path(seed), sandbox.path("remote.git")], in: "")
        try sandbox.git(["clone", "-q", sandbox.path("remote.git"), sandbox.path("work")], in: "")
        let hook = sandbox.path("work/.git/hooks/pre-push")
        try FileManager.default.copyItem(atPath: hookScript, toPath: hook)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hook)
        return "work"
    }

    static func push(_ sandbox: GitSandbox, _ arguments: [String], binary: String = StackReviewBinary.path) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "push"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: sandbox.path("work"))
        process.environment = SanitizerOptions.inherited(into: [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": sandbox.root,
            "GIT_CONFIG_NOSYSTEM": "1", "STACKREVIEW": binary, "SWIFT_BACKTRACE": "enable=no",
        ])
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = Pipe()
        try process.run()
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func newBranchUpdateSeveralRefsAndDeletionGoThroughTheHook() throws {
        let sandbox = try GitSandbox()
        let work = try Self.makeClone(sandbox)
        try sandbox.git(["checkout", "-q", "-b", "feature"], in: work)
        try sandbox.write("def handler(event, context):\n    return {}\n", to: "work/lambda/app.py")
        let handlerCommit = try sandbox.commitAll("handler", in: work)

        let (newStatus, newOutput) = try Self.push(sandbox, ["-q", "origin", "feature"])
        #expect(newStatus == 0)
        #expect(newOutput.contains("stackreview: reviewing the push to origin\n"))
        #expect(newOutput.contains("  refs/heads/feature (new branch, refs/heads/feature "))
        #expect(newOutput.contains(": 1 file changed; 1 handler source file.\n"))

        try sandbox.write("resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"c\"\n}\n", to: "work/main.tf")
        let renameCommit = try sandbox.commitAll("rename bucket", in: work)
        try sandbox.git(["branch", "-q", "second"], in: work)
        let (severalStatus, severalOutput) = try Self.push(sandbox, ["-q", "origin", "feature", "second"])
        #expect(severalStatus == 0)
        #expect(severalOutput == """
            stackreview: reviewing the push to origin
              refs/heads/feature (update, refs/heads/feature \(handlerCommit.short)...refs/heads/feature \(renameCommit.short)): 1 file changed; 1 Terraform file.
              refs/heads/second (new branch, refs/heads/second \(renameCommit.short) from merge-base with origin/HEAD): 2 files changed; 1 Terraform file, 1 handler source file.

            """)

        let (deleteStatus, deleteOutput) = try Self.push(sandbox, ["-q", "origin", "--delete", "second"])
        #expect(deleteStatus == 0)
        #expect(deleteOutput.contains("  refs/heads/second: deleted, nothing to review\n"))
    }

    @Test func missingBinaryBlocksThePushWithInstructions() throws {
        let sandbox = try GitSandbox()
        _ = try Self.makeClone(sandbox)
        let (status, output) = try Self.push(sandbox, ["-q", "origin", "main"], binary: "/nonexistent/stackreview")
        #expect(status != 0)
        #expect(output.hasPrefix("""
            stackreview pre-push hook: '/nonexistent/stackreview' was not found, so this push was not reviewed.
              Install stackreview (see its README) or set STACKREVIEW=/path/to/stackreview,
              or push once without the hook: git push --no-verify

            """))
    }
}
