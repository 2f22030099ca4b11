import Git
import Testing
@testable import Reporting

/// Where `--prepend` puts a new section, and that it never adds the same range twice.
@Suite struct ChangelogFileTests {
    static let range = ResolvedRange(
        base: .commit(ObjectID(hex: String(repeating: "a", count: 40))!), head: .commit(ObjectID(hex: String(repeating: "b", count: 40))!),
        description: "v1..HEAD")
    static let marker = ChangelogFile.marker(for: range)
    static let section = "## 1.1.0 — 2026-12-01\n\(marker)\n\n1 commit.\n"

    static func updated(_ existing: String?) -> String? {
        if case .updated(let text) = ChangelogFile.prepend(section, range: range, to: existing) { return text }
        return nil
    }

    @Test func theMarkerNamesBothCommits() {
        #expect(Self.marker == "<!-- stackreview-changelog aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa..bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb -->")
    }

    @Test func aMissingOrEmptyFileGetsATitle() {
        #expect(Self.updated(nil) == "# Changelog\n\n" + Self.section)
        #expect(Self.updated("\n \n") == "# Changelog\n\n" + Self.section)
    }

    @Test func afterTheTitleAndItsIntroductionBeforeTheNewestRelease() {
        let existing = "# Changelog\n\nAll notable changes.\n\n## 1.0.0 — 2026-01-01\n\n- first\n"
        #expect(Self.updated(existing) == "# Changelog\n\nAll notable changes.\n\n" + Self.section + "\n## 1.0.0 — 2026-01-01\n\n- first\n")
    }

    @Test func aTitleAloneGetsTheSectionAfterIt() {
        #expect(Self.updated("# Changelog\n") == "# Changelog\n\n" + Self.section)
        #expect(Self.updated("Changelog\n=========\nNotes.") == "Changelog\n=========\nNotes.\n\n" + Self.section)
    }

    @Test func withoutATitleAtTheTop() {
        let existing = "## 1.0.0 — 2026-01-01\n\n- first\n"
        #expect(Self.updated(existing) == Self.section + "\n" + existing)
        #expect(Self.updated("Some notes.\n") == Self.section + "\nSome notes.\n")
    }

    @Test func headingsInCodeBlocksDoNotCount() {
        let existing = "# Changelog\n\n```\n## not a heading\n```\n\n## 1.0.0\n"
        #expect(Self.updated(existing) == "# Changelog\n\n```\n## not a heading\n```\n\n" + Self.section + "\n## 1.0.0\n")
    }

    @Test func theSameRangeIsNeverAddedTwice() throws {
        let once = try #require(Self.updated("# Changelog\n\n## 1.0.0\n"))
        #expect(ChangelogFile.prepend(Self.section, range: Self.range, to: once) == .alreadyPresent)
        // A section someone renamed still carries its marker.
        #expect(ChangelogFile.prepend(Self.section, range: Self.range, to: once.replacingOccurrences(of: "1.1.0", with: "1.1.0-final")) == .alreadyPresent)
        // Another head is another range.
        let later = ResolvedRange(base: Self.range.base, head: .commit(ObjectID(hex: String(repeating: "c", count: 40))!), description: "v1..HEAD")
        guard case .updated = ChangelogFile.prepend(Self.section, range: later, to: once) else {
            Issue.record("a later range must be added")
            return
        }
    }

    @Test func lineEndingsFollowTheFile() {
        let existing = "# Changelog\r\n\r\n## 1.0.0\r\n"
        #expect(Self.updated(existing) == "# Changelog\r\n\r\n" + Self.section.replacingOccurrences(of: "\n", with: "\r\n") + "\r\n## 1.0.0\r\n")
    }
}
