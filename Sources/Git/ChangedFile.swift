/// One file that differs between the base and the head of a change.
///
/// JSON keys: `path`, `oldPath`, `status`, `kind`, `mode`, `oldMode`, `binary`, `skipped`,
/// `similarity`, `oldBlob`, `newBlob`, `addedLines`, `deletedLines` (absent when nil).
public struct ChangedFile: Sendable, Hashable, Codable {
    /// The path at head (for a deleted file, its path at base).
    public var path: String
    /// The path at base; nil for an added file. Differs from `path` for renames and copies.
    public var oldPath: String?
    /// What happened to the file.
    public var status: ChangeStatus
    /// What stackreview makes of the file, judged from `path`.
    public var kind: FileKind
    /// The mode at head (for a deleted file, its mode at base).
    public var mode: FileMode
    /// The mode at base; nil for an added file.
    public var oldMode: FileMode?
    /// Whether Git treats either side as binary; binary files have no line ranges.
    public var isBinary: Bool
    /// Whether the file was listed but not read: true for submodules, which have no content here.
    public var isSkipped: Bool
    /// For renames and copies, how similar the two sides are, 0 to 100.
    public var similarity: Int?
    /// The blob id at base, when known.
    public var oldBlobID: ObjectID?
    /// The blob id at head, when known (files read from the working tree may have none).
    public var newBlobID: ObjectID?
    /// Head-side lines that were added or changed, merged into sorted runs.
    public var addedLines: [LineRange]
    /// Base-side lines that were deleted or changed, merged into sorted runs.
    public var deletedLines: [LineRange]

    /// Creates a changed-file value.
    public init(
        path: String, oldPath: String?, status: ChangeStatus, kind: FileKind, mode: FileMode,
        oldMode: FileMode?, isBinary: Bool, isSkipped: Bool, similarity: Int?,
        oldBlobID: ObjectID?, newBlobID: ObjectID?, addedLines: [LineRange], deletedLines: [LineRange]
    ) {
        self.path = path
        self.oldPath = oldPath
        self.status = status
        self.kind = kind
        self.mode = mode
        self.oldMode = oldMode
        self.isBinary = isBinary
        self.isSkipped = isSkipped
        self.similarity = similarity
        self.oldBlobID = oldBlobID
        self.newBlobID = newBlobID
        self.addedLines = addedLines
        self.deletedLines = deletedLines
    }

    private enum CodingKeys: String, CodingKey {
        case path, oldPath, status, kind, mode, oldMode
        case isBinary = "binary"
        case isSkipped = "skipped"
        case similarity
        case oldBlobID = "oldBlob"
        case newBlobID = "newBlob"
        case addedLines, deletedLines
    }
}
