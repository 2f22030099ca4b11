import Foundation
@testable import Review
import Testing
@testable import Reporting

@Suite struct MarkdownReportTests {
    @Test func fiveHundredFindingsFitInOneCommentAndSayWhatIsLeftOut() {
        let context = ReportContext(linkBase: "https://github.com/acme/shop", toolVersion: "0.1.0")
        let output = MarkdownReport().render(LargeReviewFixture.result(count: 500), context: context)
        #expect(output.utf8.count <= ReportContext.gitHubCommentLimit)
        #expect(output.contains("> **Shortened to fit one comment:**"))
        #expect(output.contains("The full report is in the job summary and the build artifact."))
        #expect(output.contains("more, not shown here"))
        // The count of items left out is exact: shown + left out = every listed item.
        let shown = output.components(separatedBy: "\n- ").count - 1 - output.components(separatedBy: "more, not shown here").count + 1
        let leftOutText = output.components(separatedBy: "**Shortened to fit one comment:** ")[1].prefix { $0 != " " }
        let leftOut = Int(leftOutText) ?? -1
        #expect(shown + leftOut == 500)
        #expect(output == MarkdownReport().render(LargeReviewFixture.result(count: 500), context: context))
    }

    @Test func reviewBodiesStayUnderTheLimitWithFiveHundredFindingsOutsideTheDiff() throws {
        let result = LargeReviewFixture.result(count: 500)
        let context = ReportContext(linkBase: "https://github.com/acme/shop", toolVersion: "0.1.0")
        let github = GitHubReviewReport().render(result, context: context)
        let review = try #require(try JSONSerialization.jsonObject(with: Data(github.utf8)) as? [String: Any])
        let body = try #require(review["body"] as? String)
        #expect(body.utf8.count <= ReportContext.gitHubCommentLimit)
        #expect(body.contains("The full report is in the job summary and the build artifact."))
        #expect(body.contains(" more, not shown here: the full list is in the job summary and the build artifact.\n"))
        #expect((review["comments"] as? [Any])?.isEmpty == true)
    }

    @Test func noFindingsGivesAShortReport() {
        let output = MarkdownReport().render(LargeReviewFixture.result(count: 0), context: ReportContext(toolVersion: "0.1.0"))
        #expect(output == """
            ## stackreview: review of `main..big`

            This change edits 0 files and touches 0 subjects in 1 module. It fixes 0 findings, introduces 0 and leaves 0 open. **It does not block:** nothing it introduces is at or above high.

            ## Key Metrics

            | Severity | Base | Head |
            |---|---:|---:|
            | 🔴 **critical** | 0 | 0 |
            | 🔴 **high** | 0 | 0 |
            | 🟠 **medium** | 0 | 0 |
            | 🟡 **low** | 0 | 0 |
            | ⚪ **info** | 0 | 0 |


            """)
    }

    @Test func oneFindingIsListedWithoutFolding() {
        let output = MarkdownReport().render(LargeReviewFixture.result(count: 1), context: ReportContext(toolVersion: "0.1.0"))
        #expect(output.contains("""
            ### 1. Infrastructure Architecture

            **Open Issues:**

            - 🔴 **high** · **new** · `aws_s3_bucket.bucket_0` has no server\\-side encryption configured for its objects — `infra/module_0/main.tf:1` · `rule-0`

            """) || output.contains("`aws_s3_bucket.bucket_0` has no server-side encryption configured for its objects — `infra/module_0/main.tf:1` · `rule-0`"))
        #expect(!output.contains("<details>"))
        #expect(output.contains("introduces 1 and leaves 0 open. **It blocks:** 1 introduced finding at or above high."))
    }

    @Test func longListsAreFoldedWithCounts() {
        let output = MarkdownReport().render(LargeReviewFixture.result(count: 66), context: ReportContext(toolVersion: "0.1.0"))
        #expect(output.contains("### 1. Infrastructure Architecture\n\n**Open Issues:**\n\n<details><summary>11 items (6 high, 5 low, 11 new)</summary>\n\n- 🔴 **high**"))
    }

    @Test(arguments: [(85.91, "85.91%"), (70, "70%"), (70.5, "70.5%"), (0.05, "0.05%"), (99.999, "100%")])
    func percentages(_ value: Double, _ text: String) {
        #expect(MarkdownReport.Document.percent(value) == text)
    }
}
