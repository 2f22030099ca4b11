import Foundation
import Git
import Terraform

/// The files of one side of a review (a commit, the index or the working tree), read through
/// libgit2 for the Terraform loader.
///
/// The loader may read from several threads, while a libgit2 repository handle must stay
/// confined: every access to `repository` happens under `lock`, which is what makes the
/// `@unchecked Sendable` sound. Listings (and the file names in them) and reads are cached, so each
/// folder is listed and each file read once per side. Symlinks are never followed: they read as absent.
public final class RevisionFileSource: ModuleFileSource, @unchecked Sendable {
    private let repository: Repository
    private let side: RevisionSide
    private let lock = NSLock()
    private var listings: [String: [TreeEntry]] = [:]
    private var names: [String: [String]] = [:]
    private var reads: [String: SourceFile?] = [:]
    /// The content ids of the entries of the folders listed for `contentID(at:)`, by path (the
    /// first entry for a path): nil for a symlink or a submodule.
    private var listedContentIDs: [String: String?] = [:]
    /// The folders whose entries are in `listedContentIDs`.
    private var foldersWithContentIDs: Set<String> = []
    private var failures: [String: String] = [:]

    /// A source over `side` of `repository`. The repository must not be used elsewhere while
    /// this source is alive.
    public init(repository: Repository, side: RevisionSide) {
        self.repository = repository
        self.side = side
    }

    /// The regular files directly inside `directory`, sorted by name.
    public func fileNames(in directory: String) -> [String] {
        if let known = lock.withLock({ names[directory] }) { return known }
        let listed = entries(in: directory).filter { $0.mode == .regular || $0.mode == .executable }
            .map { String($0.path.split(separator: "/").last ?? "") }.sorted()
        lock.withLock { names[directory] = listed }
        return listed
    }

    /// Every entry directly inside `directory` (files, symlinks, submodules).
    public func entries(in directory: String) -> [TreeEntry] {
        lock.withLock { () -> [TreeEntry] in
            if let cached = listings[directory] { return cached }
            let listed: [TreeEntry]
            do {
                listed = try repository.listFiles(under: directory, in: side)
            } catch {
                failures[directory] = (error as? GitError)?.message ?? "\(error)"
                listed = []
            }
            listings[directory] = listed
            return listed
        }
    }

    /// Every entry below `folder`, recursively (one listing per call; used to find Terraform
    /// folders near a changed handler and for whole-repository reviews).
    public func entries(recursivelyUnder folder: String) -> [TreeEntry] {
        lock.withLock { () -> [TreeEntry] in
            do {
                return try repository.listFiles(under: folder, in: side, recursive: true)
            } catch {
                failures[folder] = (error as? GitError)?.message ?? "\(error)"
                return []
            }
        }
    }

    /// The bytes and blob id of a regular file; nil for a missing file, a symlink or a submodule.
    public func readFile(at path: String) -> SourceFile? {
        lock.withLock { () -> SourceFile? in
            if let cached = reads[path] { return cached }
            var file: SourceFile?
            do {
                if let blob = try repository.file(at: path, in: side), blob.mode == .regular || blob.mode == .executable {
                    file = SourceFile(bytes: blob.bytes, contentID: blob.id.hex)
                }
            } catch {
                failures[path] = (error as? GitError)?.message ?? "\(error)"
            }
            reads[path] = file
            return file
        }
    }

    /// The content id `readFile(at:)` gives the file at `path`, without reading its bytes when
    /// the side is a commit and its folder's listing holds the path: the blob id of a regular or
    /// executable file, nil for a symlink or a submodule. Otherwise the file is read.
    public func contentID(at path: String) -> String? {
        if side.commitID != nil {
            let folder = RepositoryPaths.directory(of: path)
            // A folder's ids are worked out once (as hexadecimal text), not again for every path asked.
            let indexed = lock.withLock { foldersWithContentIDs.contains(folder) }
            if !indexed {
                let listed = entries(in: folder)
                lock.withLock {
                    guard foldersWithContentIDs.insert(folder).inserted else { return }
                    for entry in listed where listedContentIDs[entry.path] == nil {
                        listedContentIDs[entry.path] = .some(entry.mode == .regular || entry.mode == .executable ? entry.id.hex : nil)
                    }
                }
            }
            if let listed = lock.withLock({ listedContentIDs[path] }) { return listed }
        }
        return readFile(at: path)?.contentID
    }

    /// Paths that could not be listed or read, with Git's reason.
    public var readFailures: [String: String] {
        lock.withLock { failures }
    }
}
