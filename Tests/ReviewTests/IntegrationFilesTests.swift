import Foundation
import Testing
import Yams

/// The integration files users point their tools at (`.pre-commit-hooks.yaml`, `action.yml`, the
/// GitLab template) parse as YAML, have the fields their tools need, and name scripts that exist.
/// Running those scripts is tested in StackReviewCLITests.
@Suite struct IntegrationFilesTests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    static func load(_ relative: String) throws -> Any? {
        try Yams.load(yaml: String(contentsOfFile: packageRoot + "/" + relative, encoding: .utf8))
    }

    static func isExecutableScript(_ relative: String) -> Bool {
        FileManager.default.isExecutableFile(atPath: packageRoot + "/" + relative)
    }

    @Test func preCommitHooksManifest() throws {
        let hooks = try #require(try Self.load(".pre-commit-hooks.yaml") as? [[String: Any]])
        #expect(hooks.map { $0["id"] as? String } == ["stackreview", "stackreview-staged"])
        #expect(hooks.map { $0["stages"] as? [String] } == [["pre-push"], ["pre-commit"]])
        #expect(hooks.map { $0["entry"] as? String } == ["hooks/pre-commit-pre-push", "hooks/pre-commit-staged"])
        for hook in hooks {
            #expect(hook["language"] as? String == "script")
            #expect(hook["pass_filenames"] as? Bool == false)
            #expect(hook["always_run"] as? Bool == true)
            #expect(hook["minimum_pre_commit_version"] as? String == "3.2.0")
            #expect((hook["name"] as? String)?.isEmpty == false)
            let entry = try #require(hook["entry"] as? String)
            #expect(Self.isExecutableScript(entry), "\(entry) is not an executable file")
        }
    }

    @Test func githubAction() throws {
        let action = try #require(try Self.load("action.yml") as? [String: Any])
        let runs = try #require(action["runs"] as? [String: Any])
        #expect(runs["using"] as? String == "composite")
        let steps = try #require(runs["steps"] as? [[String: Any]])
        #expect(steps.map { $0["name"] as? String } == [
            "Install libgit2", "Build stackreview", "Review", "Upload SARIF", "Post or update the pull request review", "Verdict",
        ])
        // Every script a step runs is in the action's folder and executable.
        let scripts = steps.compactMap { $0["run"] as? String }.flatMap { run in
            run.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\"" || $0 == "'" })
                .filter { $0.hasPrefix("$GITHUB_ACTION_PATH/") }
                .map { String($0.dropFirst("$GITHUB_ACTION_PATH/".count)) }
        }
        #expect(scripts == ["ci/github/run-review.sh", "ci/github/post-review.sh"])
        for script in scripts { #expect(Self.isExecutableScript(script)) }
        let upload = try #require(steps.first { $0["uses"] as? String == "github/codeql-action/upload-sarif@v3" })
        #expect((upload["with"] as? [String: Any])?["sarif_file"] as? String == "${{ inputs.output-directory }}/stackreview.sarif")
        let inputs = try #require(action["inputs"] as? [String: Any])
        #expect(Set(inputs.keys) == ["github-token", "post-review", "upload-sarif", "fail-on-findings", "args", "output-directory"])
    }

    @Test func gitlabTemplate() throws {
        let template = try #require(try Self.load("ci/gitlab/stackreview.gitlab-ci.yml") as? [String: Any])
        let job = try #require(template["stackreview"] as? [String: Any])
        #expect((job["variables"] as? [String: Any])?["GIT_DEPTH"] as? String == "0")
        let artifacts = try #require(job["artifacts"] as? [String: Any])
        #expect((artifacts["reports"] as? [String: Any])?["codequality"] as? String == "stackreview-output/gl-code-quality-report.json")
        #expect(artifacts["when"] as? String == "always")
        let script = try #require(job["script"] as? [String])
        #expect(script.joined(separator: "\n").contains("/opt/stackreview-src/ci/gitlab/run-review.sh stackreview-output"))
        #expect(script.joined(separator: "\n").contains("/opt/stackreview-src/ci/gitlab/post-note.sh stackreview-output/gitlab-discussions.json"))
        #expect(Self.isExecutableScript("ci/gitlab/run-review.sh"))
        #expect(Self.isExecutableScript("ci/gitlab/post-note.sh"))
    }
}
