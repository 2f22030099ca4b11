import Foundation
import Git
import TestSupport
import Testing

/// The pre-push hook as a developer gets it: `stackreview hook install` run for real in a clone
/// of a bare remote on disk, then real `git push`es that the hook refuses for a regression and
/// lets through once it is fixed. The hook finds the binary under test on PATH.
@Suite struct PrePushEndToEndTests {
    /// A bare remote whose main holds a private S3 bucket ACL, a clone of it in `work` with the
    /// hook installed, and a `bin` folder holding `stackreview` for PATH.
    final class Fixture {
        let sandbox: GitSandbox
        let work = "work"

        init(installHook: Bool = true) throws {
            sandbox = try GitSandbox()
            let seed = try sandbox.makeRepository("seed")
            try sandbox.write(Fixture.stack(acl: "private"), to: "seed/main.tf")
            try sandbox.commitAll("seed", in: seed)
            try sandbox.git(["clone", "-q", "--bare", sandbox.path(seed), sandbox.path("remote.git")], in: "")
            try sandbox.git(["clone", "-q", sandbox.path("remote.git"), sandbox.path(work)], in: "")
            try FileManager.default.createDirectory(atPath: sandbox.path("bin"), withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: sandbox.path("bin/stackreview"), withDestinationPath: StackReviewBinary.path)
            if installHook {
                let result = try stackreview(["hook", "install"])
                #expect(result.status == 0)
                #expect(result.output == "Installed stackreview's pre-push hook at \(sandbox.path("work/.git/hooks/pre-push")).\n")
            }
        }

        /// The module, with the bucket's ACL set to `acl` on line 6, or on line 7 under a comment.
        static func stack(acl: String, comment: String? = nil) -> String {
            """
            resource "aws_s3_bucket" "reports" {
              bucket = "reports"
            }
            resource "aws_s3_bucket_acl" "reports" {
              bucket = aws_s3_bucket.reports.id
            \(comment.map { "  # \($0)\n" } ?? "")  acl    = "\(acl)"
            }

            """
        }

        /// The environment of a developer's shell: stackreview on PATH, HOME in the sandbox.
        var environment: [String: String] {
            [
                "PATH": sandbox.path("bin") + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"),
                "HOME": sandbox.root, "GIT_CONFIG_NOSYSTEM": "1", "SWIFT_BACKTRACE": "enable=no", "LANG": "C.UTF-8",
            ]
        }

        func stackreview(_ arguments: [String]) throws -> StackReviewBinary.Result {
            try StackReviewBinary.run(arguments, in: sandbox.path(work), environment: environment)
        }

        /// Commits the module with `acl` on the current branch.
        @discardableResult
        func commitACL(_ acl: String) throws -> ObjectID {
            try sandbox.write(Fixture.stack(acl: acl), to: "\(work)/main.tf")
            return try sandbox.commitAll("acl \(acl)", in: work)
        }

        /// Commits the fix: the private ACL again, with a comment saying why it must stay so.
        @discardableResult
        func commitFix() throws -> ObjectID {
            try sandbox.write(Fixture.stack(acl: "private", comment: "reports are served through CloudFront only"), to: "\(work)/main.tf")
            return try sandbox.commitAll("keep the reports private", in: work)
        }

        /// Runs `git push` and returns its exit status and standard error (where the hook writes).
        func push(_ arguments: [String]) throws -> (status: Int32, errors: String) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["git", "push", "-q"] + arguments
            process.currentDirectoryURL = URL(fileURLWithPath: sandbox.path(work))
            process.environment = SanitizerOptions.inherited(into: environment)
            let errors = Pipe()
            process.standardError = errors
            process.standardOutput = Pipe()
            try process.run()
            let data = errors.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: data, as: UTF8.self))
        }

        /// The commit a branch of the remote points at; nil when the remote has no such branch.
        func remoteBranch(_ name: String) throws -> ObjectID? {
            let output = try sandbox.git(["for-each-ref", "--format=%(objectname)", "refs/heads/\(name)"], in: "remote.git")
            return ObjectID(hex: output.trimmingCharacters(in: .whitespacesAndNewlines))
        }

        /// What git prints after a hook refused the push.
        var refusal: String {
            "error: failed to push some refs to '\(sandbox.path("remote.git"))'\n"
        }
    }

    /// The summary's line for the public ACL.
    static let findingLine = """
            CRITICAL main.tf:6  `aws_s3_bucket_acl.reports` grants public access with the canned ACL "public-read"  [aws-s3-bucket-public-acl]

        """

    /// The advice the summary ends with when the public ACL blocks a push.
    static let blockedAdvice = """
        stackreview: this push introduces 1 finding at or above high, so it was not pushed.
          Fix it and push again, or accept one with a comment on the line above its block, naming its rule:
            # stackreview:ignore aws-s3-bucket-public-acl <why it is acceptable>
          To push once without the review: git push --no-verify

        """

    /// The finding line and the advice the summary ends with when the public ACL blocks a push.
    static var blockedFooter: String { findingLine + blockedAdvice }

    @Test func newBranchIsRefusedForARegressionAndAcceptedAfterTheFix() throws {
        let fixture = try Fixture()
        let seed = try fixture.sandbox.revParse("origin/main", in: fixture.work)
        try fixture.sandbox.git(["checkout", "-q", "-b", "feature"], in: fixture.work)
        let regression = try fixture.commitACL("public-read")

        let refused = try fixture.push(["origin", "feature"])
        #expect(refused.status == 1)
        #expect(refused.errors == """
            stackreview: reviewing the push to origin
              refs/heads/feature (new branch, refs/heads/feature \(regression.short) from merge-base with origin/HEAD): 1 file changed; 1 Terraform file.

            """ + Self.blockedFooter + fixture.refusal)
        #expect(try fixture.remoteBranch("feature") == nil)

        let fix = try fixture.commitFix()
        let accepted = try fixture.push(["origin", "feature"])
        #expect(accepted.status == 0)
        #expect(accepted.errors == """
            stackreview: reviewing the push to origin
              refs/heads/feature (new branch, refs/heads/feature \(fix.short) from merge-base with origin/HEAD): 1 file changed; 1 Terraform file.

            """)
        #expect(try fixture.remoteBranch("feature") == fix)
        #expect(seed != fix)
    }

    @Test func updateIsRefusedForARegressionAndAcceptedAfterTheFix() throws {
        let fixture = try Fixture()
        let published = try fixture.sandbox.revParse("HEAD", in: fixture.work)
        let regression = try fixture.commitACL("public-read")

        let refused = try fixture.push(["origin", "main"])
        #expect(refused.status == 1)
        #expect(refused.errors == """
            stackreview: reviewing the push to origin
              refs/heads/main (update, refs/heads/main \(published.short)...refs/heads/main \(regression.short)): 1 file changed; 1 Terraform file.

            """ + Self.blockedFooter + fixture.refusal)
        #expect(try fixture.remoteBranch("main") == published)

        let fix = try fixture.commitFix()
        let accepted = try fixture.push(["origin", "main"])
        #expect(accepted.status == 0)
        #expect(accepted.errors == """
            stackreview: reviewing the push to origin
              refs/heads/main (update, refs/heads/main \(published.short)...refs/heads/main \(fix.short)): 1 file changed; 1 Terraform file.

            """)
        #expect(try fixture.remoteBranch("main") == fix)
    }

    @Test func pushOfSeveralRefsIsRefusedWhenOneRegressesAndAcceptedAfterTheFix() throws {
        let fixture = try Fixture()
        try fixture.sandbox.git(["checkout", "-q", "-b", "docs"], in: fixture.work)
        try fixture.sandbox.write("# Reports bucket\n", to: "work/README.md")
        let docs = try fixture.sandbox.commitAll("docs", in: fixture.work)
        try fixture.sandbox.git(["checkout", "-q", "-b", "acl", "main"], in: fixture.work)
        let regression = try fixture.commitACL("public-read")

        let refused = try fixture.push(["origin", "docs", "acl"])
        #expect(refused.status == 1)
        // Git lists the refs in an order of its own; each ref's paragraph is checked on its own.
        #expect(refused.errors.hasPrefix("stackreview: reviewing the push to origin\n"))
        #expect(refused.errors.contains(
            "  refs/heads/docs (new branch, refs/heads/docs \(docs.short) from merge-base with origin/HEAD): 1 file changed, none of them Terraform, handler or test files\n"))
        #expect(refused.errors.contains(
            "  refs/heads/acl (new branch, refs/heads/acl \(regression.short) from merge-base with origin/HEAD): 1 file changed; 1 Terraform file.\n"
            + Self.findingLine))
        #expect(refused.errors.hasSuffix(Self.blockedAdvice + fixture.refusal))
        #expect(refused.errors.split(separator: "\n").count == 9)
        #expect(try fixture.remoteBranch("docs") == nil)
        #expect(try fixture.remoteBranch("acl") == nil)

        let fix = try fixture.commitFix()
        let accepted = try fixture.push(["origin", "docs", "acl"])
        #expect(accepted.status == 0)
        #expect(Set(accepted.errors.split(separator: "\n")) == [
            "stackreview: reviewing the push to origin",
            "  refs/heads/acl (new branch, refs/heads/acl \(fix.short) from merge-base with origin/HEAD): 1 file changed; 1 Terraform file.",
            "  refs/heads/docs (new branch, refs/heads/docs \(docs.short) from merge-base with origin/HEAD): 1 file changed, none of them Terraform, handler or test files",
        ])
        #expect(accepted.errors.split(separator: "\n").count == 3)
        #expect(try fixture.remoteBranch("docs") == docs)
        #expect(try fixture.remoteBranch("acl") == fix)
    }

    @Test func branchDeletionGoesThroughAndDoesNotHideARegressionPushedWithIt() throws {
        let fixture = try Fixture()
        try fixture.sandbox.git(["branch", "-q", "old"], in: fixture.work)
        try fixture.sandbox.git(["branch", "-q", "older"], in: fixture.work)
        try fixture.sandbox.git(["push", "-q", "--no-verify", "origin", "old", "older"], in: fixture.work)

        let deletion = try fixture.push(["origin", "--delete", "old"])
        #expect(deletion.status == 0)
        #expect(deletion.errors == "stackreview: reviewing the push to origin\n  refs/heads/old: deleted, nothing to review\n")
        #expect(try fixture.remoteBranch("old") == nil)

        let published = try fixture.sandbox.revParse("HEAD", in: fixture.work)
        let regression = try fixture.commitACL("public-read")
        let refused = try fixture.push(["origin", "main", ":older"])
        #expect(refused.status == 1)
        #expect(refused.errors.contains("  refs/heads/older: deleted, nothing to review\n"))
        #expect(refused.errors.contains(
            "  refs/heads/main (update, refs/heads/main \(published.short)...refs/heads/main \(regression.short)): 1 file changed; 1 Terraform file.\n"
            + Self.findingLine))
        #expect(refused.errors.hasSuffix(Self.blockedAdvice + fixture.refusal))
        #expect(try fixture.remoteBranch("older") != nil)

        try fixture.commitFix()
        let accepted = try fixture.push(["origin", "main", ":older"])
        #expect(accepted.status == 0)
        #expect(try fixture.remoteBranch("older") == nil)
    }

    @Test func existingHookRunsFirstAndUninstallPutsItBack() throws {
        let fixture = try Fixture(installHook: false)
        let hook = fixture.sandbox.path("work/.git/hooks/pre-push")
        let userHook = "#!/bin/sh\n# the team's own checks\necho \"team hook: $1\" >&2\ncat > \"$0.input\"\nexit ${TEAM_HOOK_STATUS:-0}\n"
        try fixture.sandbox.write(userHook, to: "work/.git/hooks/pre-push")
        try FileManager.default.setAttributes([.posixPermissions: 0o750], ofItemAtPath: hook)

        let install = try fixture.stackreview(["hook", "install"])
        #expect(install.status == 0)
        #expect(install.output == "Installed stackreview's pre-push hook at \(hook); the hook that was there is now \(hook).before-stackreview and runs first.\n")
        #expect(try fixture.stackreview(["hook", "install"]).output == "stackreview's pre-push hook is already installed at \(hook).\n")

        let regression = try fixture.commitACL("public-read")
        let refused = try fixture.push(["origin", "main"])
        #expect(refused.status == 1)
        #expect(refused.errors.hasPrefix("team hook: origin\nstackreview: reviewing the push to origin\n"))
        #expect(refused.errors.contains(Self.blockedFooter))
        // The team's hook read the same line stackreview did.
        let seen = try String(contentsOfFile: hook + ".before-stackreview.input", encoding: .utf8)
        #expect(seen.hasPrefix("refs/heads/main \(regression.hex) refs/heads/main "))

        let uninstall = try fixture.stackreview(["hook", "uninstall"])
        #expect(uninstall.status == 0)
        #expect(uninstall.output == "Removed stackreview's pre-push hook; \(hook) is the hook that was there before.\n")
        #expect(FileManager.default.contents(atPath: hook) == Data(userHook.utf8))
        #expect(try FileManager.default.attributesOfItem(atPath: hook)[.posixPermissions] as? Int == 0o750)

        let refusedUninstall = try fixture.stackreview(["hook", "uninstall"])
        #expect(refusedUninstall.status == 3)
        #expect(refusedUninstall.errors == """
            stackreview: error: '\(hook)' was not installed by stackreview (it lacks the line '# stackreview-managed-hook: pre-push'), \
            so it was left as it is. Remove it yourself if you no longer want it.

            """)
        // Without stackreview's hook, the team's hook alone lets the regression through.
        #expect(try fixture.push(["origin", "main"]).errors == "team hook: origin\n")
    }

    @Test func failingExistingHookStopsThePushBeforeTheReview() throws {
        let fixture = try Fixture(installHook: false)
        try fixture.sandbox.write("#!/bin/sh\necho 'team hook: no' >&2\nexit 7\n", to: "work/.git/hooks/pre-push")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fixture.sandbox.path("work/.git/hooks/pre-push"))
        #expect(try fixture.stackreview(["hook", "install"]).status == 0)
        try fixture.commitACL("private-read")
        let refused = try fixture.push(["origin", "main"])
        #expect(refused.status == 1)
        #expect(refused.errors == "team hook: no\n" + fixture.refusal)
    }

    @Test func hooksPathIsHonouredByInstallAndByGit() throws {
        let fixture = try Fixture(installHook: false)
        try fixture.sandbox.git(["config", "core.hooksPath", ".githooks"], in: fixture.work)
        let install = try fixture.stackreview(["hook", "install"])
        #expect(install.output == "Installed stackreview's pre-push hook at \(fixture.sandbox.path("work/.githooks/pre-push")).\n")
        #expect(!FileManager.default.fileExists(atPath: fixture.sandbox.path("work/.git/hooks/pre-push")))

        try fixture.commitACL("public-read")
        let refused = try fixture.push(["origin", "main"])
        #expect(refused.status == 1)
        #expect(refused.errors.contains(Self.blockedFooter))

        #expect(try fixture.stackreview(["hook", "uninstall"]).output
            == "Removed stackreview's pre-push hook from \(fixture.sandbox.path("work/.githooks/pre-push")).\n")
        #expect(try fixture.push(["origin", "main"]).status == 0)
    }

    @Test func installWarnsWhenTheHookWillNotFindStackreview() throws {
        let fixture = try Fixture(installHook: false)
        let result = try StackReviewBinary.run(
            ["hook", "install"], in: fixture.sandbox.path(fixture.work),
            environment: ["PATH": "/usr/bin:/bin", "HOME": fixture.sandbox.root])
        #expect(result.status == 0)
        #expect(result.output == """
            Installed stackreview's pre-push hook at \(fixture.sandbox.path("work/.git/hooks/pre-push")).
            Note: the hook will not find stackreview: put it on PATH, or set STACKREVIEW=/path/to/stackreview.

            """)
    }
}
