import HCL
import Git
import Python
import Terraform
import Threading

/// The handler side of one review side: which Python files to analyse, which of their subjects
/// the change touched, and the files that do not parse.
///
/// Scope (DESIGN.md, "Scope"): a changed `.py` file is analysed when a Lambda function of a
/// loaded module packages it, when Terraform names it as a handler, or when it matches the
/// configured handler globs. In it, a function is touched when its lines meet a changed line
/// (all of them in an added or deleted file); the file's module-level code is touched when a
/// changed line lies outside every module-level function; and the entry points Lambda invokes
/// are touched whenever their file changed at all, because module-level code (clients, the
/// logger, constants) is part of what they do.
struct HandlerReview {
    /// What the review found on one side.
    struct Outcome {
        var files: [HandlerFile] = []
        var touched: [String: [String]] = [:]
        var subjects: Set<String> = []
        var problems: [ReviewProblem] = []
        /// Head-side paths of files that did not parse on this side.
        var unparsable: Set<String> = []
    }

    let changeSet: ChangeSet
    let configuration: Configuration
    let runner: RuleRunner
    let reviewAll: Bool

    /// The findings on the subjects of `outcome`'s files whose addresses are in `touched`
    /// (both sides' touched subjects, so a subject touched only on one side is compared), file
    /// by file in the files' order, checked on every core. Reviewing everything (no subject
    /// left out), a file identical to one of `earlier` (same path, bytes and entry points: the
    /// other side's files with their findings) brings that file's findings along.
    func findingsByFile(_ outcome: Outcome, touched: Set<String>, alike earlier: (files: [HandlerFile], findings: [[Finding]])? = nil) -> [[Finding]] {
        let runner = runner, reviewAll = reviewAll
        var known: [String: (file: HandlerFile, findings: [Finding])] = [:]
        if reviewAll, let earlier {
            for (file, findings) in zip(earlier.files, earlier.findings) { known[file.path] = (file, findings) }
        }
        let reusable = known, checks = runner.handlerChecks
        return ParallelMap.map(outcome.files) { file in
            if let other = reusable[file.path], other.file.entryPoints == file.entryPoints, other.file.source.bytes == file.source.bytes {
                return other.findings
            }
            return runner.handlerFindings(in: file, checks: checks) { reviewAll || touched.contains($0.address) }
        }
    }

    /// Parses the handler files of `side`, read from `source`, with the Terraform of
    /// `contexts` naming the entry points; files in `skip` (head paths) are left out.
    ///
    /// A file whose bytes equal those of the same path in `parsed` (the other side's files) is
    /// not parsed again; reviewing everything, one whose blob id the tree listing shows to be
    /// that file's is not even read.
    func review(side: ScopeSelector.Side, source: RevisionFileSource, contexts: [CheckContext], skip: Set<String>, parsed: [HandlerFile] = []) -> Outcome {
        var outcome = Outcome()
        let named = LambdaHandlerReference.entryPoints(in: contexts)
        // (path on this side, head path, changed file)
        var candidates: [(path: String, headPath: String, change: ChangedFile?)] = []
        for file in changeSet.files where file.kind == .pythonSource && !file.isSkipped {
            let path = side == .head ? file.path : (file.oldPath ?? file.path)
            if side == .head && file.status == .deleted || side == .base && file.status == .added { continue }
            candidates.append((path, file.path, file))
        }
        let parsedByPath = Dictionary(parsed.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        // Listed files the other side parsed with the same blob id: taken over without reading them.
        var listedAlike: Set<String> = []
        if reviewAll {
            let changed = Set(candidates.map(\.path))
            for entry in source.entries(recursivelyUnder: "") where entry.path.hasSuffix(".py") && !changed.contains(entry.path) {
                candidates.append((entry.path, entry.path, nil))
                if entry.mode == .regular || entry.mode == .executable, let other = parsedByPath[entry.path]?.contentID, other == entry.id.hex {
                    listedAlike.insert(entry.path)
                }
            }
        }
        var packaged: LambdaHandlerReference.PackagedPaths?
        // The files to analyse, in candidate order; then each one read and parsed on every core.
        var chosen: [(candidate: (path: String, headPath: String, change: ChangedFile?), matchesGlobs: Bool)] = []
        for candidate in candidates where configuration.includes(candidate.headPath) && !skip.contains(candidate.headPath) {
            let path = candidate.path
            // The globs matter only for files Terraform does not name.
            let matchesGlobs = named[path] == nil && configuration.handlerGlobs.contains { $0.matches(path) }
            if named[path] == nil && !matchesGlobs {
                if packaged == nil { packaged = LambdaHandlerReference.packagedPaths(in: contexts) }
                guard packaged?.contains(path) == true else { continue }
            }
            chosen.append((candidate, matchesGlobs))
        }
        let alike = listedAlike
        let read = ParallelMap.map(chosen.map(\.candidate.path)) { path -> (size: Int, file: HandlerFile?)? in
            if alike.contains(path), var same = parsedByPath[path] {
                same.entryPoints = named[path] ?? []
                return (same.source.bytes.count, same)
            }
            guard let read = source.readFile(at: path) else { return nil }
            let bytes = read.bytes
            guard bytes.count <= ParsedFileCache.maximumFileSize else { return (bytes.count, nil) }
            if var same = parsedByPath[path], same.source.bytes == bytes {
                same.entryPoints = named[path] ?? []
                return (bytes.count, same)
            }
            return (bytes.count, HandlerFile(path: path, parsed: .parsed(read), contentID: read.contentID, entryPoints: named[path] ?? []))
        }
        for ((candidate, matchesGlobs), contents) in zip(chosen, read) {
            let path = candidate.path
            guard let (size, parsedFile) = contents else { continue }
            guard var file = parsedFile else {
                outcome.unparsable.insert(candidate.headPath)
                if side == .head {
                    outcome.problems.append(ReviewProblem(
                        file: path, line: 0,
                        message: "File too large: the file is \(ParsedFileCache.mebibytes(size)), more than the \(ParsedFileCache.mebibytes(ParsedFileCache.maximumFileSize)) stackreview reads. The file's handler rules were not run."))
                }
                continue
            }
            if let diagnostic = file.source.diagnostics.first {
                outcome.unparsable.insert(candidate.headPath)
                if side == .head {
                    outcome.problems.append(ReviewProblem(
                        file: path, line: diagnostic.range.start.line,
                        message: "\(diagnostic.summary): \(diagnostic.detail) The file's handler rules were not run."))
                }
                continue
            }
            if matchesGlobs { file.entryPoints = file.conventionalEntryPoints }
            var touched: [String: [String]] = [:]
            if reviewAll {
                // Every subject is touched: their addresses are enough.
                for address in file.subjectAddresses {
                    outcome.subjects.insert(address)
                    touched[address] = ["reviewing all"]
                }
            } else {
                for subject in file.subjects {
                    outcome.subjects.insert(subject.address)
                    if let change = candidate.change, let reason = reason(subject, change: change, side: side) {
                        touched[subject.address] = [reason]
                    }
                }
            }
            outcome.files.append(file)
            for (address, reasons) in touched { outcome.touched[address] = reasons }
        }
        return outcome
    }

    /// Why `subject` is touched by `change` on `side`, or nil.
    func reason(_ subject: HandlerSubject, change: ChangedFile, side: ScopeSelector.Side) -> String? {
        let path = subject.file.path
        switch (side, change.status) {
        case (.head, .added), (.head, .copied): return "added in \(path)"
        case (.base, .deleted): return "deleted with \(path)"
        default: break
        }
        let lines = (side == .head ? change.addedLines : change.deletedLines).map(\.range)
        guard let first = lines.first else { return nil }
        let suffix = side == .head ? "" : " (base)"
        if subject.function != nil {
            let range = subject.range.start.line...max(subject.range.start.line, subject.range.end.line)
            if let hit = lines.first(where: { $0.overlaps(range) }) {
                return (side == .head ? "edited at" : "lines removed at") + " \(path):\(max(hit.lowerBound, range.lowerBound))" + suffix
            }
            if subject.isEntryPoint { return "its file \(path) changed at line \(first.lowerBound)" + suffix }
            return nil
        }
        let functions = subject.file.source.topLevelFunctions.map { $0.range.start.line...max($0.range.start.line, $0.range.end.line) }
        for range in lines {
            for line in range where !functions.contains(where: { $0.contains(line) }) {
                return (side == .head ? "edited at" : "lines removed at") + " \(path):\(line)" + suffix
            }
        }
        return nil
    }
}

extension HandlerReview {
    /// The Lambda functions (base and head) whose handler reference or package names one of
    /// `paths` (head paths; renamed files are matched by their base path too).
    func functions(deploying paths: Set<String>, head: [CheckContext], base: [CheckContext]) -> Set<SubjectKey> {
        var basePaths = paths
        for file in changeSet.files where paths.contains(file.path) { if let old = file.oldPath { basePaths.insert(old) } }
        var result = Set<SubjectKey>()
        for (contexts, names) in [(head, paths), (base, basePaths)] {
            for context in contexts {
                for subject in context.subjectList where subject.type == "aws_lambda_function" {
                    let package = context.handlerCode.package(of: subject, in: context)
                    let reference = context.handlerCode.reference(of: subject, in: context)
                    if names.contains(where: { package.contains($0) || reference?.path == $0 }) {
                        result.insert(SubjectKey(directory: context.directory, address: subject.address))
                    }
                }
            }
        }
        return result
    }
}
