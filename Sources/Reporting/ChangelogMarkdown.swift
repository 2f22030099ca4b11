import Git
import Review

/// A changelog section in GitHub-flavoured Markdown, ready to sit at the top of a CHANGELOG.md.
///
/// Layout: a level-2 heading (`## 1.4.0 — 2026-12-01` with a version, the title as given, or
/// the range and the date of its last commit); a hidden marker naming the range's two commit ids
/// (`<!-- stackreview-changelog BASE..HEAD -->`, which `ChangelogFile.prepend` uses to never add
/// the same range twice); a one-sentence summary; `### Improvements` and `### Still Open`, each
/// grouped under the report's numbered sections (`#### 2. Security Hardening`); and files not
/// analysed. Each improvement is the rule's improvement wording with the short id and subject of
/// the commit that made it; each open issue names the commit that introduced it (and the commit
/// that had fixed it, when it was re-introduced). Everything from the repository, commit
/// subjects included, goes through `MarkdownText`; the date is the commit's, never the clock's.
public struct ChangelogMarkdown: Sendable {
    /// How the section is headed and linked.
    public var options: ChangelogOptions

    /// Creates the writer.
    public init(options: ChangelogOptions = ChangelogOptions()) {
        self.options = options
    }

    /// The section for `changelog`, ending with one newline.
    public func render(_ changelog: Changelog) -> String {
        var output = "## " + MarkdownText.escape(options.heading(for: changelog)) + "\n"
        output += ChangelogFile.marker(for: changelog.range) + "\n\n"
        output += summary(changelog) + "\n"
        if !changelog.improvements.isEmpty {
            output += "\n### Improvements\n"
            output += grouped(changelog.improvements, item: improvementItem)
        }
        if !changelog.open.isEmpty {
            output += "\n### Still Open\n"
            output += grouped(changelog.open, item: openItem)
        }
        if !changelog.problems.isEmpty {
            output += "\n### Not Analysed\n\n"
            for entry in changelog.problems {
                let problem = entry.problem
                let place = problem.line > 0 ? "\(problem.file):\(problem.line)" : problem.file
                output += "- " + MarkdownText.codeSpan(place) + ": " + MarkdownText.escape(problem.message) + " (at " + commitReference(entry.commit) + ")\n"
            }
        }
        return output
    }

    func summary(_ changelog: Changelog) -> String {
        let ends = [changelog.range.base.commitID, changelog.range.head.commitID].compactMap { $0?.short }.joined(separator: "..")
        var text = ReportOrder.count(changelog.commits.count, "commit") + " (" + MarkdownText.codeSpan(ends) + "): "
        text += ReportOrder.count(changelog.improvements.count, "improvement") + "; "
        text += ReportOrder.count(changelog.open.count, "finding") + " introduced and still open"
        if changelog.fixedWithinRange > 0 {
            text += "; " + ReportOrder.count(changelog.fixedWithinRange, "finding") + " introduced and fixed again within the range (not listed)"
        }
        return text + "."
    }

    /// `entries` under `#### N. Section` headings, in the report's order.
    func grouped(_ entries: [ChangelogEntry], item: (ChangelogEntry) -> String) -> String {
        var output = ""
        for category in ReportCategory.allCases {
            let inSection = entries.filter { $0.finding.category == category }
            guard !inSection.isEmpty else { continue }
            output += "\n#### \(category.number). \(category.title)\n\n"
            output += inSection.map { "- " + item($0) + "\n" }.joined()
        }
        return output
    }

    func improvementItem(_ entry: ChangelogEntry) -> String {
        let finding = entry.finding
        return MarkdownReport.messageNamingSubject(finding.improvement, subject: finding.subject)
            + " (was " + finding.severity.rawValue + ") — " + commitReference(entry.commit)
    }

    func openItem(_ entry: ChangelogEntry) -> String {
        let finding = entry.finding
        var item = MarkdownReport.badge(finding.severity) + " · " + MarkdownReport.messageNamingSubject(finding.message, subject: finding.subject)
        item += " — " + MarkdownReport.link(file: finding.span.file, line: finding.span.start.line, commit: entry.locationCommit, linkBase: options.linkBase)
        if let fix = entry.fixedEarlierBy {
            item += " · fixed by " + commitReference(fix) + ", re-introduced by " + commitReference(entry.commit)
        } else {
            item += " · introduced by " + commitReference(entry.commit)
        }
        if let suppression = finding.suppression {
            item += " · *suppressed*" + (suppression.reason.isEmpty ? " (no reason given)" : ": " + MarkdownText.escape(suppression.reason))
        }
        return item
    }

    /// The short id (a link to the commit with `--link-base`) and the escaped subject.
    func commitReference(_ commit: CommitInfo) -> String {
        let id = MarkdownText.codeSpan(commit.id.short)
        let shown = options.linkBase.map { "[" + id + "](" + MarkdownText.urlBase($0) + "/commit/" + commit.id.hex + ")" } ?? id
        return shown + " " + MarkdownText.escape(commit.summary)
    }
}

/// How a changelog section is headed and linked (the command line's `--release`, `--title`
/// and `--link-base`).
public struct ChangelogOptions: Sendable {
    /// `--release`: the heading becomes `VERSION — DATE`.
    public var version: String?
    /// `--title`: the heading as given.
    public var title: String?
    /// The repository's web address, for links to commits and files.
    public var linkBase: String?

    /// Creates options; a trailing `/` of `linkBase` is dropped, as the review reports do.
    public init(version: String? = nil, title: String? = nil, linkBase: String? = nil) {
        self.version = version
        self.title = title
        self.linkBase = ReportContext(linkBase: linkBase, toolVersion: "").linkBase
    }

    /// The heading's text (before escaping): the title; else the version or the range, then
    /// ` — ` and the date of the range's last commit.
    public func heading(for changelog: Changelog) -> String {
        if let title { return title }
        return (version ?? changelog.range.description) + " — " + changelog.headCommit.commitDay
    }
}
