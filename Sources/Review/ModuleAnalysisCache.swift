import Foundation
import Git

/// The modules of one revision, loaded and analysed, and the findings already computed on
/// their subjects: what a walk over consecutive commits hands from one review to the next, so
/// that the head of one commit's review is not loaded or checked again as the base of the next.
///
/// Holds one revision at a time: `keep(only:)` drops every other. Valid only for reviews that
/// share the same options (rules, configuration, date): a walk whose options change calls
/// `removeAll()`. Thread-safe (a lock guards the tables), which makes `@unchecked Sendable` sound.
public final class ModuleAnalysisCache: @unchecked Sendable {
    private let lock = NSLock()
    private var contexts: [RevisionSide: [String: CheckContext]] = [:]
    private var findings: [RevisionSide: [String: [String: [Finding]]]] = [:]
    private var reuses = 0

    /// Creates an empty cache.
    public init() {}

    /// How many modules were served from the cache instead of being loaded again.
    public var reusedModuleCount: Int { lock.withLock { reuses } }

    /// Drops everything but what is known of `side`.
    public func keep(only side: RevisionSide) {
        lock.withLock {
            contexts = contexts.filter { $0.key == side }
            findings = findings.filter { $0.key == side }
        }
    }

    /// Drops everything (the options changed).
    public func removeAll() {
        lock.withLock {
            contexts = [:]
            findings = [:]
        }
    }

    /// The module of `directory` at `side`: the cached one, or `load()`'s, which is then kept.
    func context(side: RevisionSide, directory: String, load: () -> CheckContext?) -> CheckContext? {
        if let cached = lock.withLock({ contexts[side]?[directory] }) {
            lock.withLock { reuses += 1 }
            return cached
        }
        guard let loaded = load() else { return nil }
        lock.withLock { contexts[side, default: [:]][directory] = loaded }
        return loaded
    }

    /// The findings on the subjects of `context` that `wanted` selects, in subject order: rules
    /// run only on the subjects not checked before at this side.
    func findings(side: RevisionSide, context: CheckContext, wanted: @escaping (Subject) -> Bool, runner: RuleRunner) -> [Finding] {
        let directory = context.directory
        let known = lock.withLock { findings[side]?[directory] ?? [:] }
        let missing = { (subject: Subject) in wanted(subject) && known[subject.address] == nil }
        var computed: [String: [Finding]] = [:]
        if context.subjectList.contains(where: missing) {
            for subject in context.subjectList where missing(subject) { computed[subject.address] = [] }
            for finding in runner.findings(in: context, only: missing) { computed[finding.subject, default: []].append(finding) }
            lock.withLock { findings[side, default: [:]][directory, default: [:]].merge(computed) { old, _ in old } }
        }
        return context.subjectList.filter(wanted).flatMap { known[$0.address] ?? computed[$0.address] ?? [] }
    }
}
