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
protocol BlockSyntaxCheck: CodedCheck {}

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

    /// One table per shard (by file number), so that both cores seldom wait for each other:
    /// the verdicts of every block-syntax check on one block, by check name.
    private final class Shard: Sendable {
        let entries = Locked<[Key: [String: [CodedVerdict]]]>([:])
    }

    private static let shards = (0..<16).map { _ in Shard() }

    /// The key of `subject`'s block; nil when its file was not scanned (then checks run
    /// directly).
    static func key(for subject: Subject, in context: CheckContext) -> Key? {
        guard let file = context.suppressions.fileNumber(of: subject.file) else { return nil }
        return Key(
            file: file, start: subject.range.start.byte, end: subject.range.end.byte,
            isLocal: subject.kind == .local, isFirstInstance: subject.isFirstInstance(in: context))
    }

    /// The verdicts kept so far for the block at `key`, by check name.
    static func verdicts(at key: Key) -> [String: [CodedVerdict]] {
        shards[key.file % shards.count].entries.withLock { $0[key] } ?? [:]
    }

    /// Keeps `verdicts` (by check name) for the block at `key`, besides those already kept.
    static func keep(_ verdicts: [String: [CodedVerdict]], at key: Key) {
        shards[key.file % shards.count].entries.withLock { entries in
            entries[key, default: [:]].merge(verdicts) { kept, _ in kept }
        }
    }
}
