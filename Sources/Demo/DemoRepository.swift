import Git

/// Writes the demo stack's history into a new repository, in process, through libgit2.
public enum DemoRepository {
    /// The author of every demo commit; fixed, with fixed times, so commit ids never change.
    public static let author = CommitSignature(name: "Demo Developer", email: "demo@stackreview.invalid", time: 1_767_225_600)

    /// Creates a repository at `path` (which must not exist or be empty) holding the three demo
    /// commits on `main`, and returns their ids, oldest first.
    public static func create(at path: String) throws(GitError) -> [ObjectID] {
        let writer = try RepositoryWriter.create(at: path, initialBranch: "main")
        var ids: [ObjectID] = []
        for (index, commit) in DemoStack.commits.enumerated() {
            var changes: [String: FileChange] = [:]
            for (filePath, content) in commit.files {
                changes[filePath] = content.map { .file(Array($0.utf8)) } ?? .delete
            }
            let signature = CommitSignature(
                name: author.name, email: author.email, time: author.time + Int64(index) * 86_400)
            ids.append(try writer.commit(changes, on: "main", message: commit.message, author: signature))
        }
        return ids
    }
}
