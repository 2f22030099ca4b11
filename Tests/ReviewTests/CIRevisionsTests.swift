import Foundation
import Git
import Review
import Testing

/// `--ci github|gitlab`: the revisions read from fake CI environments, and the errors.
@Suite struct CIRevisionsTests {
    static let base = "1111111111111111111111111111111111111111"
    static let head = "2222222222222222222222222222222222222222"
    static let zero = "0000000000000000000000000000000000000000"

    /// Reads GitHub revisions with `event` as the only file on disk, at `/event.json`.
    static func github(_ environment: [String: String], event: String? = nil) throws(CIEnvironmentError) -> CIRevisions {
        try CIRevisions.read(.github, environment: environment) { path in
            path == "/event.json" ? event.map { Data($0.utf8) } : nil
        }
    }

    @Test func githubPullRequestEvent() throws {
        let event = """
            {"action": "synchronize", "number": 7, "pull_request": {"number": 7,
             "base": {"ref": "main", "sha": "\(Self.base)"}, "head": {"ref": "feature", "sha": "\(Self.head)"}}}
            """
        let revisions = try Self.github(
            ["GITHUB_EVENT_PATH": "/event.json", "GITHUB_SHA": "3333333333333333333333333333333333333333",
             "GITHUB_BASE_REF": "main", "GITHUB_REPOSITORY": "acme/stack", "GITHUB_SERVER_URL": "https://github.example.com"],
            event: event)
        #expect(revisions == CIRevisions(provider: .github, base: Self.base, head: Self.head, fromMergeBase: true,
                                         source: "the pull_request event", linkBase: "https://github.example.com/acme/stack"))
        #expect(revisions.request == .expression("\(Self.base)...\(Self.head)"))
    }

    @Test func githubMergeGroupAndPushEvents() throws {
        let group = try Self.github(
            ["GITHUB_EVENT_PATH": "/event.json", "GITHUB_REPOSITORY": "acme/stack"],
            event: #"{"merge_group": {"base_sha": "\#(Self.base)", "head_sha": "\#(Self.head)", "head_ref": "gh-readonly-queue/main/pr-7"}}"#)
        #expect(group == CIRevisions(provider: .github, base: Self.base, head: Self.head, fromMergeBase: true,
                                     source: "the merge_group event", linkBase: "https://github.com/acme/stack"))

        let push = try Self.github(
            ["GITHUB_EVENT_PATH": "/event.json"], event: #"{"ref": "refs/heads/main", "before": "\#(Self.base)", "after": "\#(Self.head)"}"#)
        #expect(push == CIRevisions(provider: .github, base: Self.base, head: Self.head, fromMergeBase: false, source: "the push event"))
        #expect(push.request == .expression("\(Self.base)..\(Self.head)"))
    }

    @Test func githubFallsBackToBaseRefAndSha() throws {
        let revisions = try Self.github(
            ["GITHUB_EVENT_PATH": "/missing.json", "GITHUB_BASE_REF": "main", "GITHUB_SHA": Self.head])
        #expect(revisions == CIRevisions(provider: .github, base: "origin/main", head: Self.head, fromMergeBase: true,
                                         source: "GITHUB_BASE_REF and GITHUB_SHA"))
        #expect(revisions.request == .expression("origin/main...\(Self.head)"))
    }

    @Test func githubPushOfANewBranchHasNoBase() throws {
        #expect(throws: CIEnvironmentError.missingRevisions(
            provider: .github,
            reason: "GITHUB_EVENT_PATH names no pull_request, merge_group or push event with a base, and GITHUB_BASE_REF or GITHUB_SHA is not set")) {
            try Self.github(["GITHUB_EVENT_PATH": "/event.json", "GITHUB_SHA": Self.head, "GITHUB_BASE_REF": ""],
                            event: #"{"before": "\#(Self.zero)", "after": "\#(Self.head)"}"#)
        }
        let error = CIEnvironmentError.missingRevisions(provider: .github, reason: "GITHUB_BASE_REF is not set")
        #expect(error.description == """
            --ci github: cannot tell what to review from the environment of GitHub Actions: GITHUB_BASE_REF is not set. \
            Run the job for a pull request, or name the range yourself (stackreview review BASE...HEAD).
            """)
        #expect(error.exitStatus == 2)
    }

    @Test func gitlabMergeRequestPipeline() throws {
        let revisions = try CIRevisions.read(.gitlab, environment: [
            "CI_MERGE_REQUEST_IID": "12", "CI_MERGE_REQUEST_DIFF_BASE_SHA": Self.base,
            "CI_MERGE_REQUEST_TARGET_BRANCH_SHA": "", "CI_COMMIT_SHA": Self.head,
            "CI_PROJECT_URL": "https://gitlab.example.com/group/stack",
        ])
        #expect(revisions == CIRevisions(provider: .gitlab, base: Self.base, head: Self.head, fromMergeBase: true,
                                         source: "the merge request pipeline's variables", linkBase: "https://gitlab.example.com/group/stack"))
        #expect(revisions.request == .expression("\(Self.base)...\(Self.head)"))
    }

    @Test func gitlabMergedResultsPipelineReviewsTheSourceBranchHead() throws {
        let revisions = try CIRevisions.read(.gitlab, environment: [
            "CI_MERGE_REQUEST_TARGET_BRANCH_SHA": Self.base, "CI_MERGE_REQUEST_SOURCE_BRANCH_SHA": Self.head,
            "CI_COMMIT_SHA": "4444444444444444444444444444444444444444",
        ])
        #expect(revisions == CIRevisions(provider: .gitlab, base: Self.base, head: Self.head, fromMergeBase: true,
                                         source: "the merge request pipeline's variables"))
    }

    @Test func gitlabBranchPipeline() throws {
        let revisions = try CIRevisions.read(.gitlab, environment: ["CI_COMMIT_BEFORE_SHA": Self.base, "CI_COMMIT_SHA": Self.head])
        #expect(revisions == CIRevisions(provider: .gitlab, base: Self.base, head: Self.head, fromMergeBase: false,
                                         source: "CI_COMMIT_BEFORE_SHA and CI_COMMIT_SHA"))
        #expect(throws: CIEnvironmentError.self) {
            try CIRevisions.read(.gitlab, environment: ["CI_COMMIT_BEFORE_SHA": Self.zero, "CI_COMMIT_SHA": Self.head])
        }
    }

    @Test func shallowCloneAndMissingCommitsAreExplainedPerCI() throws {
        let github = CIRevisions(provider: .github, base: Self.base, head: Self.head, fromMergeBase: true, source: "the pull_request event")
        let shallow = try #require(github.explain(.repository(.shallowHistoryMissing(revision: Self.base))))
        #expect(shallow.description == """
            --ci github: the base \(Self.base) named by the pull_request event, or the history back to its merge base with \
            the head, is not in this clone: it is shallow. Check out the whole history: give actions/checkout \
            `fetch-depth: 0` (or run `git fetch --unshallow` before stackreview).
            """)
        #expect(shallow.exitStatus == 3)

        let gitlab = CIRevisions(provider: .gitlab, base: Self.base, head: Self.head, fromMergeBase: true, source: "the merge request pipeline's variables")
        #expect(gitlab.explain(.repository(.shallowHistoryMissing(revision: "merge-base(a, b)")))?.description == """
            --ci gitlab: the base \(Self.base) named by the merge request pipeline's variables, or the history back to its \
            merge base with the head, is not in this clone: it is shallow. Clone the whole history: set `GIT_DEPTH: 0` in \
            the job's variables (or run `git fetch --unshallow` before stackreview).
            """)
        #expect(gitlab.explain(.repository(.unknownRevision(Self.head)))?.description == """
            --ci gitlab: the commit \(Self.head) named by the merge request pipeline's variables is not in this clone. \
            Fetch it (git fetch origin \(Self.head)), or clone the whole history: set `GIT_DEPTH: 0` in the job's \
            variables (or run `git fetch --unshallow` before stackreview).
            """)
        #expect(gitlab.explain(.repository(.unknownRevision("other"))) == nil)
        #expect(gitlab.explain(.repository(.noDefaultBase)) == nil)
    }
}
