import Terraform
import Threading

/// A file source that passes every question on to another and remembers the answers, so a
/// module tree loaded and checked through it can later be shown to read the same at another
/// revision (`answersAlike`), and its results taken over instead of loading it again.
///
/// Only content ids and folder listings are kept, not the bytes.
final class RecordingFileSource: ModuleFileSource {
    private let source: any ModuleFileSource
    private let answers = Locked<(listings: [String: [String]], contentIDs: [String: String?])>(([:], [:]))

    /// A source reading from `source`.
    init(_ source: any ModuleFileSource) {
        self.source = source
    }

    func fileNames(in directory: String) -> [String] {
        let names = source.fileNames(in: directory)
        answers.withLock { $0.listings[directory] = names }
        return names
    }

    func readFile(at path: String) -> SourceFile? {
        let file = source.readFile(at: path)
        answers.withLock { $0.contentIDs[path] = .some(file?.contentID) }
        return file
    }

    /// Whether `other` answers every question asked so far exactly as the recorded source did:
    /// the same listings, the same files absent, the same content ids (compared without reading
    /// the files where the listing tells them).
    func answersAlike(_ other: RevisionFileSource) -> Bool {
        let (listings, contentIDs) = answers.withLock { ($0.listings, $0.contentIDs) }
        for (directory, names) in listings where other.fileNames(in: directory) != names { return false }
        for (path, contentID) in contentIDs where other.contentID(at: path) != contentID { return false }
        return true
    }
}
