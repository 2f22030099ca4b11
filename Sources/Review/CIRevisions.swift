import Foundation
import Git

/// The CI systems `stackreview review --ci` reads the revisions to review from.
public enum CIProvider: String, Sendable, CaseIterable {
    /// GitHub Actions.
    case github
    /// GitLab CI/CD.
    case gitlab
}

/// The base and head a CI job should review, read from the CI system's environment variables.
///
/// GitHub Actions: the event file (`GITHUB_EVENT_PATH`) of a `pull_request` /
/// `pull_request_target` event (`pull_request.base.sha`...`pull_request.head.sha`), a
/// `merge_group` event (`base_sha`...`head_sha`) or a `push` event (`before`..`after`); else
/// `origin/$GITHUB_BASE_REF`...`$GITHUB_SHA`.
///
/// GitLab CI/CD: in a merge request pipeline `CI_MERGE_REQUEST_DIFF_BASE_SHA` (else
/// `CI_MERGE_REQUEST_TARGET_BRANCH_SHA`) ... `CI_MERGE_REQUEST_SOURCE_BRANCH_SHA` (set in merged
/// results pipelines, where `CI_COMMIT_SHA` is the merge result) else `CI_COMMIT_SHA`; in a
/// branch pipeline `CI_COMMIT_BEFORE_SHA`..`CI_COMMIT_SHA`.
///
/// A pull or merge request is reviewed from the merge base of base and head (`A...B`), as the
/// request's diff shows it; a push from the commit the branch was at before (`A..B`).
public struct CIRevisions: Equatable, Sendable {
    /// The CI system.
    public var provider: CIProvider
    /// The base revision (a commit id, or `origin/<branch>` in GitHub's fallback).
    public var base: String
    /// The head commit.
    public var head: String
    /// Whether the review starts at the merge base of `base` and `head` (a pull or merge
    /// request) rather than at `base` itself (a push).
    public var fromMergeBase: Bool
    /// Where the revisions came from, for messages (for example `the pull_request event`).
    public var source: String
    /// The repository's web address, for links in reports; nil when the environment lacks it.
    public var linkBase: String?

    /// Creates the revisions of a CI job.
    public init(provider: CIProvider, base: String, head: String, fromMergeBase: Bool, source: String, linkBase: String? = nil) {
        self.provider = provider
        self.base = base
        self.head = head
        self.fromMergeBase = fromMergeBase
        self.source = source
        self.linkBase = linkBase
    }

    /// The range to review: `base...head` or `base..head`.
    public var request: RevisionRequest {
        .expression(base + (fromMergeBase ? "..." : "..") + head)
    }

    /// Reads the revisions from `environment`; `readFile` reads GitHub's event file.
    public static func read(
        _ provider: CIProvider, environment: [String: String],
        readFile: (String) -> Data? = { FileManager.default.contents(atPath: $0) }
    ) throws(CIEnvironmentError) -> CIRevisions {
        func value(_ name: String) -> String? {
            guard let text = environment[name]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
            return text
        }
        switch provider {
        case .github:
            let server = value("GITHUB_SERVER_URL") ?? "https://github.com"
            let linkBase = value("GITHUB_REPOSITORY").map { server + "/" + $0 }
            if let path = value("GITHUB_EVENT_PATH"), let event = readFile(path).flatMap(githubEvent) {
                var revisions = event
                revisions.linkBase = linkBase
                return revisions
            }
            if let baseRef = value("GITHUB_BASE_REF"), let sha = value("GITHUB_SHA") {
                return CIRevisions(provider: .github, base: "origin/" + baseRef, head: sha, fromMergeBase: true,
                                   source: "GITHUB_BASE_REF and GITHUB_SHA", linkBase: linkBase)
            }
            throw .missingRevisions(provider: .github, reason: "GITHUB_EVENT_PATH names no pull_request, merge_group or push event with a base, and GITHUB_BASE_REF or GITHUB_SHA is not set")
        case .gitlab:
            let linkBase = value("CI_PROJECT_URL")
            if let base = value("CI_MERGE_REQUEST_DIFF_BASE_SHA") ?? value("CI_MERGE_REQUEST_TARGET_BRANCH_SHA") {
                guard let head = value("CI_MERGE_REQUEST_SOURCE_BRANCH_SHA") ?? value("CI_COMMIT_SHA") else {
                    throw .missingRevisions(provider: .gitlab, reason: "the merge request pipeline sets no CI_MERGE_REQUEST_SOURCE_BRANCH_SHA or CI_COMMIT_SHA")
                }
                return CIRevisions(provider: .gitlab, base: base, head: head, fromMergeBase: true,
                                   source: "the merge request pipeline's variables", linkBase: linkBase)
            }
            if let before = value("CI_COMMIT_BEFORE_SHA"), !isZero(before), let head = value("CI_COMMIT_SHA") {
                return CIRevisions(provider: .gitlab, base: before, head: head, fromMergeBase: false,
                                   source: "CI_COMMIT_BEFORE_SHA and CI_COMMIT_SHA", linkBase: linkBase)
            }
            throw .missingRevisions(provider: .gitlab, reason: "this is not a merge request pipeline (CI_MERGE_REQUEST_DIFF_BASE_SHA is not set) and CI_COMMIT_BEFORE_SHA names no earlier commit (a new branch, or a pipeline that was not started by a push)")
        }
    }

    /// The revisions a GitHub event file names, if it is an event with a base.
    private static func githubEvent(_ data: Data) -> CIRevisions? {
        guard let event = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        func string(_ object: Any?, _ key: String) -> String? {
            guard let text = (object as? [String: Any])?[key] as? String, !text.isEmpty else { return nil }
            return text
        }
        if let request = event["pull_request"] as? [String: Any],
           let base = string(request["base"], "sha"), let head = string(request["head"], "sha") {
            return CIRevisions(provider: .github, base: base, head: head, fromMergeBase: true, source: "the pull_request event")
        }
        if let group = event["merge_group"], let base = string(group, "base_sha"), let head = string(group, "head_sha") {
            return CIRevisions(provider: .github, base: base, head: head, fromMergeBase: true, source: "the merge_group event")
        }
        if let before = string(event, "before"), !isZero(before), let after = string(event, "after"), !isZero(after) {
            return CIRevisions(provider: .github, base: before, head: after, fromMergeBase: false, source: "the push event")
        }
        return nil
    }

    private static func isZero(_ id: String) -> Bool {
        id.allSatisfy { $0 == "0" }
    }

    /// The CI-specific explanation of a review that failed because a revision is missing from the
    /// clone (a shallow or partial checkout); nil for any other failure.
    public func explain(_ error: ReviewError) -> CIEnvironmentError? {
        guard case .repository(let gitError) = error else { return nil }
        switch gitError {
        case .shallowHistoryMissing:
            return .shallowClone(provider: provider, base: base, source: source)
        case .unknownRevision(let name) where name == base || name == head:
            return .missingCommit(provider: provider, revision: name, source: source)
        default:
            return nil
        }
    }
}

/// Why `--ci` could not name or find the revisions to review.
public enum CIEnvironmentError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The environment does not say what to review (exit 2).
    case missingRevisions(provider: CIProvider, reason: String)
    /// The base (or the history to the merge base) was cut off by a shallow clone (exit 3).
    case shallowClone(provider: CIProvider, base: String, source: String)
    /// A commit the environment names is not in the clone at all (exit 3).
    case missingCommit(provider: CIProvider, revision: String, source: String)

    /// The process exit status.
    public var exitStatus: Int32 {
        switch self {
        case .missingRevisions: return ExitStatus.usageError.rawValue
        case .shallowClone, .missingCommit: return ExitStatus.repositoryError.rawValue
        }
    }

    /// What went wrong and what to do next.
    public var description: String {
        switch self {
        case .missingRevisions(let provider, let reason):
            let system = provider == .github ? "GitHub Actions" : "GitLab CI"
            return "--ci \(provider.rawValue): cannot tell what to review from the environment of \(system): \(reason). Run the job for a \(provider == .github ? "pull request" : "merge request"), or name the range yourself (stackreview review BASE...HEAD)."
        case .shallowClone(let provider, let base, let source):
            return "--ci \(provider.rawValue): the base \(base) named by \(source), or the history back to its merge base with the head, is not in this clone: it is shallow. " + Self.deepen(provider)
        case .missingCommit(let provider, let revision, let source):
            return "--ci \(provider.rawValue): the commit \(revision) named by \(source) is not in this clone. Fetch it (git fetch origin \(revision)), or " + Self.deepen(provider).prefix(1).lowercased() + Self.deepen(provider).dropFirst()
        }
    }

    private static func deepen(_ provider: CIProvider) -> String {
        switch provider {
        case .github:
            return "Check out the whole history: give actions/checkout `fetch-depth: 0` (or run `git fetch --unshallow` before stackreview)."
        case .gitlab:
            return "Clone the whole history: set `GIT_DEPTH: 0` in the job's variables (or run `git fetch --unshallow` before stackreview)."
        }
    }
}
