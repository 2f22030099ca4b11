import Git

/// The plain-text listing of a change set: one line per file with its status, kind and the
/// line ranges the change touched, then a one-line summary.
///
/// ```
/// Change set of main..feature = 1a2b3c4..5d6e7f8 (2 files)
///   modified  infra/main.tf  terraform  added 12-18, 40  deleted 33-34
///   added     lambda/handler.py  python source  added 1-25
/// 1 Terraform file, 1 handler source file.
/// ```
public struct ChangeSetTextReport: Sendable {
    /// Creates the report writer.
    public init() {}

    /// Renders `changeSet`, with a heading naming `title` (the range as the user wrote it).
    public func render(_ changeSet: ChangeSet, title: String) -> String {
        let files = changeSet.files
        let resolved = Self.sideText(changeSet.base) + ".." + Self.sideText(changeSet.head)
        let heading = title == resolved ? title : "\(title) = \(resolved)"
        var output = "Change set of \(TerminalText.escape(heading)) (\(Self.count(files.count, "file")))\n"
        guard !files.isEmpty else { return output + "  no files changed\n" }
        let statusWidth = files.map { Self.statusWord($0).count }.max() ?? 0
        for file in files {
            let status = Self.statusWord(file)
            var line = "  " + status + String(repeating: " ", count: statusWidth - status.count)
            line += "  " + Self.pathText(file)
            line += "  " + Self.kindText(file.kind)
            var notes: [String] = []
            if file.mode == .symlink { notes.append("symlink") }
            if file.mode == .submodule { notes.append("submodule") }
            if let oldMode = file.oldMode, oldMode != file.mode, file.status != .added {
                notes.append("mode \(oldMode.rawValue) → \(file.mode.rawValue)")
            }
            if file.isBinary { notes.append("binary") }
            if file.isSkipped { notes.append("skipped") }
            if !notes.isEmpty { line += "  (" + notes.joined(separator: ", ") + ")" }
            if !file.addedLines.isEmpty { line += "  added " + Self.rangesText(file.addedLines) }
            if !file.deletedLines.isEmpty { line += "  deleted " + Self.rangesText(file.deletedLines) }
            output += line + "\n"
        }
        output += Self.summary(files) + "\n"
        return output
    }

    /// A side of the comparison as the heading shows it: a short commit id, `index`,
    /// `worktree` or `empty tree`.
    static func sideText(_ side: RevisionSide) -> String {
        switch side {
        case .commit(let id): return id.short
        case .index: return "index"
        case .worktree: return "worktree"
        case .emptyTree: return "empty tree"
        }
    }

    static func statusWord(_ file: ChangedFile) -> String {
        switch file.status {
        case .added: return "added"
        case .modified: return "modified"
        case .deleted: return "deleted"
        case .renamed: return "renamed"
        case .copied: return "copied"
        case .typeChange: return "type change"
        }
    }

    static func pathText(_ file: ChangedFile) -> String {
        let path = TerminalText.escape(file.path)
        guard let oldPath = file.oldPath, oldPath != file.path else { return path }
        let similarity = file.similarity.map { " \($0)%" } ?? ""
        return TerminalText.escape(oldPath) + " → " + path + similarity
    }

    static func kindText(_ kind: FileKind) -> String {
        switch kind {
        case .terraform: return "terraform"
        case .terraformVariables: return "terraform variables"
        case .pythonSource: return "python source"
        case .javaScriptSource: return "javascript source (not analysed yet)"
        case .test: return "test"
        case .coverageReport: return "coverage report"
        case .other: return "other"
        }
    }

    static func rangesText(_ ranges: [LineRange]) -> String {
        ranges.map { $0.lowerBound == $0.upperBound ? "\($0.lowerBound)" : "\($0.lowerBound)-\($0.upperBound)" }
            .joined(separator: ", ")
    }

    static func summary(_ files: [ChangedFile]) -> String {
        let order: [(FileKind, String)] = [
            (.terraform, "Terraform file"), (.terraformVariables, "Terraform variables file"),
            (.pythonSource, "handler source file"), (.javaScriptSource, "JavaScript/TypeScript file"),
            (.test, "test file"), (.coverageReport, "coverage report"), (.other, "other file"),
        ]
        let parts = order.compactMap { kind, noun -> String? in
            let count = files.filter { $0.kind == kind }.count
            return count == 0 ? nil : Self.count(count, noun)
        }
        return parts.joined(separator: ", ") + "."
    }

    static func count(_ value: Int, _ noun: String) -> String {
        value == 1 ? "1 \(noun)" : "\(value) \(noun)s"
    }
}
