import Foundation
import Git

/// Puts a new changelog section into an existing CHANGELOG.md (`--output FILE --prepend`).
///
/// Where it goes: after the file's title (a level-1 heading on its first non-blank line, ATX
/// `# Changelog` or setext) and the text under it, right before the first heading that follows
/// (the newest release section); at the end when the title has no heading after it; at the very
/// top when the file has no title. A missing or empty file becomes `# Changelog` and the
/// section. Headings inside fenced code blocks are not headings.
///
/// Never twice: every section carries a marker naming its range's two commit ids
/// (`<!-- stackreview-changelog BASE..HEAD -->`). When the file already holds the marker of
/// the same range, the file is left as it is, whatever its heading says; a different range (a
/// later HEAD, say) is a new section. Line endings follow the file's (CRLF stays CRLF).
public enum ChangelogFile {
    /// What prepending did.
    public enum Outcome: Sendable, Equatable {
        /// The new text of the file.
        case updated(String)
        /// The file already holds a section for this range; it is left unchanged.
        case alreadyPresent
    }

    /// The title a new changelog file starts with.
    public static let newFileTitle = "# Changelog"

    /// The hidden line that names a section's range by its commit ids.
    public static func marker(for range: ResolvedRange) -> String {
        "<!-- stackreview-changelog " + range.base.description + ".." + range.head.description + " -->"
    }

    /// `section` (as `ChangelogMarkdown` writes it) put into `existing` (nil: no such file).
    public static func prepend(_ section: String, range: ResolvedRange, to existing: String?) -> Outcome {
        guard let existing, !existing.allSatisfy(\.isWhitespace) else {
            return .updated(newFileTitle + "\n\n" + section)
        }
        let usesCRLF = existing.contains("\r\n")
        let text = usesCRLF ? existing.replacingOccurrences(of: "\r\n", with: "\n") : existing
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.contains(where: { $0.trimmingCharacters(in: .whitespaces) == marker(for: range) }) { return .alreadyPresent }
        let sectionLines = section.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).dropLast()
        // The piece after a final newline is no line of its own; the file ends with one newline anyway.
        if lines.last == "" { lines.removeLast() }
        let insertAt = insertionLine(lines)
        var inserted: [String] = []
        if insertAt > 0 && !lines[insertAt - 1].trimmingCharacters(in: .whitespaces).isEmpty { inserted.append("") }
        inserted += sectionLines
        if insertAt < lines.count { inserted.append("") }
        lines.insert(contentsOf: inserted, at: insertAt)
        let result = lines.joined(separator: "\n") + "\n"
        return .updated(usesCRLF ? result.replacingOccurrences(of: "\n", with: "\r\n") : result)
    }

    /// The index of the line the new section goes before.
    static func insertionLine(_ lines: [String]) -> Int {
        guard let first = lines.firstIndex(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else { return 0 }
        let headings = headingLines(lines)
        let titleEnd: Int
        if let level = headings[first], level == 1 {
            titleEnd = first + (isSetextUnderline(lines, after: first) ? 2 : 1)
        } else {
            return first
        }
        return headings.keys.sorted().first { $0 >= titleEnd } ?? lines.count
    }

    /// Line index → heading level, for ATX (`#`…`######`) and setext headings outside code fences.
    static func headingLines(_ lines: [String]) -> [Int: Int] {
        var result: [Int: Int] = [:]
        var fence: String?
        for (index, line) in lines.enumerated() {
            let trimmed = line.drop { $0 == " " }
            let indent = line.count - trimmed.count
            if indent <= 3, let marker = ["```", "~~~"].first(where: { trimmed.hasPrefix($0) }) {
                if fence == nil { fence = marker } else if fence == marker { fence = nil }
                continue
            }
            guard fence == nil, indent <= 3 else { continue }
            let hashes = trimmed.prefix { $0 == "#" }.count
            if (1...6).contains(hashes), trimmed.count == hashes || trimmed.dropFirst(hashes).first == " " {
                result[index] = hashes
            } else if !trimmed.isEmpty, isSetextUnderline(lines, after: index), result[index - 1] == nil {
                let underline = lines[index + 1].trimmingCharacters(in: .whitespaces)
                result[index] = underline.hasPrefix("=") ? 1 : 2
            }
        }
        return result
    }

    /// Whether the line after `index` is a setext underline (`===` or `---`).
    static func isSetextUnderline(_ lines: [String], after index: Int) -> Bool {
        guard index + 1 < lines.count else { return false }
        let next = lines[index + 1].trimmingCharacters(in: .whitespaces)
        return !next.isEmpty && (next.allSatisfy { $0 == "=" } || (next.allSatisfy { $0 == "-" } && next.count >= 2))
    }
}
