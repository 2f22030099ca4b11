import Foundation
import TestSupport
import Testing

/// `ci/github/post-review.sh` and `ci/gitlab/post-note.sh` run offline against a fake `curl`
/// on PATH that records every call (method, URL, JSON body) and answers from files: the calls
/// they make to create, find and update the one stackreview review or note.
@Suite struct PostReviewScriptTests {
    /// A sandbox with a fake `curl` in `bin` that records to `calls/` and answers from `answers/`.
    final class FakeAPI {
        let sandbox: GitSandbox
        let base: String

        init(base: String) throws {
            sandbox = try GitSandbox()
            self.base = base
            // Each call: one "METHOD URL" line in calls/list, its body in calls/body-N.json and
            // its arguments in calls/args-N. The answer is answers/<METHOD URL with every other
            // character than letters and digits as _>, or {}; with a .fail file beside it, the
            // call fails as curl --fail-with-body does on an HTTP error.
            try sandbox.write("""
                #!/bin/sh
                dir=$FAKE_CURL_DIR
                method=GET url= body=
                printf '%s\\n' "$@" > "$dir/calls/args-next"
                while [ $# -gt 0 ]; do
                  case "$1" in
                    --request) method=$2; shift 2 ;;
                    --header) shift 2 ;;
                    --data-binary) body=${2#@}; shift 2 ;;
                    -*) shift ;;
                    *) url=$1; shift ;;
                  esac
                done
                echo "$method $url" >> "$dir/calls/list"
                n=$(wc -l < "$dir/calls/list" | tr -d ' ')
                mv "$dir/calls/args-next" "$dir/calls/args-$n"
                if [ -n "$body" ]; then cp "$body" "$dir/calls/body-$n.json"; fi
                key=$(printf '%s %s' "$method" "$url" | tr -c 'A-Za-z0-9' '_')
                if [ -f "$dir/answers/$key" ]; then cat "$dir/answers/$key"; else echo '{}'; fi
                if [ -f "$dir/answers/$key.fail" ]; then exit 22; fi
                exit 0

                """, to: "bin/curl")
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: sandbox.path("bin/curl"))
            try FileManager.default.createDirectory(atPath: sandbox.path("fake/calls"), withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: sandbox.path("fake/answers"), withIntermediateDirectories: true)
        }

        /// Makes `METHOD path` (relative to the API's base) answer `json`, failing when `fails`.
        func answer(_ method: String, _ path: String, _ json: String, fails: Bool = false) throws {
            let key = String(("\(method) \(base)\(path)").map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" })
            try sandbox.write(json, to: "fake/answers/" + key)
            if fails { try sandbox.write("", to: "fake/answers/\(key).fail") }
        }

        /// Forgets the calls made so far.
        func resetCalls() throws {
            try FileManager.default.removeItem(atPath: sandbox.path("fake/calls"))
            try FileManager.default.createDirectory(atPath: sandbox.path("fake/calls"), withIntermediateDirectories: true)
        }

        /// The calls made, as "METHOD path" relative to the API's base.
        func calls() throws -> [String] {
            guard let text = try? String(contentsOfFile: sandbox.path("fake/calls/list"), encoding: .utf8) else { return [] }
            return text.split(separator: "\n").map { $0.replacingOccurrences(of: " " + base, with: " ") }
        }

        /// The JSON body of call `number` (from 1), with sorted keys.
        func body(_ number: Int) throws -> String {
            try ScriptRunner.canonicalJSON(String(contentsOfFile: sandbox.path("fake/calls/body-\(number).json"), encoding: .utf8))
        }

        /// The arguments curl got in call `number`.
        func arguments(_ number: Int) throws -> [String] {
            try String(contentsOfFile: sandbox.path("fake/calls/args-\(number)"), encoding: .utf8)
                .split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        }

        func run(_ script: String, _ arguments: [String], environment: [String: String]) throws -> ScriptRunner.Result {
            var full = environment
            full["PATH"] = sandbox.path("bin") + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
            full["FAKE_CURL_DIR"] = sandbox.path("fake")
            return try ScriptRunner.run(script, arguments, in: sandbox.root, environment: full)
        }
    }

    static let head = "2222222222222222222222222222222222222222"

    /// A `--format github-review` payload with two inline comments.
    static let githubPayload = """
        {"body": "# stackreview: main...feature\\n\\nOne finding.", "event": "COMMENT", "comments": [
          {"path": "main.tf", "line": 6, "side": "RIGHT", "body": "🔴 critical · public ACL"},
          {"path": "lambda/app.py", "line": 9, "start_line": 8, "side": "RIGHT", "start_side": "RIGHT", "body": "🟠 high · eval"}
        ]}
        """

    static func githubFixture() throws -> (FakeAPI, [String: String]) {
        let api = try FakeAPI(base: "https://api.test")
        try api.sandbox.write(githubPayload, to: "github-review.json")
        try api.sandbox.write(#"{"pull_request": {"number": 7, "head": {"sha": "\#(head)"}, "base": {"sha": "1111111111111111111111111111111111111111"}}}"#, to: "event.json")
        let environment = [
            "GITHUB_TOKEN": "secret-token", "GITHUB_REPOSITORY": "acme/stack", "GITHUB_API_URL": "https://api.test",
            "GITHUB_EVENT_PATH": api.sandbox.path("event.json"),
        ]
        return (api, environment)
    }

    @Test func githubFirstRunCreatesOneReviewWithEveryComment() throws {
        let (api, environment) = try Self.githubFixture()
        try api.answer("GET", "/repos/acme/stack/pulls/7/reviews?per_page=100&page=1", #"[{"id": 3, "body": "Looks good", "user": {"login": "octocat"}}]"#)
        let result = try api.run("ci/github/post-review.sh", [api.sandbox.path("github-review.json")], environment: environment)
        #expect(result.status == 0)
        #expect(result.errors == "post-review.sh: posted the stackreview review with 2 inline comment(s).\n")
        #expect(try api.calls() == ["GET /repos/acme/stack/pulls/7/reviews?per_page=100&page=1", "POST /repos/acme/stack/pulls/7/reviews"])
        #expect(try api.body(2) == ScriptRunner.canonicalJSON("""
            {"commit_id": "\(Self.head)", "event": "COMMENT",
             "body": "<!-- stackreview:review -->\\n# stackreview: main...feature\\n\\nOne finding.",
             "comments": [
               {"path": "main.tf", "line": 6, "side": "RIGHT", "body": "🔴 critical · public ACL"},
               {"path": "lambda/app.py", "line": 9, "start_line": 8, "side": "RIGHT", "start_side": "RIGHT", "body": "🟠 high · eval"}]}
            """))
        #expect(try api.arguments(2) == [
            "--silent", "--show-error", "--fail-with-body", "--request", "POST",
            "--header", "Authorization: Bearer secret-token", "--header", "Accept: application/vnd.github+json",
            "--header", "X-GitHub-Api-Version: 2022-11-28", "--header", "Content-Type: application/json",
            "--data-binary", try #require(api.arguments(2).last { $0.hasPrefix("@") }),
            "https://api.test/repos/acme/stack/pulls/7/reviews",
        ])
    }

    @Test func githubLaterRunUpdatesTheSummaryAndPostsOnlyNewComments() throws {
        let (api, environment) = try Self.githubFixture()
        // A full first page of other reviews, then the summary stackreview posted before.
        let others = (0..<100).map { #"{"id": \#(1000 + $0), "body": "review \#($0)"}"# }.joined(separator: ",")
        try api.answer("GET", "/repos/acme/stack/pulls/7/reviews?per_page=100&page=1", "[\(others)]")
        try api.answer("GET", "/repos/acme/stack/pulls/7/reviews?per_page=100&page=2",
                       #"[{"id": 11, "body": "<!-- stackreview:review -->\n# older report"}]"#)
        // stackreview's review already commented the public ACL; a person's review quoted the other text.
        try api.answer("GET", "/repos/acme/stack/pulls/7/comments?per_page=100&page=1", """
            [{"id": 1, "pull_request_review_id": 11, "path": "main.tf", "line": 4, "body": "🔴 critical · public ACL"},
             {"id": 2, "pull_request_review_id": 1042, "path": "lambda/app.py", "line": 9, "body": "🟠 high · eval"}]
            """)
        let result = try api.run("ci/github/post-review.sh", [api.sandbox.path("github-review.json")], environment: environment)
        #expect(result.status == 0)
        #expect(result.errors == "post-review.sh: updated the stackreview review 11; 1 new inline comment(s).\n")
        #expect(try api.calls() == [
            "GET /repos/acme/stack/pulls/7/reviews?per_page=100&page=1",
            "GET /repos/acme/stack/pulls/7/reviews?per_page=100&page=2",
            "PUT /repos/acme/stack/pulls/7/reviews/11",
            "GET /repos/acme/stack/pulls/7/comments?per_page=100&page=1",
            "POST /repos/acme/stack/pulls/7/reviews",
        ])
        #expect(try api.body(3) == ScriptRunner.canonicalJSON(
            #"{"body": "<!-- stackreview:review -->\n# stackreview: main...feature\n\nOne finding."}"#))
        #expect(try api.body(5) == ScriptRunner.canonicalJSON("""
            {"commit_id": "\(Self.head)", "event": "COMMENT",
             "body": "<!-- stackreview:inline -->\\nstackreview: 1 new inline comment(s) for 2222222; the stackreview summary review above is kept up to date.",
             "comments": [{"path": "lambda/app.py", "line": 9, "start_line": 8, "side": "RIGHT", "start_side": "RIGHT", "body": "🟠 high · eval"}]}
            """))

        // Run again with both comments posted by stackreview: only the summary changes.
        try api.resetCalls()
        try api.answer("GET", "/repos/acme/stack/pulls/7/reviews?per_page=100&page=2", """
            [{"id": 11, "body": "<!-- stackreview:review -->\\n# older report"},
             {"id": 12, "body": "<!-- stackreview:inline -->\\nstackreview: 1 new inline comment(s)"}]
            """)
        try api.answer("GET", "/repos/acme/stack/pulls/7/comments?per_page=100&page=1", """
            [{"id": 1, "pull_request_review_id": 11, "path": "main.tf", "body": "🔴 critical · public ACL"},
             {"id": 3, "pull_request_review_id": 12, "path": "lambda/app.py", "body": "🟠 high · eval"}]
            """)
        let again = try api.run("ci/github/post-review.sh", [api.sandbox.path("github-review.json")], environment: environment)
        #expect(again.errors == "post-review.sh: updated the stackreview review 11; 0 new inline comment(s).\n")
        #expect(try api.calls().filter { !$0.hasPrefix("GET") } == ["PUT /repos/acme/stack/pulls/7/reviews/11"])
    }

    @Test func githubRefusedCommentsFallBackToTheSummaryAlone() throws {
        let (api, environment) = try Self.githubFixture()
        try api.answer("GET", "/repos/acme/stack/pulls/7/reviews?per_page=100&page=1", "[]")
        try api.answer("POST", "/repos/acme/stack/pulls/7/reviews", #"{"message": "Unprocessable Entity"}"#, fails: true)
        let result = try api.run("ci/github/post-review.sh", [api.sandbox.path("github-review.json")], environment: environment)
        // The fake fails every POST to the endpoint, so the fallback fails too and the script stops.
        #expect(result.status == 22)
        #expect(result.errors.hasPrefix("post-review.sh: GitHub refused the inline comments; posting the review without them.\n"))
        #expect(try api.calls() == [
            "GET /repos/acme/stack/pulls/7/reviews?per_page=100&page=1",
            "POST /repos/acme/stack/pulls/7/reviews", "POST /repos/acme/stack/pulls/7/reviews",
        ])
        #expect(try api.body(3) == ScriptRunner.canonicalJSON("""
            {"commit_id": "\(Self.head)", "event": "COMMENT", "comments": [],
             "body": "<!-- stackreview:review -->\\n# stackreview: main...feature\\n\\nOne finding."}
            """))
    }

    @Test func githubOutsideAPullRequestPostsNothing() throws {
        let (api, environment) = try Self.githubFixture()
        try api.sandbox.write(#"{"ref": "refs/heads/main", "before": "a", "after": "b"}"#, to: "event.json")
        let result = try api.run("ci/github/post-review.sh", [api.sandbox.path("github-review.json")], environment: environment)
        #expect(result.status == 0)
        #expect(result.errors == "post-review.sh: this job does not run for a pull request; no review posted.\n")
        #expect(try api.calls() == [])

        var noToken = environment
        noToken["GITHUB_TOKEN"] = nil
        let refused = try api.run("ci/github/post-review.sh", [api.sandbox.path("github-review.json")], environment: noToken)
        #expect(refused.status != 0)
        #expect(refused.errors.contains("post-review.sh: set GITHUB_TOKEN (the workflow needs permissions: pull-requests: write)"))
    }

    // MARK: - GitLab

    static let gitlabPayload = """
        [{"body": "# stackreview: main...feature"},
         {"body": "🔴 critical · public ACL", "position": {"base_sha": "b", "start_sha": "b", "head_sha": "h",
          "position_type": "text", "new_path": "main.tf", "old_path": "main.tf", "new_line": 6}},
         {"body": "🟠 high · eval", "position": {"base_sha": "b", "start_sha": "b", "head_sha": "h",
          "position_type": "text", "new_path": "lambda/app.py", "old_path": "lambda/app.py", "new_line": 9}}]
        """

    static func gitlabFixture() throws -> (FakeAPI, [String: String]) {
        let api = try FakeAPI(base: "https://gitlab.test/api/v4")
        try api.sandbox.write(gitlabPayload, to: "gitlab-discussions.json")
        try api.answer("GET", "/projects/42/merge_requests/5",
                       #"{"iid": 5, "diff_refs": {"base_sha": "BASE", "start_sha": "START", "head_sha": "HEAD"}}"#)
        let environment = [
            "STACKREVIEW_GITLAB_TOKEN": "glpat-secret", "CI_API_V4_URL": "https://gitlab.test/api/v4",
            "CI_PROJECT_ID": "42", "CI_MERGE_REQUEST_IID": "5",
        ]
        return (api, environment)
    }

    static func discussion(_ body: String, path: String, line: Int) -> String {
        """
        {"body": "\(body)\\n\\n<!-- stackreview:inline -->", "position": {"base_sha": "BASE", "start_sha": "START",
         "head_sha": "HEAD", "position_type": "text", "new_path": "\(path)", "old_path": "\(path)", "new_line": \(line)}}
        """
    }

    @Test func gitlabFirstRunPostsTheNoteAndEveryDiscussion() throws {
        let (api, environment) = try Self.gitlabFixture()
        try api.answer("GET", "/projects/42/merge_requests/5/notes?per_page=100&page=1", #"[{"id": 1, "body": "Please look"}]"#)
        try api.answer("GET", "/projects/42/merge_requests/5/discussions?per_page=100&page=1", "[]")
        let result = try api.run("ci/gitlab/post-note.sh", [api.sandbox.path("gitlab-discussions.json")], environment: environment)
        #expect(result.status == 0)
        #expect(result.errors == "post-note.sh: posted the stackreview note.\npost-note.sh: 2 new inline discussion(s).\n")
        #expect(try api.calls() == [
            "GET /projects/42/merge_requests/5/notes?per_page=100&page=1",
            "POST /projects/42/merge_requests/5/notes",
            "GET /projects/42/merge_requests/5",
            "GET /projects/42/merge_requests/5/discussions?per_page=100&page=1",
            "POST /projects/42/merge_requests/5/discussions",
            "POST /projects/42/merge_requests/5/discussions",
        ])
        #expect(try api.body(2) == ScriptRunner.canonicalJSON(#"{"body": "<!-- stackreview:note -->\n# stackreview: main...feature"}"#))
        #expect(try api.body(5) == ScriptRunner.canonicalJSON(Self.discussion("🔴 critical · public ACL", path: "main.tf", line: 6)))
        #expect(try api.body(6) == ScriptRunner.canonicalJSON(Self.discussion("🟠 high · eval", path: "lambda/app.py", line: 9)))
        #expect(try api.arguments(2).prefix(7) == [
            "--silent", "--show-error", "--fail-with-body", "--request", "POST", "--header", "PRIVATE-TOKEN: glpat-secret",
        ])
    }

    @Test func gitlabLaterRunUpdatesTheNoteAndSkipsPostedDiscussions() throws {
        let (api, environment) = try Self.gitlabFixture()
        try api.answer("GET", "/projects/42/merge_requests/5/notes?per_page=100&page=1",
                       #"[{"id": 1, "body": "Please look"}, {"id": 9, "body": "<!-- stackreview:note -->\nolder"}]"#)
        try api.answer("GET", "/projects/42/merge_requests/5/discussions?per_page=100&page=1", """
            [{"id": "d1", "notes": [{"body": "🔴 critical · public ACL\\n\\n<!-- stackreview:inline -->",
                                     "position": {"new_path": "main.tf", "new_line": 4}}]},
             {"id": "d2", "notes": [{"body": "🟠 high · eval", "position": {"new_path": "lambda/app.py"}}]}]
            """)
        try api.answer("POST", "/projects/42/merge_requests/5/discussions", #"{"message": "400 Bad request - line_code can't be blank"}"#, fails: true)
        let result = try api.run("ci/gitlab/post-note.sh", [api.sandbox.path("gitlab-discussions.json")], environment: environment)
        #expect(result.status == 0)
        #expect(result.errors.hasPrefix("post-note.sh: updated the stackreview note 9.\n"))
        #expect(result.errors.hasSuffix("""
            post-note.sh: GitLab refused the discussion on lambda/app.py; its line is no longer in the diff.
            post-note.sh: 0 new inline discussion(s).

            """))
        #expect(try api.calls() == [
            "GET /projects/42/merge_requests/5/notes?per_page=100&page=1",
            "PUT /projects/42/merge_requests/5/notes/9",
            "GET /projects/42/merge_requests/5",
            "GET /projects/42/merge_requests/5/discussions?per_page=100&page=1",
            "POST /projects/42/merge_requests/5/discussions",
        ])
        #expect(try api.body(2) == ScriptRunner.canonicalJSON(#"{"body": "<!-- stackreview:note -->\n# stackreview: main...feature"}"#))
        #expect(try api.body(5) == ScriptRunner.canonicalJSON(Self.discussion("🟠 high · eval", path: "lambda/app.py", line: 9)))
    }

    @Test func gitlabOutsideAMergeRequestPostsNothing() throws {
        let (api, environment) = try Self.gitlabFixture()
        var branchPipeline = environment
        branchPipeline["CI_MERGE_REQUEST_IID"] = nil
        let result = try api.run("ci/gitlab/post-note.sh", [api.sandbox.path("gitlab-discussions.json")], environment: branchPipeline)
        #expect(result.status == 0)
        #expect(result.errors == "post-note.sh: this pipeline does not run for a merge request; nothing posted.\n")
        #expect(try api.calls() == [])
    }
}
