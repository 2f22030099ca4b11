/// What the user asked to review, before it is resolved against a repository.
public enum RevisionRequest: Sendable, Hashable {
    /// Nothing named: from the merge base of HEAD with its upstream (else `origin/HEAD`, else
    /// `main`, else `master`) up to HEAD.
    case defaultRange
    /// `A..B`, `A...B` (from the merge base of A and B) or a single revision (against its first
    /// parent, or the empty tree for a root commit). An empty side means HEAD.
    case expression(String)
    /// HEAD (or the empty tree before the first commit) against the index.
    case staged
    /// HEAD (or the empty tree before the first commit) against the working tree.
    case worktree
}
