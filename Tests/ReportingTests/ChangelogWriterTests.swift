import Foundation
import Git
@testable import Review
import TestSupport
import Testing
@testable import Reporting

/// The changelog's Markdown and JSON writers, the progress line, and what the Markdown renders to.
@Suite struct ChangelogWriterTests {
    static let options = ChangelogOptions(version: "1.4.0", linkBase: "https://github.com/acme/shop/")

    @Test func markdownGolden() throws {
        try Golden.check(ChangelogMarkdown(options: Self.options).render(ChangelogFixture.changelog), against: "changelog.md")
    }

    @Test func markdownWithoutOptionsIsHeadedByTheRangeAndHasNoLinks() throws {
        let text = ChangelogMarkdown().render(ChangelogFixture.changelog)
        #expect(text.hasPrefix("## v1.3.0..HEAD — 2025-12-02\n<!-- stackreview-changelog 1111111111111111111111111111111111111111..5555555555555555555555555555555555555555 -->\n\n3 commits (`1111111..5555555`): 2 improvements; 4 findings introduced and still open; 2 findings introduced and fixed again within the range (not listed).\n"))
        #expect(!text.contains("]("))
        let titled = ChangelogMarkdown(options: ChangelogOptions(title: "Release <b>2</b>")).render(ChangelogFixture.changelog)
        #expect(titled.hasPrefix("## Release \\<b\\>2\\</b\\>\n"))
    }

    @Test func jsonGolden() throws {
        try Golden.check(ChangelogJSON(options: Self.options).render(ChangelogFixture.changelog), against: "changelog.json")
    }

    @Test func anEmptyRangeSaysSo() {
        var empty = ChangelogFixture.changelog
        empty.commits = []
        empty.improvements = []
        empty.open = []
        empty.fixedWithinRange = 0
        empty.problems = []
        #expect(ChangelogMarkdown(options: Self.options).render(empty) == """
            ## 1.4.0 — 2025-12-02
            <!-- stackreview-changelog 1111111111111111111111111111111111111111..5555555555555555555555555555555555555555 -->

            0 commits (`1111111..5555555`): 0 improvements; 0 findings introduced and still open.

            """)
    }

    @Test func noSecretValueAndTheSameBytesEveryTime() {
        let markdown = ChangelogMarkdown(options: Self.options).render(ChangelogFixture.changelog)
        let json = ChangelogJSON(options: Self.options).render(ChangelogFixture.changelog)
        for text in [markdown, json] {
            #expect(!text.contains("sk_live"))
            #expect(!text.contains("\"abc\""))
        }
        #expect(markdown == ChangelogMarkdown(options: Self.options).render(ChangelogFixture.changelog))
        #expect(json == ChangelogJSON(options: Self.options).render(ChangelogFixture.changelog))
    }

    @Test func craftedSubjectsRenderAsPlainText() throws {
        guard MarkdownRenderingTests.cmark != nil else {
            Issue.record("cmark-gfm is not installed: the rendering check did not run (apt-get install cmark-gfm)")
            return
        }
        var changelog = ChangelogFixture.changelog
        for attack in MarkdownRenderingTests.attacks {
            changelog.improvements.append(ChangelogEntry(
                finding: ChangelogFixture.changelog.improvements[0].finding, commit: ChangelogFixture.commit("6", attack, time: 1_764_800_000),
                locationCommit: ReportFixture.base))
        }
        let html = try MarkdownRenderingTests.render(ChangelogMarkdown(options: Self.options).render(changelog))
        // The only HTML comment is the section's own marker.
        #expect(html.components(separatedBy: "<!--").count - 1 == 1)
        #expect(html.contains("<!-- stackreview-changelog 1111111111111111111111111111111111111111..5555555555555555555555555555555555555555 -->"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("</details>"))
        #expect(!html.contains("<details>"))
        #expect(!html.contains("<strong>bold</strong>"))
        #expect(!html.contains("injected heading</h3>"))
        #expect(!html.contains("mailto:"))
        #expect(!MarkdownRenderingTests.outsideCode(html).contains("@everyone"))
        #expect(html.contains("@\u{200D}everyone &lt;!-- x --&gt; [a](http://e) &lt;/details&gt;"))
        let links = html.components(separatedBy: "<a href=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(!links.isEmpty)
        for link in links {
            #expect(link.hasPrefix("https://github.com/acme/shop/commit/") || link.hasPrefix("https://github.com/acme/shop/blob/"), "unexpected link \(link)")
        }
        // The structure: one h2, the two parts as h3, sections as h4.
        #expect(html.components(separatedBy: "<h2>").count - 1 == 1)
        #expect(html.contains("<h3>Improvements</h3>"))
        #expect(html.contains("<h3>Still Open</h3>"))
        #expect(html.contains("<h4>2. Security Hardening</h4>"))
    }

    @Test func aCraftedCommitSubjectOfARealRepositoryRendersAsPlainText() throws {
        guard MarkdownRenderingTests.cmark != nil else {
            Issue.record("cmark-gfm is not installed: the rendering check did not run (apt-get install cmark-gfm)")
            return
        }
        let repository = try ChangelogRepository(closeSubject: ChangelogFixture.crafted)
        let changelog = try ChangelogWalk().changelog(.init(path: repository.path, range: .expression("\(repository.commits[0].hex)..HEAD")))
        let html = try MarkdownRenderingTests.render(ChangelogMarkdown(options: Self.options).render(changelog))
        #expect(html.contains("<li>Removed the public ACL from <code>aws_s3_bucket_acl.reports</code> (was critical) — <a href=\"https://github.com/acme/shop/commit/\(repository.commits[2].hex)\"><code>\(repository.commits[2].short)</code></a> @\u{200D}everyone &lt;!-- x --&gt; [a](http://e) &lt;/details&gt;</li>"))
        #expect(html.components(separatedBy: "<!--").count - 1 == 1)  // the section's marker only
        #expect(!html.contains("</details>"))
        #expect(!html.contains("href=\"http://e\""))
    }

    @Test func noSecretValueFromARealRepository() throws {
        let sandbox = try GitSandbox()
        let name = try sandbox.makeRepository()
        let secret = "Zq8vN3kLp2Xw7Rt5Ym4Hs9Jd"
        func variable(_ name: String, _ value: String?) -> String {
            "variable \"\(name)\" {\n  type = string\n" + (value.map { "  default = \"\($0)\"\n" } ?? "") + "}\n"
        }
        try sandbox.write(variable("db_password", secret), to: "repo/infra/variables.tf")
        let start = try sandbox.commitAll("Add the database", in: name)
        try sandbox.write(variable("db_password", nil) + variable("api_token", secret + "X"), to: "repo/infra/variables.tf")
        try sandbox.commitAll("Move the password out, add the token", in: name)
        let changelog = try ChangelogWalk().changelog(.init(path: sandbox.path(name), range: .expression("\(start.hex)..HEAD")))
        let secretFindings = { (entries: [ChangelogEntry]) in entries.filter { $0.finding.ruleID == "terraform-variable-default-secret" }.map(\.finding.subject) }
        #expect(secretFindings(changelog.improvements) == ["var.db_password"])
        #expect(secretFindings(changelog.open) == ["var.api_token"])
        for text in [ChangelogMarkdown(options: Self.options).render(changelog), ChangelogJSON(options: Self.options).render(changelog)] {
            #expect(text.contains("var.api_token"))
            #expect(!text.contains(secret))
        }
    }

    @Test func progressLine() {
        #expect(ChangelogProgress.line(done: 0, total: 1000, width: 10) == "[----------]    0/1000 commits")
        #expect(ChangelogProgress.line(done: 250, total: 1000, width: 10) == "[##--------]  250/1000 commits")
        #expect(ChangelogProgress.line(done: 1, total: 1, width: 4) == "[####] 1/1 commit")
        #expect(ChangelogProgress.line(done: 0, total: 0, width: 4) == "[####] 0/0 commits")
        var progress = ChangelogProgress(width: 4)
        #expect(progress.finish() == "")
        #expect(progress.update(done: 1, total: 2) == "\r[##--] 1/2 commits")
        #expect(progress.update(done: 1, total: 2) == nil)
        #expect(progress.update(done: 2, total: 2) == "\r[####] 2/2 commits")
        #expect(progress.finish() == "\r" + String(repeating: " ", count: 18) + "\r")
    }
}
