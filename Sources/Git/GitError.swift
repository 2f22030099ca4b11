/// An error from the Git layer, with a message that tells the user what to do next.
///
/// `exitCode` follows stackreview's exit status: 2 for usage errors, 3 for repository errors.
public enum GitError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The folder is not inside a Git repository.
    case notARepository(path: String)
    /// The repository has no commits at all.
    case emptyRepository(path: String)
    /// HEAD names a branch that has no commits yet.
    case unbornHead(branch: String)
    /// No branch, tag or commit has this name.
    case unknownRevision(String)
    /// The range expression is not `A..B`, `A...B` or a single revision.
    case malformedRange(String)
    /// The revision needed as a base lies outside the history of a shallow clone.
    case shallowHistoryMissing(revision: String)
    /// Two revisions share no history, so `A...B` has no base.
    case noCommonAncestor(String, String)
    /// Nothing was named and no upstream, `origin/HEAD`, `main` or `master` exists.
    case noDefaultBase
    /// The staged or working-tree side was asked of a bare repository.
    case noWorkingTree(path: String)
    /// The two sides cannot be compared in this order (for example the working tree as a base).
    case unsupportedRange(String)
    /// A line on the pre-push hook's standard input does not follow Git's format.
    case malformedPrePushInput(line: Int, text: String, reason: String)
    /// A partial clone lacks a blob the review needs (stackreview never fetches).
    case partialCloneObjectMissing(path: String)
    /// A file in the working tree could not be read.
    case unreadableFile(path: String, reason: String)
    /// `--since-tag`: no tag names the revision or any of its ancestors.
    case noTagReachable(revision: String)
    /// libgit2 reported an error that has no more specific case.
    case libgit2(operation: String, message: String)

    /// The process exit status for this error: 2 for usage errors, 3 for repository errors.
    public var exitCode: Int32 {
        switch self {
        case .malformedRange, .malformedPrePushInput, .noWorkingTree, .unsupportedRange:
            return 2
        default:
            return 3
        }
    }

    /// The message shown to the user: what went wrong, then what to do next.
    public var message: String {
        switch self {
        case .notARepository(let path):
            return "'\(path)' is not inside a Git repository. Run stackreview from a folder inside a repository (or create one with `git init`)."
        case .emptyRepository(let path):
            return "The repository at '\(path)' has no commits yet. Commit something first, or review what is staged with --staged."
        case .unbornHead(let branch):
            return "HEAD is on branch '\(branch)', which has no commits yet. Commit something on it, or name the revisions to review (for example main..feature)."
        case .unknownRevision(let name):
            return "Unknown revision '\(name)': no branch, tag or commit has that name. Check the name, or fetch it first with `git fetch`."
        case .malformedRange(let text):
            return "'\(text)' is not a revision range. Write A..B, A...B (from their merge base) or a single revision."
        case .shallowHistoryMissing(let revision):
            return "The base revision '\(revision)' is not in this shallow clone: its history was cut off when the repository was cloned. Deepen the history with `git fetch --deepen=<N>` (or `git fetch --unshallow`); in CI, check out with `fetch-depth: 0`."
        case .noCommonAncestor(let first, let second):
            return "'\(first)' and '\(second)' share no history, so '\(first)...\(second)' has no base. Review '\(first)..\(second)' instead."
        case .noDefaultBase:
            return "Cannot tell what to review: the current branch has no upstream, and there is no origin/HEAD, main or master. Name a range (for example main..HEAD), or set an upstream with `git branch --set-upstream-to=origin/<branch>`."
        case .noWorkingTree(let path):
            return "The repository at '\(path)' is bare, so it has no staged changes or working tree. Name the revisions to review instead (for example main..feature)."
        case .unsupportedRange(let description):
            return "Cannot compare \(description). Compare a revision with another revision, the staged changes or the working tree."
        case .malformedPrePushInput(let line, let text, let reason):
            return "Malformed pre-push input on line \(line) ('\(text)'): \(reason). Git sends '<local ref> <local oid> <remote ref> <remote oid>' on each line; run this command only as Git's pre-push hook."
        case .partialCloneObjectMissing(let path):
            return "The contents of '\(path)' are not in this partial clone (it was cloned with --filter), and stackreview never fetches. Review in a clone made without --filter (in CI, give actions/checkout no `filter` input), or fetch the blobs of both revisions before reviewing."
        case .unreadableFile(let path, let reason):
            return "Cannot read '\(path)' from the working tree: \(reason). Check that the file exists and is readable."
        case .noTagReachable(let revision):
            return "No tag is reachable from '\(revision)', so --since-tag has no start. Name the range instead (for example <first-commit>..\(revision)), or tag a release first with `git tag`."
        case .libgit2(let operation, let message):
            return "Git could not \(operation): \(message). Check the repository with `git fsck`."
        }
    }

    /// The same as `message`.
    public var description: String { message }
}
