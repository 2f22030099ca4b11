import Foundation
import Git
@testable import Review
import Testing
import TestSupport
@testable import Reporting

/// Renders a report of crafted findings with GitHub's Markdown renderer and checks the HTML.
@Suite struct MarkdownRenderingTests {
    static let cmark = GitHubMarkdown.executable

    static func render(_ markdown: String) throws -> String { try GitHubMarkdown.html(markdown) }

    static func outsideCode(_ html: String) -> String { GitHubMarkdown.outsideCode(html) }

    static let attacks = [
        "[click](https://attacker.example/a)", "![pixel](https://attacker.example/p.png)", "<details>", "</details>",
        "<!-- hidden -->", "<img src=x onerror=alert(1)>", "@victim", "https://attacker.example/auto", "www.attacker.example",
        "**bold**", "# heading", "| a | b |", "``` fence", "line\n### injected heading", "<https://attacker.example/angle>",
        "a@attacker.example",
    ]

    static var craftedResult: ReviewResult {
        let span = SourceSpan(file: "infra/[x](https://attacker.example/f) <img>.tf", start: .init(line: 3, column: 1, offset: 20), end: .init(line: 3, column: 5, offset: 24))
        var findings: [Finding] = []
        for (index, attack) in attacks.enumerated() {
            findings.append(Finding(
                ruleID: "rule-\(index)", title: "t", severity: .high, category: ReportCategory.allCases[index % 6],
                subject: "aws_s3_bucket.b\(index)", attributePath: "",
                message: FindingMessage(template: "`{address}` is named {name} and `{name}`", arguments: ["address": "aws_s3_bucket.b\(index)", "name": attack]),
                improvement: FindingMessage(template: "fixed {name}", arguments: ["name": attack]), span: span,
                suppression: index == 0 ? Suppression(syntax: .stackreview, ruleReference: "rule-0", reason: attacks.joined(separator: " "), expires: nil, file: span.file, line: 2) : nil))
        }
        let base = ObjectID(hex: String(repeating: "a", count: 40))!
        let head = ObjectID(hex: String(repeating: "b", count: 40))!
        return ReviewResult(
            range: ResolvedRange(base: .commit(base), head: .commit(head), description: "main..[x](https://attacker.example/r) @victim"),
            changeSet: ChangeSet(base: .commit(base), head: .commit(head), description: "", files: []),
            modules: [], touched: [], baseFindings: [], headFindings: findings,
            comparison: FindingComparison(base: [], head: findings, headSubjects: []),
            problems: [ReviewProblem(file: "<details>.tf", line: 1, message: "crafted </details> @victim")])
    }

    @Test func craftedNamesRenderAsLiteralText() throws {
        guard Self.cmark != nil else {
            Issue.record("cmark-gfm is not installed: the rendering check did not run (apt-get install cmark-gfm)")
            return
        }
        let markdown = MarkdownReport().render(Self.craftedResult, context: ReportContext(linkBase: "https://github.com/acme/shop", toolVersion: "0.1.0"))
        let html = try Self.render(markdown)
        #expect(!html.contains("attacker.example/a\""))
        #expect(!html.contains("href=\"https://attacker"))
        #expect(!html.contains("href=\"http://www.attacker"))
        #expect(!html.contains("mailto:"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<!--"))
        #expect(!html.contains("<strong>bold</strong>"))
        #expect(!html.contains("<h1"))
        #expect(!html.contains("injected heading</h3>"))
        // Only the report's own <details>: one per folded list, none here (no list is longer than 10).
        #expect(!html.contains("<details>"))
        // Every link is one the report made: to the repository.
        let links = html.components(separatedBy: "<a href=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(!links.isEmpty)
        for link in links { #expect(link.hasPrefix("https://github.com/acme/shop/blob/"), "unexpected link \(link)") }
        // Mentions are broken by a zero-width joiner (GitHub makes no mentions inside code).
        #expect(!Self.outsideCode(html).contains("@victim"))
        #expect(html.contains("@\u{200D}victim"))
        // The structure: h3 sections, lists, the metrics table.
        #expect(html.contains("<h3>1. Infrastructure Architecture</h3>"))
        #expect(html.contains("<h3>6. Lambda Handler</h3>"))
        #expect(html.components(separatedBy: "<h3>").count - 1 == 6)
        #expect(html.contains("<ul>\n<li>"))
        #expect(html.contains("<table>"))
        // The literal text survives (escaped as HTML entities by the renderer).
        #expect(html.contains("[click](https://attacker.example/a)"))
        #expect(html.contains("&lt;details&gt;"))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(html.contains("<code>&lt;img src=x onerror=alert(1)&gt;</code>"))
    }

    @Test func foldedListsUseDetailsThatRender() throws {
        guard Self.cmark != nil else {
            Issue.record("cmark-gfm is not installed: the rendering check did not run (apt-get install cmark-gfm)")
            return
        }
        let markdown = MarkdownReport().render(LargeReviewFixture.result(count: 66), context: ReportContext(toolVersion: "0.1.0"))
        let html = try Self.render(markdown)
        #expect(html.contains("<details><summary>"))
        #expect(html.contains("</details>"))
        #expect(html.contains("<li>🔴 <strong>high</strong>"))
    }
}
