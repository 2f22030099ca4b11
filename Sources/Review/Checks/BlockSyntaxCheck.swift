import Synchronization

/// A coded check whose verdicts on a subject depend only on how the subject's block is
/// written: the parsed file it is in (path and contents), the block's range, whether the
/// subject is a local value, and whether it is the block's first instance.
///
/// Such verdicts are the same in every module tree that loads the block (a service module
/// called by every environment), so `BlockSyntaxVerdicts` keeps them. A check that also looks
/// at other subjects, evaluated values or the module tree must not adopt this protocol.
protocol BlockSyntaxCheck: CodedCheck {}

/// The verdicts of `BlockSyntaxCheck`s, kept for the whole process by check, file (its number
/// in `SuppressionIndex`, which stands for its path and contents) and block.
enum BlockSyntaxVerdicts {
    /// What a block-syntax check's verdicts depend on.
    struct Key: Hashable {
        let check: String
        let file: Int
        let start: Int
        let end: Int
        let isLocal: Bool
        let isFirstInstance: Bool
    }

    private static let known = Mutex<[Key: [CodedVerdict]]>([:])

    /// `check`'s verdicts on `subject`, computed once per file contents and block.
    static func verdicts(of check: any CodedCheck, on subject: Subject, in context: CheckContext) -> [CodedVerdict] {
        guard let file = context.suppressions.fileNumber(of: subject.file) else { return check.evaluate(subject, in: context) }
        let key = Key(
            check: check.name, file: file, start: subject.range.start.byte, end: subject.range.end.byte,
            isLocal: subject.kind == .local, isFirstInstance: subject.isFirstInstance(in: context))
        if let verdicts = known.withLock({ $0[key] }) { return verdicts }
        let verdicts = check.evaluate(subject, in: context)
        known.withLock { $0[key] = verdicts }
        return verdicts
    }
}
