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

    /// The verdicts of every block-syntax check on one block, by check name.
    final class Entry: Sendable {
        private let verdicts = Locked<[String: [CodedVerdict]]>([:])

        /// `check`'s verdicts, from `evaluate` the first time.
        func verdicts(of check: any CodedCheck, evaluate: () -> [CodedVerdict]) -> [CodedVerdict] {
            if let known = verdicts.withLock({ $0[check.name] }) { return known }
            let computed = evaluate()
            verdicts.withLock { $0[check.name] = computed }
            return computed
        }
    }

    /// One table per shard (by file number), so that both cores seldom wait for each other.
    private final class Shard: Sendable {
        let entries = Locked<[Key: Entry]>([:])
    }

    private static let shards = (0..<16).map { _ in Shard() }

    /// The entry of `subject`'s block, created on first use; nil when its file was not scanned
    /// (then checks run directly).
    static func entry(for subject: Subject, in context: CheckContext) -> Entry? {
        guard let file = context.suppressions.fileNumber(of: subject.file) else { return nil }
        let key = Key(
            file: file, start: subject.range.start.byte, end: subject.range.end.byte,
            isLocal: subject.kind == .local, isFirstInstance: subject.isFirstInstance(in: context))
        return shards[file % shards.count].entries.withLock { entries in
            if let known = entries[key] { return known }
            let entry = Entry()
            entries[key] = entry
            return entry
        }
    }
}
