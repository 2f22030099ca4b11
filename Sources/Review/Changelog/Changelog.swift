import Git

/// What a range of commits improved, and what it introduced that is still open at its end:
/// the model the changelog writers render.
///
/// Built by `ChangelogWalk` from one review per first-parent commit. The semantics:
/// - an **improvement** is a finding present before the range (at the base of the first commit
///   that fixed it) and absent at its end, listed once with the last commit that fixed it;
/// - a finding fixed and later re-introduced, and still there at the end, is **not** an
///   improvement: it is listed as open, naming the commit that had fixed it;
/// - a finding introduced and fixed again inside the range is neither (only counted);
/// - a finding that went away because its subject was deleted is not an improvement (nor open);
/// - **open** findings are those the range introduced that its end still has.
public struct Changelog: Sendable {
    /// The range walked: base and head are commits; the description names them as the user did.
    public var range: ResolvedRange
    /// The commit at the end of the range (its date heads the section).
    public var headCommit: CommitInfo
    /// The first-parent commits walked, oldest first (a merge commit stands for its branch).
    public var commits: [CommitInfo]
    /// Fixed findings that were there before the range, in report order per section.
    public var improvements: [ChangelogEntry]
    /// Findings the range introduced and its end still has, in report order per section.
    public var open: [ChangelogEntry]
    /// Findings introduced and fixed again inside the range (not listed).
    public var fixedWithinRange: Int
    /// Files that could not be fully analysed at the last commit that changed or loaded them.
    public var problems: [ChangelogProblem]

    /// Creates a changelog (the writers' tests build them directly).
    public init(
        range: ResolvedRange, headCommit: CommitInfo, commits: [CommitInfo], improvements: [ChangelogEntry], open: [ChangelogEntry],
        fixedWithinRange: Int, problems: [ChangelogProblem]
    ) {
        self.range = range
        self.headCommit = headCommit
        self.commits = commits
        self.improvements = improvements
        self.open = open
        self.fixedWithinRange = fixedWithinRange
        self.problems = problems
    }
}

/// One line of a changelog: a finding and the commit it is credited to.
public struct ChangelogEntry: Sendable, Hashable {
    /// For an improvement, the finding as it was before the fix (its `improvement` wording is
    /// what the changelog prints); for an open issue, the finding as last reviewed.
    public var finding: Finding
    /// The commit that fixed it (improvement) or introduced it (open issue).
    public var commit: CommitInfo
    /// The commit whose tree `finding`'s location refers to (the fix's parent for an
    /// improvement; the last commit that reviewed it for an open issue).
    public var locationCommit: ObjectID
    /// For an open issue that an earlier commit of the range had fixed: that commit.
    public var fixedEarlierBy: CommitInfo?

    /// Creates an entry.
    public init(finding: Finding, commit: CommitInfo, locationCommit: ObjectID, fixedEarlierBy: CommitInfo? = nil) {
        self.finding = finding
        self.commit = commit
        self.locationCommit = locationCommit
        self.fixedEarlierBy = fixedEarlierBy
    }
}

/// A file a review of the walk could not fully analyse, with the commit whose review said so.
public struct ChangelogProblem: Sendable, Hashable {
    /// The problem.
    public var problem: ReviewProblem
    /// The commit reviewed.
    public var commit: CommitInfo

    /// Creates a problem entry.
    public init(problem: ReviewProblem, commit: CommitInfo) {
        self.problem = problem
        self.commit = commit
    }
}
