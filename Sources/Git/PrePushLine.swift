/// One line of what Git writes to a pre-push hook's standard input.
///
/// Git writes `<local ref> SP <local oid> SP <remote ref> SP <remote oid> LF` for each ref
/// being pushed. An all-zero local oid means the remote ref is deleted; an all-zero remote oid
/// means the remote ref does not exist yet.
public struct PrePushLine: Sendable, Hashable, Codable {
    /// The local ref being pushed (`refs/heads/feature`, `HEAD`, or `(delete)` for a deletion).
    public var localRef: String
    /// The commit (or tag) being pushed; `ObjectID.zero` for a deletion.
    public var localID: ObjectID
    /// The ref on the remote being updated.
    public var remoteRef: String
    /// What the remote ref points at now; `ObjectID.zero` when the remote ref is new.
    public var remoteID: ObjectID

    /// Creates a line value.
    public init(localRef: String, localID: ObjectID, remoteRef: String, remoteID: ObjectID) {
        self.localRef = localRef
        self.localID = localID
        self.remoteRef = remoteRef
        self.remoteID = remoteID
    }

    /// Parses the hook's whole standard input strictly: every line must have exactly four fields
    /// separated by single spaces, two 40-digit object ids and a remote ref under `refs/`.
    /// Empty input means nothing is pushed.
    public static func parse(_ input: String) throws(GitError) -> [PrePushLine] {
        var lines = input.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        var result: [PrePushLine] = []
        for (offset, text) in lines.enumerated() {
            let number = offset + 1
            func malformed(_ reason: String) -> GitError {
                GitError.malformedPrePushInput(line: number, text: text, reason: reason)
            }
            let fields = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 4 else {
                throw malformed("expected 4 fields separated by single spaces, found \(fields.count)")
            }
            guard !fields[0].isEmpty else { throw malformed("the local ref is empty") }
            guard fields[1].utf8.count == 40, fields[1] == fields[1].lowercased(), let localID = ObjectID(hex: fields[1]) else {
                throw malformed("'\(fields[1])' is not a 40-digit lowercase object id")
            }
            guard fields[2].hasPrefix("refs/"), fields[2].count > 5 else {
                throw malformed("the remote ref '\(fields[2])' does not start with refs/")
            }
            guard fields[3] == fields[3].lowercased(), let remoteID = ObjectID(hex: fields[3]) else {
                throw malformed("'\(fields[3])' is not a 40-digit lowercase object id")
            }
            guard !(localID.isZero && remoteID.isZero) else {
                throw malformed("both object ids are zero")
            }
            result.append(PrePushLine(localRef: fields[0], localID: localID, remoteRef: fields[2], remoteID: remoteID))
        }
        return result
    }
}
