import Dispatch
import Git
import Metrics
import HCL
import Terraform
import Threading

/// The review of one change: loads the modules the change concerns at base and head, selects
/// the touched subjects, runs the rules with the whole module as context, and compares.
///
/// Holds the repository for the duration of one review and is not `Sendable`.
public struct ReviewEngine {
    let repository: Repository
    let options: ReviewOptions
    let parsedFiles: ParsedFileCache
    let analysisCache: ModuleAnalysisCache?

    /// An engine over `repository` with `options`.
    ///
    /// - Parameters:
    ///   - parsedFiles: where parsed Terraform files are kept by blob id (the process-wide cache
    ///     by default); a walk over many commits passes its own, shared by every review.
    ///   - analysisCache: modules and findings of the last head, reused when the next review's
    ///     base is that revision (a walk over consecutive commits); nil loads every side anew.
    public init(repository: Repository, options: ReviewOptions, parsedFiles: ParsedFileCache = .shared, analysisCache: ModuleAnalysisCache? = nil) {
        self.repository = repository
        self.options = options
        self.parsedFiles = parsedFiles
        self.analysisCache = analysisCache
    }

    /// Reviews `range`.
    public func review(_ range: ResolvedRange) throws(GitError) -> ReviewResult {
        try review(range, changeSet: try repository.changeSet(range))
    }

    /// Whether a change set holds anything a review looks at: Terraform, variable files or
    /// handler sources. A push without any is answered without loading rules or modules.
    public static func needsReview(_ changeSet: ChangeSet) -> Bool {
        changeSet.files.contains { [.terraform, .terraformVariables, .pythonSource, .javaScriptSource].contains($0.kind) }
    }

    /// Whether a change set adds, edits or deletes a test file or a coverage report (what the
    /// test-suite rules look at).
    public static func touchesTestSuite(_ changeSet: ChangeSet) -> Bool {
        let analyzer = TestFileAnalyzer(), reader = CoverageReportReader()
        return changeSet.files.contains { file in
            [file.path, file.oldPath].compactMap { $0 }.contains { analyzer.language(ofPath: $0) != nil || reader.format(ofPath: $0) != nil }
        }
    }

    /// Reviews `range`, whose change set is already computed.
    public func review(_ range: ResolvedRange, changeSet: ChangeSet) throws(GitError) -> ReviewResult {
        let configuration = options.configuration
        let handlerFiles = changeSet.files.filter { $0.kind == .pythonSource && !$0.isSkipped && configuration.includes($0.path) }.map(\.path)
        var problems: [ReviewProblem] = changeSet.files.filter { $0.kind == .javaScriptSource && $0.status != .deleted }.map {
            ReviewProblem(file: $0.path, line: 0, message: "JavaScript and TypeScript handlers are not analysed yet; only Python handlers are reviewed.")
        }

        let baseSource = range.base == .emptyTree ? nil : RevisionFileSource(repository: repository, side: range.base)
        let headSource = RevisionFileSource(repository: repository, side: range.head)
        let directories = moduleDirectories(changeSet, handlerFiles: handlerFiles, head: headSource, base: baseSource)

        let runner = RuleRunner(ruleSet: options.ruleSet, configuration: configuration, today: options.today)
        let reviewAll = options.reviewAll
        var base = SideReview(configuration: configuration, today: options.today, parsedFiles: parsedFiles, cache: analysisCache)
        var head = base
        // Reviewing everything, most modules read the same files at both sides: the head is
        // loaded and checked first, recording what each module tree reads, and a base module
        // tree that would read the same (in a folder without changed files) is the head's, with
        // the head's findings, rather than loaded and checked again.
        let reuseUnchanged = reviewAll && baseSource != nil
        PhaseClock.start()
        head.load(directories, from: headSource, side: range.head, recording: reuseUnchanged)
        PhaseClock.mark("head.load")
        let earlyHeadFindings = reuseUnchanged ? findingsByContext(head, side: range.head, runner: runner, only: { _, _ in true }) : nil
        PhaseClock.mark("head.checks")
        if let baseSource {
            if reuseUnchanged, let earlyHeadFindings {
                let changedFolders = Set(changeSet.files.flatMap { [$0.path, $0.oldPath].compactMap { $0 }.map(RepositoryPaths.directory(of:)) })
                base.load(directories, from: baseSource, side: range.base, reusing: (head, earlyHeadFindings), unless: changedFolders)
            } else {
                base.load(directories, from: baseSource, side: range.base)
            }
        }
        PhaseClock.mark("base.load")
        // Touched nodes: the union of both sides, keyed by directory.
        // Each context's touched nodes are found on every core, then merged in context order.
        var touched: [String: [String: [String]]] = [:]
        for (side, review) in [(ScopeSelector.Side.head, head), (.base, base)] {
            let selector = ScopeSelector(changeSet: changeSet, side: side)
            let selections = ParallelMap.map(review.contexts) { selector.touched($0, handlerFiles: handlerFiles) }
            for (context, selection) in zip(review.contexts, selections) {
                let directory = context.directory
                for (node, reasons) in selection {
                    for reason in reasons where !(touched[directory]?[node]?.contains(reason) ?? false) {
                        touched[directory, default: [:]][node, default: []].append(reason)
                    }
                }
            }
        }
        let touchedNodes = touched
        PhaseClock.mark("touched")
        let only: @Sendable (CheckContext, Subject) -> Bool = { context, subject in
            reviewAll || touchedNodes[context.directory]?[subject.graphNode] != nil
        }
        var headFindings = (earlyHeadFindings ?? findingsByContext(head, side: range.head, runner: runner, only: only)).flatMap { $0 }
        var baseFindings = findingsByContext(base, side: range.base, runner: runner, only: only).flatMap { $0 }
        PhaseClock.mark("base.checks")
        // Handler files: parsed from the same revision, reviewed by the handler rules.
        let handlerReview = HandlerReview(changeSet: changeSet, configuration: configuration, runner: runner, reviewAll: options.reviewAll)
        let headHandlers = handlerReview.review(side: .head, source: headSource, contexts: head.contexts, skip: [])
        let baseHandlers = baseSource.map {
            handlerReview.review(side: .base, source: $0, contexts: base.contexts, skip: headHandlers.unparsable, parsed: headHandlers.files)
        } ?? HandlerReview.Outcome()
        // Head paths for base subjects, so a renamed file's subjects are touched on both sides.
        var headAddress: [String: String] = [:]
        for file in changeSet.files where file.kind == .pythonSource { if let old = file.oldPath { headAddress[old] = file.path } }
        let touchedHandlers = Set(headHandlers.touched.keys).union(baseHandlers.touched.keys.map { FindingComparison.rename($0, headAddress) ?? $0 })
        let headHandlerFindings = handlerReview.findingsByFile(headHandlers, touched: touchedHandlers)
        baseFindings += handlerReview.findingsByFile(baseHandlers, touched: Set(touchedHandlers.flatMap { address in
            [address] + headAddress.filter { address.hasPrefix($0.value + "::") || address == $0.value }.map { $0.key + address.dropFirst($0.value.count) }
        }), alike: (headHandlers.files, headHandlerFindings)).flatMap { $0 }
        headFindings += headHandlerFindings.flatMap { $0 }
        let baseTouched = Dictionary(baseHandlers.touched.map { (FindingComparison.rename($0.key, headAddress) ?? headAddress[$0.key] ?? $0.key, $0.value) }, uniquingKeysWith: +)
        for (address, reasons) in headHandlers.touched.merging(baseTouched, uniquingKeysWith: +) {
            for reason in reasons where !(touched[""]?[address]?.contains(reason) ?? false) {
                touched["", default: [:]][address, default: []].append(reason)
            }
        }
        problems += headHandlers.problems
        PhaseClock.mark("handlers")
        if !headHandlers.unparsable.isEmpty {
            // A handler that does not parse says nothing about its Lambda functions either way:
            // their cross-checks are left out on both sides rather than reported as resolved.
            let silenced = handlerReview.functions(deploying: headHandlers.unparsable, head: head.contexts, base: base.contexts)
            let keep = { (finding: Finding) in finding.category != .lambdaHandler || !silenced.contains(SubjectKey(directory: finding.directory, address: finding.subject)) }
            baseFindings = baseFindings.filter(keep)
            headFindings = headFindings.filter(keep)
        }
        var renames: [String: String] = [:]
        for context in head.contexts {
            for moved in context.module.moved { if let from = moved.from, let to = moved.to { renames[from] = to } }
        }
        var directoryRenames: [String: String] = [:]
        for file in changeSet.files where file.status == .renamed && file.kind == .terraform {
            if let oldPath = file.oldPath {
                let from = RepositoryPaths.directory(of: oldPath), to = RepositoryPaths.directory(of: file.path)
                if from != to { directoryRenames[from] = to }
            }
        }
        for file in changeSet.files where file.status == .renamed && file.kind == .pythonSource {
            if let oldPath = file.oldPath { renames[oldPath] = file.path }
        }
        // Problems are reported for the head side: that is what the change leaves behind.
        problems += head.problems
        problems += headSource.readFailures.map { ReviewProblem(file: $0.key, line: 0, message: "could not be read from Git: \($0.value)") }
        let metrics = options.collectMetrics ? MetricsCollector(repository: repository).comparison(range, changeSet: changeSet, coverageTarget: configuration.coverageTarget) : nil
        if let metrics {
            let suite = testSuiteFindings(metrics, changeSet: changeSet, runner: runner)
            baseFindings += suite.base
            headFindings += suite.head
        }
        PhaseClock.mark("metrics")
        // Each side is sorted once, on every core: the result lists them so, and the comparison
        // keeps that order in its lists.
        let sortedSides = ParallelMap.map([baseFindings, headFindings], FindingComparison.sorted)
        // The comparison asks only about the subjects of base findings gone from head (a few,
        // out of every subject of every module tree): only their module trees are looked through.
        // (The closure is not kept: the module trees must be freed by the thread below.)
        let metricsSubjects = metrics.map { Set(["tests", "coverage"] + $0.head.files.map(\.path)) } ?? []
        let comparison = FindingComparison(
            sortedBase: sortedSides[0], sortedHead: sortedSides[1],
            existingAtHead: { wanted in
                let addresses = Dictionary(grouping: wanted, by: \.directory).mapValues { Set($0.map(\.address)) }
                var existing = wanted.filter { key in
                    key.directory.isEmpty && (headHandlers.subjects.contains(key.address) || metricsSubjects.contains(key.address))
                }
                for context in head.contexts {
                    guard let wantedHere = addresses[context.directory] else { continue }
                    for subject in context.subjectList where wantedHere.contains(subject.address) {
                        existing.insert(SubjectKey(directory: context.directory, address: subject.address))
                    }
                }
                return existing
            },
            renames: renames, directoryRenames: directoryRenames)
        PhaseClock.mark("comparison")
        let touchedList = touched.flatMap { directory, nodes in
            nodes.map { TouchedSubject(directory: directory, node: $0.key, reasons: $0.value) }
        }.sorted()
        var headFiles: [String: String] = [:]
        // Sorted, the head findings in one file mostly follow each other.
        var framedFiles = Set<String>(), lastFile: String?
        for finding in sortedSides[1] {
            if let lastFile, finding.isInFile(lastFile) { continue }
            let file = finding.span.file
            framedFiles.insert(file)
            lastFile = file
        }
        let framedPaths = Array(framedFiles)
        let framedTexts = ParallelMap.map(framedPaths) { path in headSource.readFile(at: path).map { String(decoding: $0.bytes, as: UTF8.self) } }
        for (path, text) in zip(framedPaths, framedTexts) {
            if let text { headFiles[path] = text }
        }
        PhaseClock.mark("frames")
        // The analysed module trees are not needed any more: another thread takes the last
        // references and frees them while the caller writes the report (freeing a whole
        // repository's modules took a third of a second on the calling thread). It waits until
        // this thread has let go of its own.
        // A process that exits right after its report never frees them at all.
        if options.keepsAnalysisUntilExit {
            _ = Unmanaged.passRetained(KeptUntilExit((head, base)))
        } else {
            let handedOver = DispatchSemaphore(value: 0)
            DispatchQueue.global(qos: .utility).async { [head, base] in
                handedOver.wait()
                withExtendedLifetime((head, base)) {}
            }
            head.contexts = []
            base.contexts = []
            handedOver.signal()
        }
        return ReviewResult(
            range: range, changeSet: changeSet, modules: directories, touched: touchedList,
            baseFindings: sortedSides[0], headFindings: sortedSides[1],
            comparison: comparison, problems: Array(Set(problems)).sorted(), metrics: metrics, headFiles: headFiles)
    }

    /// The findings of each of `review`'s contexts (in their order), on the subjects `only`
    /// accepts, checked on every core; a context taken over from the other side brings its
    /// findings along.
    func findingsByContext(_ review: SideReview, side: RevisionSide, runner: RuleRunner, only: @escaping @Sendable (CheckContext, Subject) -> Bool) -> [[Finding]] {
        let reused = review.reusedFindings, contexts = review.contexts, analysisCache = analysisCache
        return ParallelMap.map(Array(contexts.indices)) { index in
            if let known = reused[index] { return known }
            let context = contexts[index]
            // Only commits are immutable: findings at the index or the working tree are never cached.
            guard let analysisCache, side.commitID != nil else { return runner.findings(in: context, only: { only(context, $0) }) }
            return analysisCache.findings(side: side, context: context, wanted: { only(context, $0) }, runner: runner)
        }
    }

    /// The findings of the test-suite rules (report section 3) at both sides: the head judged
    /// against the base, the base on its own (so a fixed suite shows as an improvement).
    func testSuiteFindings(_ metrics: MetricsComparison, changeSet: ChangeSet, runner: RuleRunner) -> (base: [Finding], head: [Finding]) {
        let analyzer = TestFileAnalyzer()
        let changed = changeSet.files.filter { $0.status != .deleted && options.configuration.includes($0.path) }.map(\.path)
        let changedTests = changed.filter { analyzer.language(ofPath: $0) != nil }
        let changedSources = changed.filter { path in
            analyzer.language(ofPath: path) == nil && [.terraform, .terraformVariables, .pythonSource].contains(FileKind(path: path))
        }
        let head = options.judgeTestSuiteOnItsOwn
            ? runner.testSuiteFindings(TestSuiteFacts(current: metrics.head, previous: nil, changedSources: [], changedTests: [], coverageTarget: metrics.coverageTarget))
            : runner.testSuiteFindings(TestSuiteFacts(
                current: metrics.head, previous: metrics.base, changedSources: changedSources, changedTests: changedTests,
                coverageTarget: metrics.coverageTarget))
        let base = metrics.base.map { runner.testSuiteFindings(TestSuiteFacts(
            current: $0, previous: nil, changedSources: [], changedTests: [], coverageTarget: metrics.coverageTarget)) } ?? []
        return (base, head)
    }

    /// The module folders to load: those of changed Terraform files, and for changed handler
    /// files the Terraform folders near them (every ancestor folder and its direct subfolders);
    /// with `reviewAll`, every Terraform folder of the repository.
    func moduleDirectories(
        _ changeSet: ChangeSet, handlerFiles: [String], head: RevisionFileSource, base: RevisionFileSource?
    ) -> [String] {
        var directories = Set<String>()
        for file in changeSet.files where file.kind == .terraform || file.kind == .terraformVariables {
            for path in [file.path, file.oldPath].compactMap({ $0 }) where options.configuration.includes(path) {
                directories.insert(RepositoryPaths.directory(of: path))
            }
        }
        if !handlerFiles.isEmpty || options.reviewAll {
            let allTerraformFolders = Set(terraformFolders(head) + (base.map(terraformFolders) ?? []))
            if options.reviewAll {
                directories.formUnion(allTerraformFolders.filter { options.configuration.includes($0 + "/main.tf") || options.configuration.includes($0) })
            }
            for handler in handlerFiles {
                var ancestors: [String] = []
                var folder = RepositoryPaths.directory(of: handler)
                while true {
                    ancestors.append(folder)
                    if folder.isEmpty { break }
                    folder = RepositoryPaths.directory(of: folder)
                }
                for candidate in allTerraformFolders where ancestors.contains(candidate) || ancestors.contains(RepositoryPaths.directory(of: candidate)) {
                    directories.insert(candidate)
                }
            }
        }
        return directories.sorted()
    }

    /// Every folder holding a `.tf` or `.tf.json` file on one side.
    func terraformFolders(_ source: RevisionFileSource) -> [String] {
        let entries = source.entries(recursivelyUnder: "")
        return Array(Set(entries.filter { $0.path.hasSuffix(".tf") || $0.path.hasSuffix(".tf.json") }.map { RepositoryPaths.directory(of: $0.path) }))
    }
}

/// The modules of one side, loaded and analysed once, with the problems met while loading them.
struct SideReview {
    /// The most errors listed per file; the rest are counted in one more problem.
    static let problemsPerFile = 20
    let configuration: Configuration
    let today: String
    let parsedFiles: ParsedFileCache
    let cache: ModuleAnalysisCache?
    var contexts: [CheckContext] = []
    var problems: [ReviewProblem] = []
    /// For each context taken over from the other side, its findings there (nil: not taken over).
    var reusedFindings: [[Finding]?] = []
    /// What each context's module tree read, by directory (when loaded with `recording`).
    var recordings: [String: RecordingFileSource] = [:]

    /// Loads and analyses the modules of `directories` that exist on this side, on every core
    /// (Git reads are serialised by the source; parsing, evaluation and analysis run in
    /// parallel), or takes them from `cache` when it holds `side`. The order of `contexts`
    /// follows `directories`, so output stays deterministic.
    /// With `recording`, each module tree reads through a `RecordingFileSource` kept in
    /// `recordings`, including what its checks read later (a recorded load never comes from
    /// `cache`, so that the recording is whole).
    ///
    /// With `reusing` (the other side, loaded with `recording`, and its findings by context),
    /// a directory whose module tree would read exactly what it read there, and which is not in
    /// `changedFolders`, takes over the other side's context and findings instead of loading.
    mutating func load(
        _ directories: [String], from source: RevisionFileSource, side: RevisionSide, recording: Bool = false,
        reusing other: (review: SideReview, findings: [[Finding]])? = nil, unless changedFolders: Set<String> = []
    ) {
        let configuration = configuration, today = today, parsedFiles = parsedFiles, cache = cache
        var taken: [String: (context: CheckContext, findings: [Finding])] = [:]
        if let other {
            for (index, context) in other.review.contexts.enumerated() where !changedFolders.contains(context.directory) {
                taken[context.directory] = (context, other.findings[index])
            }
        }
        let candidates = taken
        let recorded = other?.review.recordings ?? [:]
        let loaded = ParallelMap.map(directories) { directory -> (CheckContext, [Finding]?, RecordingFileSource?)? in
            if let candidate = candidates[directory], let reads = recorded[directory], reads.answersAlike(source) {
                return (candidate.context, candidate.findings, nil)
            }
            let recorder = recording ? RecordingFileSource(source) : nil
            let load = { () -> CheckContext? in
                let names = source.fileNames(in: directory)
                guard names.contains(where: { $0.hasSuffix(".tf") || $0.hasSuffix(".tf.json") }) else { return nil }
                let module = ModuleLoader(source: recorder ?? source, cache: parsedFiles).loadModule(at: directory)
                return CheckContext(module: module, directory: directory, configuration: configuration, today: today)
            }
            // Only commits are immutable: the index and the working tree are never cached.
            guard let cache, side.commitID != nil, recorder == nil else { return load().map { ($0, nil, recorder) } }
            return cache.context(side: side, directory: directory, load: load).map { ($0, nil, nil) }
        }
        for (context, findings, recorder) in loaded.compactMap({ $0 }) {
            contexts.append(context)
            reusedFindings.append(findings)
            if let recorder { recordings[context.directory] = recorder }
            var perFile: [String: Int] = [:]
            for diagnostic in context.module.allDiagnostics where diagnostic.severity == .error {
                perFile[diagnostic.fileName, default: 0] += 1
                guard perFile[diagnostic.fileName, default: 0] <= Self.problemsPerFile else { continue }
                problems.append(ReviewProblem(
                    file: diagnostic.fileName, line: diagnostic.subject.start.line,
                    message: "\(diagnostic.summary): \(diagnostic.detail)"))
            }
            for (file, count) in perFile where count > Self.problemsPerFile {
                problems.append(ReviewProblem(
                    file: file, line: 0,
                    message: "\(count - Self.problemsPerFile) more errors after the first \(Self.problemsPerFile) are not listed; fix those first and review again."))
            }
        }
    }
}

/// What a review keeps alive until the process exits (`ReviewOptions.keepsAnalysisUntilExit`):
/// retained once and never released.
private final class KeptUntilExit {
    let value: Any
    init(_ value: Any) { self.value = value }
}
