import Synchronization
import Terraform
import Threading

/// The suppression comments of a module's files, and which findings they silence.
public struct SuppressionIndex: Sendable {
    private var files: [String: ScannedFile] = [:]

    /// Scans every file of `module` and its loaded children once.
    public init(module: Module) {
        add(module)
    }

    /// Adds the files of `module` and its descendants not added yet, in tree order.
    private mutating func add(_ module: Module) {
        for file in module.configuration.files where files[file.path] == nil {
            files[file.path] = Self.scanned(path: file.path, source: file.source)
        }
        for child in module.childModules { add(child) }
    }

    /// A number for the file at `path` as this index read it, the same for the same path and
    /// contents everywhere in the process (so work on a file can be kept by number).
    func fileNumber(of path: String) -> Int? {
        files[path]?.number
    }

    /// What the index keeps of one file: its suppression comments, its lines, where each line
    /// starts, and its number (in the order files were first scanned). One object shared by
    /// every index holding the file.
    private final class ScannedFile: Sendable {
        let suppressions: [Suppression]
        let lines: [Substring]
        let lineStarts: [Int]
        let number: Int

        init(suppressions: [Suppression], lines: [Substring], lineStarts: [Int], number: Int) {
            self.suppressions = suppressions
            self.lines = lines
            self.lineStarts = lineStarts
            self.number = number
        }
    }

    /// The files scanned so far in this process, by path, each path's contents with their scan:
    /// a module's files are scanned once, not again in every module tree whose modules call that
    /// module. A path has a version or two (base and head), so its contents are compared rather
    /// than hashed: the bytes of one parsed file are one shared buffer, which compares at once.
    private static let scannedFiles = Locked<[String: [(source: [UInt8], scanned: ScannedFile)]]>([:])

    /// The scan of the file at `path` holding `source`, done once per path and contents.
    private static func scanned(path: String, source: [UInt8]) -> ScannedFile {
        let lookUp = { (files: [String: [(source: [UInt8], scanned: ScannedFile)]]) in files[path]?.first { $0.source == source }?.scanned }
        if let known = scannedFiles.withLock({ lookUp($0) }) { return known }
        let text = String(decoding: source, as: UTF8.self)
        var starts = [0]
        for (offset, byte) in source.enumerated() where byte == UInt8(ascii: "\n") { starts.append(offset + 1) }
        let lines = Self.lines(of: text)
        let suppressions = SuppressionScanner.scan(lines: lines, file: path).suppressions
        return scannedFiles.withLock { files in
            // Another thread may have scanned the same file meanwhile: the first scan stays, so
            // that a path and contents keep one number.
            if let known = lookUp(files) { return known }
            let scanned = ScannedFile(suppressions: suppressions, lines: lines, lineStarts: starts, number: fileCount.add(1, ordering: .relaxed).newValue)
            files[path, default: []].append((source, scanned))
            return scanned
        }
    }

    /// The lines of `text`, as `text.split(separator: "\n", omittingEmptySubsequences: false)`
    /// gives them, found on its UTF-8 bytes rather than its characters: a line feed ends a line
    /// unless it follows a carriage return (the two make one character, which is no line feed).
    static func lines(of text: String) -> [Substring] {
        var lines: [Substring] = []
        let bytes = text.utf8
        var start = bytes.startIndex, index = bytes.startIndex
        var previous: UInt8 = 0
        while index != bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n"), previous != UInt8(ascii: "\r") {
                lines.append(text[start..<index])
                start = bytes.index(after: index)
            }
            previous = byte
            index = bytes.index(after: index)
        }
        lines.append(text[start...])
        return lines
    }

    /// How many files have been scanned in this process.
    private static let fileCount = Atomic<Int>(0)

    /// The lines whose suppression comments apply to `subject`: the comment lines right
    /// above its block, and the block itself.
    public func window(for subject: Subject) -> ClosedRange<Int> {
        let fileLines = files[subject.file]?.lines ?? []
        var first = subject.range.start.line
        while first > 1 {
            let above = fileLines.indices.contains(first - 2) ? fileLines[first - 2] : ""
            let trimmed = above.drop { $0 == " " || $0 == "\t" }
            guard trimmed.hasPrefix("#") || trimmed.hasPrefix("//") else { break }
            first -= 1
        }
        return first...max(first, subject.range.end.line)
    }

    /// The suppression comments that apply to `subject`.
    public func suppressions(for subject: Subject) -> [Suppression] {
        // Most files have none: their lines are then not looked at.
        guard let candidates = files[subject.file]?.suppressions, !candidates.isEmpty else { return [] }
        let window = window(for: subject)
        return candidates.filter { window.contains($0.line) }
    }

    /// The byte offset where `line` of `file` starts (1-based line), if the file is known.
    public func offset(ofLine line: Int, in file: String) -> Int? {
        guard let starts = files[file]?.lineStarts, starts.indices.contains(line - 1) else { return nil }
        return starts[line - 1]
    }

    /// The suppression that silences `finding`: on its line, inside its subject's block, or
    /// in the comment lines right above the block; expired ones silence nothing.
    func suppression(for rule: Rule, finding: Finding, subject: Subject, today: String) -> Suppression? {
        guard let candidates = files[subject.file]?.suppressions, !candidates.isEmpty else { return nil }
        let window = window(for: subject)
        return candidates.first { suppression in
            suppression.names(rule) && !suppression.hasExpired(today: today)
                && (suppression.line == finding.span.start.line || window.contains(suppression.line))
        }
    }
}
