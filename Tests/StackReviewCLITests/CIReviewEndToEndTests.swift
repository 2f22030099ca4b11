import Foundation
import Git
import TestSupport
import Testing

/// `stackreview review --ci github|gitlab`, the CI scripts that run it (`ci/*/run-review.sh`) and
/// the pre-commit framework's entry scripts, run as CI and pre-commit run them against real
/// repositories: a feature branch that makes an S3 bucket's ACL public.
@Suite struct CIReviewEndToEndTests {
    /// A remote with main (private ACL) and feature (public ACL), and a full clone in `work`.
    final class Fixture {
        let sandbox: GitSandbox
        let base: ObjectID
        let head: ObjectID

        init() throws {
            sandbox = try GitSandbox()
            let seed = try sandbox.makeRepository("seed")
            try sandbox.write(Self.stack(acl: "private"), to: "seed/main.tf")
            base = try sandbox.commitAll("seed", in: seed)
            try sandbox.git(["checkout", "-q", "-b", "feature"], in: seed)
            try sandbox.write("# Reports\n", to: "seed/README.md")
            try sandbox.commitAll("readme", in: seed)
            try sandbox.write(Self.stack(acl: "public-read"), to: "seed/main.tf")
            head = try sandbox.commitAll("public reports", in: seed)
            try sandbox.git(["checkout", "-q", "main"], in: seed)
            try sandbox.git(["clone", "-q", "--bare", sandbox.path(seed), sandbox.path("remote.git")], in: "")
            try sandbox.git(["clone", "-q", "--no-local", sandbox.path("remote.git"), sandbox.path("work")], in: "")
            try sandbox.write(
                #"{"pull_request": {"number": 7, "base": {"sha": "\#(base.hex)"}, "head": {"sha": "\#(head.hex)"}}}"#,
                to: "event.json")
        }

        static func stack(acl: String) -> String {
            "resource \"aws_s3_bucket\" \"reports\" {\n  bucket = \"reports\"\n}\n"
                + "resource \"aws_s3_bucket_acl\" \"reports\" {\n  bucket = aws_s3_bucket.reports.id\n  acl    = \"\(acl)\"\n}\n"
        }

        /// The environment of a GitHub Actions job for the pull request.
        var github: [String: String] {
            [
                "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": sandbox.root,
                "STACKREVIEW": StackReviewBinary.path, "SWIFT_BACKTRACE": "enable=no",
                "GITHUB_ACTIONS": "true", "GITHUB_EVENT_PATH": sandbox.path("event.json"),
                "GITHUB_REPOSITORY": "acme/stack", "GITHUB_SERVER_URL": "https://github.com",
                "GITHUB_STEP_SUMMARY": sandbox.path("step-summary.md"), "GITHUB_OUTPUT": sandbox.path("github-output"),
            ]
        }

        /// The environment of a GitLab merge request pipeline.
        var gitlab: [String: String] {
            [
                "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": sandbox.root,
                "STACKREVIEW": StackReviewBinary.path, "SWIFT_BACKTRACE": "enable=no",
                "GITLAB_CI": "true", "CI_MERGE_REQUEST_IID": "5", "CI_MERGE_REQUEST_DIFF_BASE_SHA": base.hex,
                "CI_COMMIT_SHA": head.hex, "CI_PROJECT_URL": "https://gitlab.example.com/acme/stack",
            ]
        }

        func read(_ relative: String) throws -> String {
            try String(contentsOfFile: sandbox.path(relative), encoding: .utf8)
        }
    }

    static let finding = #"CRITICAL main.tf:6:12  `aws_s3_bucket_acl.reports` grants public access with the canned ACL "public-read"  [aws-s3-bucket-public-acl]"#

    @Test func ciGithubReviewsThePullRequestNamedByTheEvent() throws {
        let fixture = try Fixture()
        let result = try StackReviewBinary.run(["review", "--ci", "github"], in: fixture.sandbox.path("work"), environment: fixture.github)
        #expect(result.status == 1)
        #expect(result.output.hasPrefix("stackreview: \(fixture.base.hex)...\(fixture.head.hex) = \(fixture.base.short)..\(fixture.head.short) — 2 files changed"))
        #expect(result.output.contains(Self.finding))
    }

    @Test func ciGitlabReviewsTheMergeRequestNamedByTheVariables() throws {
        let fixture = try Fixture()
        let result = try StackReviewBinary.run(["review", "--ci", "gitlab"], in: fixture.sandbox.path("work"), environment: fixture.gitlab)
        #expect(result.status == 1)
        #expect(result.output.hasPrefix("stackreview: \(fixture.base.hex)...\(fixture.head.hex) = \(fixture.base.short)..\(fixture.head.short) — 2 files changed"))
        #expect(result.output.contains(Self.finding))
    }

    @Test func ciInAShallowCloneSaysHowToFetchTheHistory() throws {
        let fixture = try Fixture()
        try fixture.sandbox.git(["clone", "-q", "--depth", "1", "--branch", "feature", "file://" + fixture.sandbox.path("remote.git"), fixture.sandbox.path("shallow")], in: "")
        let github = try StackReviewBinary.run(["review", "--ci", "github"], in: fixture.sandbox.path("shallow"), environment: fixture.github)
        #expect(github.status == 3)
        #expect(github.errors == """
            stackreview: error: --ci github: the base \(fixture.base.hex) named by the pull_request event, or the history back \
            to its merge base with the head, is not in this clone: it is shallow. Check out the whole history: give \
            actions/checkout `fetch-depth: 0` (or run `git fetch --unshallow` before stackreview).

            """)
        let gitlab = try StackReviewBinary.run(["review", "--ci", "gitlab"], in: fixture.sandbox.path("shallow"), environment: fixture.gitlab)
        #expect(gitlab.status == 3)
        #expect(gitlab.errors.contains("set `GIT_DEPTH: 0` in the job's variables"))
    }

    @Test func ciWithoutItsVariablesIsAUsageError() throws {
        let fixture = try Fixture()
        let result = try StackReviewBinary.run(
            ["review", "--ci", "gitlab"], in: fixture.sandbox.path("work"),
            environment: ["PATH": "/usr/bin:/bin", "HOME": fixture.sandbox.root])
        #expect(result.status == 2)
        #expect(result.errors == """
            stackreview: error: --ci gitlab: cannot tell what to review from the environment of GitLab CI: this is not a merge \
            request pipeline (CI_MERGE_REQUEST_DIFF_BASE_SHA is not set) and CI_COMMIT_BEFORE_SHA names no earlier commit (a \
            new branch, or a pipeline that was not started by a push). Run the job for a merge request, or name the range \
            yourself (stackreview review BASE...HEAD).

            """)
        let both = try StackReviewBinary.run(["review", "--ci", "github", "--staged"], in: fixture.sandbox.path("work"), environment: fixture.github)
        #expect(both.status == 2)
        #expect(both.errors.hasPrefix("Error: --ci reads the revisions from the CI's environment: give it without RANGE, --staged or --worktree.\n"))
    }

    @Test func githubRunReviewWritesTheSummarySarifAndReviewPayload() throws {
        let fixture = try Fixture()
        let result = try ScriptRunner.run("ci/github/run-review.sh", ["out"], in: fixture.sandbox.path("work"), environment: fixture.github)
        #expect(result.status == 1)
        #expect(result.errors == "")
        let report = try fixture.read("work/out/report.md")
        #expect(try fixture.read("step-summary.md") == report)
        #expect(report.contains(
            "[main.tf\\:6](https://github.com/acme/stack/blob/\(fixture.head.hex)/main.tf#L6)"))
        #expect(try fixture.read("github-output") == "status=1\n")

        let sarif = try #require(try JSONSerialization.jsonObject(with: Data(fixture.read("work/out/stackreview.sarif").utf8)) as? [String: Any])
        #expect(sarif["version"] as? String == "2.1.0")
        let results = (sarif["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]]
        #expect(results?.map { $0["ruleId"] as? String } == ["aws-s3-bucket-public-acl"])

        let review = try #require(try JSONSerialization.jsonObject(with: Data(fixture.read("work/out/github-review.json").utf8)) as? [String: Any])
        #expect(review["event"] as? String == "COMMENT")
        let comments = try #require(review["comments"] as? [[String: Any]])
        #expect(comments.map { [$0["path"] as? String, ($0["line"] as? Int).map(String.init)] } == [["main.tf", "6"]])
    }

    @Test func gitlabRunReviewWritesCodeQualityAndDiscussions() throws {
        let fixture = try Fixture()
        let result = try ScriptRunner.run("ci/gitlab/run-review.sh", ["out"], in: fixture.sandbox.path("work"), environment: fixture.gitlab)
        #expect(result.status == 1)
        #expect(result.errors == "")
        #expect(try fixture.read("work/out/report.md").contains("(https://gitlab.example.com/acme/stack/blob/\(fixture.head.hex)/main.tf#L6)"))
        let quality = try #require(try JSONSerialization.jsonObject(with: Data(fixture.read("work/out/gl-code-quality-report.json").utf8)) as? [[String: Any]])
        #expect(quality.map { $0["check_name"] as? String } == ["aws-s3-bucket-public-acl"])
        let discussions = try #require(try JSONSerialization.jsonObject(with: Data(fixture.read("work/out/gitlab-discussions.json").utf8)) as? [[String: Any]])
        #expect(discussions.count == 2)
        let position = try #require(discussions[1]["position"] as? [String: Any])
        #expect(position["new_path"] as? String == "main.tf")
        #expect(position["new_line"] as? Int == 6)
        #expect(position["head_sha"] as? String == fixture.head.hex)
    }

    @Test func runReviewStopsOnAnErrorWithItsStatus() throws {
        let fixture = try Fixture()
        var environment = fixture.github
        environment["GITHUB_EVENT_PATH"] = fixture.sandbox.path("missing.json")
        let result = try ScriptRunner.run("ci/github/run-review.sh", ["out"], in: fixture.sandbox.path("work"), environment: environment)
        #expect(result.status == 2)
        #expect(result.errors.hasPrefix("stackreview: error: --ci github: cannot tell what to review"))
        #expect(try fixture.read("github-output") == "status=2\n")
        #expect(!FileManager.default.fileExists(atPath: fixture.sandbox.path("work/out/github-review.json")))
    }

    // MARK: - pre-commit framework

    @Test func preCommitPrePushEntryReviewsTheRefPreCommitNames() throws {
        let fixture = try Fixture()
        let work = fixture.sandbox.path("work")
        try fixture.sandbox.git(["checkout", "-q", "feature"], in: "work")
        var environment = fixture.github.filter { !$0.key.hasPrefix("GITHUB") }
        // An update of feature: pre-commit passes the remote's commit as the from ref.
        environment.merge([
            "PRE_COMMIT_FROM_REF": fixture.base.hex, "PRE_COMMIT_TO_REF": fixture.head.hex,
            "PRE_COMMIT_LOCAL_BRANCH": "refs/heads/feature", "PRE_COMMIT_REMOTE_BRANCH": "refs/heads/feature",
            "PRE_COMMIT_REMOTE_NAME": "origin", "PRE_COMMIT_REMOTE_URL": fixture.sandbox.path("remote.git"),
        ]) { $1 }
        let update = try ScriptRunner.run("hooks/pre-commit-pre-push", in: work, environment: environment)
        #expect(update.status == 1)
        #expect(update.errors.hasPrefix("""
            stackreview: reviewing the push to origin
              refs/heads/feature (update, refs/heads/feature \(fixture.base.short)...refs/heads/feature \(fixture.head.short)): 2 files changed; 1 Terraform file, 1 other file.
                CRITICAL main.tf:6  `aws_s3_bucket_acl.reports` grants public access with the canned ACL "public-read"  [aws-s3-bucket-public-acl]

            """))

        // A new branch: pre-commit passes the parent of its first unpublished commit as `<id>^`.
        environment["PRE_COMMIT_FROM_REF"] = fixture.head.hex + "^"
        let newBranch = try ScriptRunner.run("hooks/pre-commit-pre-push", in: work, environment: environment)
        #expect(newBranch.status == 1)
        #expect(newBranch.errors.contains("): 1 file changed; 1 Terraform file.\n" + "    CRITICAL main.tf:6  "))

        environment["PRE_COMMIT_TO_REF"] = nil
        let outside = try ScriptRunner.run("hooks/pre-commit-pre-push", in: work, environment: environment)
        #expect(outside.status == 2)
        #expect(outside.errors == "stackreview pre-push hook: PRE_COMMIT_TO_REF is not set; run this only from pre-commit's pre-push stage.\n")
    }

    @Test func preCommitStagedEntryReviewsTheIndex() throws {
        let fixture = try Fixture()
        let work = fixture.sandbox.path("work")
        try fixture.sandbox.write(Fixture.stack(acl: "public-read"), to: "work/main.tf")
        try fixture.sandbox.git(["add", "main.tf"], in: "work")
        let environment = fixture.github.filter { !$0.key.hasPrefix("GITHUB") }
        let staged = try ScriptRunner.run("hooks/pre-commit-staged", in: work, environment: environment)
        #expect(staged.status == 1)
        #expect(staged.output.hasPrefix("stackreview: staged changes (HEAD..index)"))
        #expect(staged.output.contains(Self.finding))

        var missing = environment
        missing["STACKREVIEW"] = "/nonexistent/stackreview"
        let notInstalled = try ScriptRunner.run("hooks/pre-commit-staged", in: work, environment: missing)
        #expect(notInstalled.status == 1)
        #expect(notInstalled.errors == """
            stackreview pre-commit hook: '/nonexistent/stackreview' was not found, so the staged changes were not reviewed.
              Install stackreview (see its README) or set STACKREVIEW=/path/to/stackreview,
              or commit once without the hook: git commit --no-verify

            """)
    }
}
