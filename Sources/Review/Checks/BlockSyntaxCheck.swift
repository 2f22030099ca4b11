import Threading

/// A coded check whose verdicts on a subject depend only on how the subject's block is
/// written: the parsed file it is in (path and contents), the block's range (which also says
/// what kind of block it is), whether the subject is a local value, and whether it is the
/// block's first instance.
///
/// Such verdicts are the same in every module tree that loads the block (a service module
/// called by every environment), so `BlockSyntaxVerdicts` keeps them. A check that also looks
/// at other subjects, evaluated values, the configuration or the module tree must not adopt
/// this protocol.
///
/// Such a check judges a `BlockSyntax` it is given: the rule runner builds one per subject and
/// hands it to every block-syntax check whose verdicts it has not kept yet, so the block is
/// found, and its expressions collected, once.
protocol BlockSyntaxCheck: CodedCheck {
    /// The failures on `subject`, whose block is written as `syntax`.
    func verdicts(on syntax: BlockSyntax, of subject: Subject, in context: CheckContext) -> [CodedVerdict]
}

extension BlockSyntaxCheck {
    /// The failures on `subject`, none when its file is not loaded.
    func evaluate(_ subject: Subject, in context: CheckContext) -> [CodedVerdict] {
        guard let syntax = BlockSyntax(of: subject, in: context) else { return [] }
        return verdicts(on: syntax, of: subject, in: context)
    }
}

/// The verdicts of `BlockSyntaxCheck`s, kept for the whole process by file (its number in
/// `SuppressionIndex`, which stands for its path and contents), block and check.
enum BlockSyntaxVerdicts {
    /// What a block-syntax check's verdicts depend on, besides the check.
    struct Key: Hashable {
        let file: Int
        let start: Int
        let end: Int
        let isLocal: Bool
        let isFirstInstance: Bool
    }

    /// The verdicts kept for one block: one entry per block-syntax check (by its slot,
    /// `CodedChecks.Entry.syntaxSlot`), nil for a check whose verdicts are not kept yet.
    typealias Kept = [[CodedVerdict]?]

    /// A block's table with nothing kept yet.
    static var nothingKept: Kept { Kept(repeating: nil, count: CodedChecks.syntaxCheckCount) }

    /// One table per shard (by file number), so that both cores seldom wait for each other:
    /// the verdicts of every block-syntax check on one block.
    private final class Shard: Sendable {
        let entries = Locked<[Key: Kept]>([:])
    }

    private static let shards = (0..<16).map { _ in Shard() }

    /// The key of `subject`'s block, in the file numbered `file` by `SuppressionIndex` (a file
    /// it did not scan has no number and no key: then checks run directly).
    static func key(for subject: Subject, fileNumber file: Int, in context: CheckContext) -> Key {
        Key(
            file: file, start: subject.range.start.byte, end: subject.range.end.byte,
            isLocal: subject.kind == .local, isFirstInstance: subject.isFirstInstance(in: context))
    }

    /// The verdicts kept so far for the block at `key`; nil when none are.
    static func verdicts(at key: Key) -> Kept? {
        shards[key.file % shards.count].entries.withLock { $0[key] }
    }

    /// Keeps `verdicts` for the block at `key`, besides those already kept (a check's verdicts
    /// kept first stay).
    static func keep(_ verdicts: Kept, at key: Key) {
        shards[key.file % shards.count].entries.withLock { entries in
            guard var kept = entries[key] else {
                entries[key] = verdicts
                return
            }
            for slot in kept.indices where kept[slot] == nil { kept[slot] = verdicts[slot] }
            entries[key] = kept
        }
    }
}
