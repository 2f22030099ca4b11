import Review
import Testing
@testable import Reporting

@Suite struct ReporterGoldenTests {
    static let formats: [(OutputFormat, String)] = [
        (.markdown, "review.md"), (.githubReview, "github-review.json"), (.gitlab, "gitlab.json"), (.sarif, "review.sarif"),
        (.rdjson, "review.rdjson"), (.codeclimate, "codeclimate.json"), (.junit, "junit.xml"), (.text, "review.txt"),
    ]

    @Test(arguments: formats.map(\.1))
    func wholeOutputMatchesGolden(_ name: String) throws {
        let format = try #require(Self.formats.first { $0.1 == name }?.0)
        let reporter = try #require(format.reporter)
        let output = reporter.render(ReportFixture.result, context: ReportFixture.context())
        try Golden.check(output, against: name)
        let again = reporter.render(ReportFixture.result, context: ReportFixture.context())
        #expect(Array(output.utf8) == Array(again.utf8), "\(name) is not byte-identical between two renderings")
    }

    @Test func coloredTextMatchesGolden() throws {
        try Golden.check(ReviewTextReport().render(ReportFixture.result, context: ReportFixture.context(color: true)), against: "review-color.txt")
    }

    @Test func markdownWithoutLinkBaseWritesPlainLocations() throws {
        var context = ReportFixture.context()
        context.linkBase = nil
        let output = MarkdownReport().render(ReportFixture.result, context: context)
        #expect(!output.contains("https://github.com/acme"))
        #expect(output.contains("`infra/main.tf:12`"))
    }
}
