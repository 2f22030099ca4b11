import Threading

/// Base against head: what the change introduced, resolved, kept, and removed with its subject.
public struct FindingComparison: Sendable, Hashable {
    /// In head, not in base: the change introduced it.
    public var introduced: [Finding]
    /// In base, not in head, and the subject still exists: the change fixed it (an improvement).
    public var resolved: [Finding]
    /// In both: still wrong (the head finding, which has the current location).
    public var persisting: [Finding]
    /// In base, and its subject no longer exists at head: gone, but not an improvement.
    public var removed: [Finding]
    /// Base identity → head identity of each base finding that a rename (a `moved` block, a Git
    /// rename of a handler file or a module folder) carried to a new identity: how a history of
    /// findings, such as the changelog's, follows the rename.
    public var carriedIdentities: [FindingIdentity: FindingIdentity]

    /// Compares base and head findings.
    ///
    /// - Parameters:
    ///   - base: findings at the base revision, on the touched subjects.
    ///   - head: findings at the head revision, on the touched subjects.
    ///   - headSubjects: every subject that exists at head, as `SubjectKey`s (to tell resolved
    ///     from removed).
    ///   - renames: base subject address → head subject address, from `moved` blocks and Git
    ///     renames of handler files, so identity survives them.
    ///   - directoryRenames: base module directory → head module directory, from Git renames.
    public init(
        base: [Finding], head: [Finding], headSubjects: Set<SubjectKey>, renames: [String: String] = [:],
        directoryRenames: [String: String] = [:]
    ) {
        let sides = ParallelMap.map([base, head], Self.sorted)
        self.init(
            sortedBase: sides[0], sortedHead: sides[1], existingAtHead: { $0.intersection(headSubjects) }, renames: renames,
            directoryRenames: directoryRenames)
    }

    /// Compares base and head findings that are each in `sorted` order already (a review sorts
    /// both sides for its result anyway). A stable sort orders any part of a list as it orders
    /// the whole, so each of the four lists, taken in that order, is sorted without sorting again.
    /// `existingAtHead` answers which of the subjects it is given exist at head; it is asked
    /// once, about the subjects of the base findings that are not in head.
    init(
        sortedBase base: [Finding], sortedHead head: [Finding], existingAtHead: (Set<SubjectKey>) -> Set<SubjectKey>,
        renames: [String: String], directoryRenames: [String: String]
    ) {
        var carriedIdentities: [FindingIdentity: FindingIdentity] = [:]
        let headInBase: [Bool], baseInHead: [Bool]
        // The base identities carried through the renames, nil without renames (each is then its finding's identity).
        var carriedBase: [FindingIdentity]?
        if renames.isEmpty && directoryRenames.isEmpty {
            (headInBase, baseInHead) = Self.presence(base: base, head: head)
        } else {
            let carried = { @Sendable (finding: Finding) -> FindingIdentity in
                var identity = finding.identity
                if let renamed = Self.rename(identity.subject, renames) { identity.subject = renamed }
                if let renamed = directoryRenames[identity.directory] { identity.directory = renamed }
                return identity
            }
            // The two sides' identities, and their sets, on every core.
            let sides = ParallelMap.map([true, false]) { isHead in
                let identities = isHead ? head.map(\.identity) : base.map(carried)
                return (identities, Set(identities))
            }
            let (headIdentities, headSet) = sides[0], (baseIdentities, baseSet) = sides[1]
            for (index, identity) in baseIdentities.enumerated() where identity != base[index].identity {
                carriedIdentities[base[index].identity] = identity
            }
            headInBase = headIdentities.map(baseSet.contains)
            baseInHead = baseIdentities.map(headSet.contains)
            carriedBase = baseIdentities
        }
        self.carriedIdentities = carriedIdentities
        var introduced: [Finding] = [], persisting: [Finding] = []
        for (index, finding) in head.enumerated() {
            if headInBase[index] { persisting.append(finding) } else { introduced.append(finding) }
        }
        let gone = base.indices.filter { !baseInHead[$0] }.map { index in
            let identity = carriedBase?[index] ?? base[index].identity
            return (index, SubjectKey(directory: identity.directory, address: identity.subject))
        }
        let existing = gone.isEmpty ? [] : existingAtHead(Set(gone.map(\.1)))
        var resolved: [Finding] = [], removed: [Finding] = []
        for (index, subject) in gone {
            if existing.contains(subject) { resolved.append(base[index]) } else { removed.append(base[index]) }
        }
        self.introduced = introduced
        self.persisting = persisting
        self.resolved = resolved
        self.removed = removed
    }

    /// For each head finding whether a base finding has its identity, and for each base
    /// finding whether a head finding has its identity (without renames).
    ///
    /// A finding whose storage both sides hold is in both. Only the identities of the others
    /// are looked up: each in the other side's unshared identities, and in those of the shared
    /// findings that equal one of them (found by `FindingIdentity.shape` first, so that the
    /// shared findings' texts are mostly not read), which are on both sides.
    static func presence(base: [Finding], head: [Finding]) -> (headInBase: [Bool], baseInHead: [Bool]) {
        // Both sides at once: their storages, then each side's findings looked up in the other's.
        let storages = ParallelMap.map([base, head]) { side in Set(side.map(\.storageIdentity)) }
        let found = ParallelMap.map([true, false]) { isHead in
            isHead ? head.map { storages[0].contains($0.storageIdentity) } : base.map { storages[1].contains($0.storageIdentity) }
        }
        var headInBase = found[0], baseInHead = found[1]
        let unsharedHead = head.indices.filter { !headInBase[$0] }, unsharedBase = base.indices.filter { !baseInHead[$0] }
        guard !unsharedHead.isEmpty || !unsharedBase.isEmpty else { return (headInBase, baseInHead) }
        let headIdentities = Set(unsharedHead.map { head[$0].identity }), baseIdentities = Set(unsharedBase.map { base[$0].identity })
        let unshared = headIdentities.union(baseIdentities)
        let shapes = Set(unshared.map(\.shape))
        // The shared findings are most of a whole-repository review: they are gone through in
        // slices, on every core.
        let inBoth = headInBase
        let slices = stride(from: 0, to: head.count, by: sharedSliceSize).map { $0..<min($0 + sharedSliceSize, head.count) }
        let sharedBySlice = ParallelMap.map(slices) { slice in
            slice.compactMap { index -> FindingIdentity? in
                guard inBoth[index], shapes.contains(head[index].identityShape) else { return nil }
                let identity = head[index].identity
                return unshared.contains(identity) ? identity : nil
            }
        }
        let shared = Set(sharedBySlice.joined())
        for index in unsharedHead {
            let identity = head[index].identity
            headInBase[index] = baseIdentities.contains(identity) || shared.contains(identity)
        }
        for index in unsharedBase {
            let identity = base[index].identity
            baseInHead[index] = headIdentities.contains(identity) || shared.contains(identity)
        }
        return (headInBase, baseInHead)
    }

    /// How many head findings one task of `presence` goes through.
    static let sharedSliceSize = 16_384

    /// The head address of `subject`, following renames of the subject itself or of a
    /// containing module or file (`module.old.x` → `module.new.x`, `old.py::f` → `new.py::f`).
    static func rename(_ subject: String, _ renames: [String: String]) -> String? {
        if let direct = renames[subject] { return direct }
        for (old, new) in renames.sorted(by: { $0.key.count > $1.key.count }) {
            for separator in [".", "::"] where subject.hasPrefix(old + separator) {
                return new + subject.dropFirst(old.count)
            }
        }
        return nil
    }

    /// `findings` sorted by severity first (most severe on top), then file and position, then
    /// identity; equal ones keep their input order. Sorts by integer keys (severity, the file's
    /// rank among the files, positions) instead of whole spans, so that hundreds of thousands
    /// of findings sort quickly; then each run of findings at the same place, and only those,
    /// by identity.
    static func sorted(_ findings: [Finding]) -> [Finding] {
        guard findings.count > 1 else { return findings }
        // Files are numbered as they come (findings of one file mostly follow each other), then
        // ranked by name.
        var numbers: [String: Int] = [:], files: [String] = []
        var last: (file: String, number: Int)?
        var keys: [PlaceKey] = []
        keys.reserveCapacity(findings.count)
        for finding in findings {
            let number: Int
            if let last, finding.isInFile(last.file) {
                number = last.number
            } else {
                let file = finding.span.file
                if let known = numbers[file] {
                    number = known
                } else {
                    number = files.count
                    numbers[file] = number
                    files.append(file)
                }
                last = (file, number)
            }
            let (start, end) = finding.spanPositions
            keys.append(PlaceKey(
                severity: -finding.severity.rank, file: number,
                start: (start.offset, start.line, start.column), end: (end.offset, end.line, end.column)))
        }
        var rank = [Int](repeating: 0, count: files.count)
        for (position, number) in files.indices.sorted(by: { files[$0] < files[$1] }).enumerated() { rank[number] = position }
        for index in keys.indices { keys[index].file = rank[keys[index].file] }
        var order = Array(findings.indices)
        keys.withUnsafeBufferPointer { keys in
            order.sort { left, right in keys[left] != keys[right] ? keys[left] < keys[right] : left < right }
            var start = 0
            while start < order.count {
                var end = start + 1
                while end < order.count && keys[order[end]] == keys[order[start]] { end += 1 }
                if end - start > 1 {
                    let run = Array(order[start..<end])
                    let identities = run.map { findings[$0].identity }
                    let sortedRun = identities.withUnsafeBufferPointer { identities in
                        run.indices.sorted { left, right in identityOrder(identities, left, right) ?? (run[left] < run[right]) }
                    }
                    for (offset, position) in sortedRun.enumerated() { order[start + offset] = run[position] }
                }
                start = end
            }
        }
        return order.map { findings[$0] }
    }

    /// Whether `identities[left]` sorts before `identities[right]` (as `FindingIdentity.<`
    /// orders them), nil when they are equal; reads the fields in place rather than copying
    /// both identities for every comparison.
    private static func identityOrder(_ identities: UnsafeBufferPointer<FindingIdentity>, _ left: Int, _ right: Int) -> Bool? {
        if identities[left].directory != identities[right].directory { return identities[left].directory < identities[right].directory }
        if identities[left].subject != identities[right].subject { return identities[left].subject < identities[right].subject }
        if identities[left].ruleID != identities[right].ruleID { return identities[left].ruleID < identities[right].ruleID }
        if identities[left].attributePath != identities[right].attributePath { return identities[left].attributePath < identities[right].attributePath }
        return nil
    }

    /// Introduced findings not silenced by a suppression, at or above `threshold`: what
    /// decides exit status 1.
    public func blocking(atOrAbove threshold: Severity) -> [Finding] {
        introduced.filter { !$0.isSuppressed && $0.severity >= threshold }
    }
}

/// Where a finding sorts, as integers: minus its severity's rank, its file's rank, its start
/// and its end (byte offset, line, column each).
private struct PlaceKey: Equatable, Comparable {
    var severity: Int
    var file: Int
    var start: (Int, Int, Int)
    var end: (Int, Int, Int)

    static func == (lhs: PlaceKey, rhs: PlaceKey) -> Bool {
        lhs.severity == rhs.severity && lhs.file == rhs.file && lhs.start == rhs.start && lhs.end == rhs.end
    }

    static func < (lhs: PlaceKey, rhs: PlaceKey) -> Bool {
        if lhs.severity != rhs.severity { return lhs.severity < rhs.severity }
        if lhs.file != rhs.file { return lhs.file < rhs.file }
        if lhs.start != rhs.start { return lhs.start < rhs.start }
        return lhs.end < rhs.end
    }
}

/// A subject as the comparison knows it: its module directory and address.
public struct SubjectKey: Sendable, Hashable {
    /// The root module's directory.
    public var directory: String
    /// The subject's address.
    public var address: String

    /// Creates a key.
    public init(directory: String = "", address: String) {
        self.directory = directory
        self.address = address
    }
}
