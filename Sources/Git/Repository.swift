internal import CLibgit2
import Foundation

/// An open Git repository (bare or with a working tree), read through libgit2.
///
/// Not `Sendable`: use one instance from one task at a time. Values it returns are `Sendable`.
public final class Repository {
    /// The libgit2 repository handle, freed in `deinit`.
    let handle: OpaquePointer
    /// Whether the repository has no working tree.
    public let isBare: Bool
    /// The working tree's folder (no trailing `/`); nil for a bare repository.
    public let workdir: String?
    /// The `.git` folder (or the bare repository's folder), without a trailing `/`.
    public let gitDirectory: String

    private init(handle: OpaquePointer) {
        self.handle = handle
        self.isBare = git_repository_is_bare(handle) == 1
        self.workdir = git_repository_workdir(handle).map { Self.trimmingSlash(String(cString: $0)) }
        self.gitDirectory = Self.trimmingSlash(String(cString: git_repository_path(handle)))
    }

    deinit {
        git_repository_free(handle)
    }

    /// Opens the repository that contains `path`, searching the folder and its parents; `path`
    /// may also be a bare repository or a `.git` folder.
    public static func discover(from path: String) throws(GitError) -> Repository {
        ensureLibgit2Initialized()
        var pointer: OpaquePointer?
        let code = git_repository_open_ext(&pointer, path, 0, nil)
        guard code == 0, let pointer else {
            if isNotFound(code) { throw GitError.notARepository(path: path) }
            throw GitError.libgit2(operation: "open the repository at '\(path)'", message: lastLibgit2ErrorMessage())
        }
        return Repository(handle: pointer)
    }

    /// Opens the repository exactly at `path` (its working tree, `.git` folder or bare folder),
    /// without searching parent folders.
    public static func open(at path: String) throws(GitError) -> Repository {
        ensureLibgit2Initialized()
        var pointer: OpaquePointer?
        let code = git_repository_open_ext(&pointer, path, GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue, nil)
        guard code == 0, let pointer else {
            if isNotFound(code) { throw GitError.notARepository(path: path) }
            throw GitError.libgit2(operation: "open the repository at '\(path)'", message: lastLibgit2ErrorMessage())
        }
        return Repository(handle: pointer)
    }

    /// Wraps a handle that a `RepositoryWriter` created.
    static func adopting(_ handle: OpaquePointer) -> Repository {
        Repository(handle: handle)
    }

    /// Whether this is a shallow clone (some history was cut off when it was fetched).
    public var isShallow: Bool { git_repository_is_shallow(handle) == 1 }

    /// Whether the repository has no commits at all: HEAD is unborn and no reference exists.
    ///
    /// (libgit2's own check only knows `master` as the initial branch, so it is not used.)
    public var isEmpty: Bool {
        guard git_repository_head_unborn(handle) == 1 else { return false }
        var iterator: OpaquePointer?
        guard git_reference_iterator_new(&iterator, handle) == 0, let iterator else { return false }
        defer { git_reference_iterator_free(iterator) }
        var reference: OpaquePointer?
        let code = git_reference_next(&reference, iterator)
        if code == 0 { git_reference_free(reference) }
        return code == GIT_ITEROVER.rawValue
    }

    /// The folder that names the repository in messages: the working tree, else the git folder.
    var displayPath: String { workdir ?? gitDirectory }

    private static func trimmingSlash(_ path: String) -> String {
        path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
    }

    // MARK: - Objects

    /// Looks up a commit; the caller owns nothing, the returned handle frees itself.
    func lookupCommit(_ id: ObjectID) throws(GitError) -> Libgit2Handle {
        var oid = id.gitOID
        var commit: OpaquePointer?
        let code = git_commit_lookup(&commit, handle, &oid)
        guard code == 0, let commit else {
            if isNotFound(code) {
                if isShallow { throw GitError.shallowHistoryMissing(revision: id.hex) }
                throw GitError.unknownRevision(id.hex)
            }
            throw GitError.libgit2(operation: "read commit \(id.short)", message: lastLibgit2ErrorMessage())
        }
        return Libgit2Handle(commit, release: git_commit_free)
    }

    /// Whether the object database holds an object with this id.
    func objectExists(_ id: ObjectID) -> Bool {
        var odb: OpaquePointer?
        guard git_repository_odb(&odb, handle) == 0, let odb else { return false }
        defer { git_odb_free(odb) }
        var oid = id.gitOID
        return git_odb_exists(odb, &oid) == 1
    }

    /// The tree of a commit.
    func lookupTree(ofCommit id: ObjectID) throws(GitError) -> Libgit2Handle {
        let commit = try lookupCommit(id)
        var tree: OpaquePointer?
        try check(git_commit_tree(&tree, commit.pointer), "read the tree of commit \(id.short)")
        guard let tree else {
            throw GitError.libgit2(operation: "read the tree of commit \(id.short)", message: "no tree")
        }
        return Libgit2Handle(tree, release: git_tree_free)
    }

    /// The repository's index, freshly read from disk.
    func openIndex() throws(GitError) -> Libgit2Handle {
        if isBare { throw GitError.noWorkingTree(path: displayPath) }
        var index: OpaquePointer?
        try check(git_repository_index(&index, handle), "read the index")
        guard let index else { throw GitError.libgit2(operation: "read the index", message: "no index") }
        try check(git_index_read(index, 0), "read the index")
        return Libgit2Handle(index, release: git_index_free)
    }

    /// The ids of the commits whose parents a shallow clone cut off (from `.git/shallow`).
    func shallowBoundary() -> Set<ObjectID> {
        guard isShallow,
              let text = try? String(contentsOfFile: gitDirectory + "/shallow", encoding: .utf8)
        else { return [] }
        return Set(text.split(separator: "\n").compactMap { ObjectID(hex: String($0)) })
    }

    /// The ids of a commit's parents, in order.
    func parentIDs(of commit: Libgit2Handle) -> [ObjectID] {
        let count = git_commit_parentcount(commit.pointer)
        return (0..<count).compactMap { index in
            git_commit_parent_id(commit.pointer, index).map { ObjectID($0.pointee) }
        }
    }

    /// The merge base of two commits; nil when they share no history.
    func mergeBase(_ first: ObjectID, _ second: ObjectID) throws(GitError) -> ObjectID? {
        var result = git_oid()
        var one = first.gitOID
        var two = second.gitOID
        let code = git_merge_base(&result, handle, &one, &two)
        if isNotFound(code) { return nil }
        try check(code, "find the merge base of \(first.short) and \(second.short)")
        return ObjectID(result)
    }

    /// The commit a reference finally points at (following symbolic references and peeling tags);
    /// nil when the reference does not exist or points at no commit.
    func commitOfReference(named name: String) -> ObjectID? {
        var reference: OpaquePointer?
        guard git_reference_lookup(&reference, handle, name) == 0, let reference else { return nil }
        defer { git_reference_free(reference) }
        var object: OpaquePointer?
        guard git_reference_peel(&object, reference, GIT_OBJECT_COMMIT) == 0, let object else { return nil }
        defer { git_object_free(object) }
        return git_object_id(object).map { ObjectID($0.pointee) }
    }
}

/// A repository handle must not cross tasks or threads: libgit2 repositories are not thread-safe.
@available(*, unavailable)
extension Repository: Sendable {}
