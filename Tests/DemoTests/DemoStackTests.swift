import Testing
@testable import Demo

@Suite struct DemoStackTests {
    @Test func threeCommitsInStoryOrder() {
        #expect(DemoStack.commits.map { $0.message.split(separator: "\n").first.map(String.init) } == [
            "Add the orders API: Lambda behind API Gateway",
            "Harden the orders API: least privilege, KMS, tracing, logging",
            "Let the orders function write reports to S3",
        ])
    }

    @Test func regressionEditsApply() throws {
        let main = DemoStack.regressedMain
        #expect(main.contains("Action   = [\"s3:*\"]"))
        #expect(!main.contains("tracing_config"))
        #expect(main.contains("REPORTS_BUCKET     = aws_s3_bucket.reports.bucket\n"))
        #expect(DemoStack.regressedHandler.contains("    print(\"stored order\", event)\n"))
        // Everything else is the hardened file, line for line.
        let hardenedLines = DemoStack.hardenedMain.split(separator: "\n", omittingEmptySubsequences: false)
        let regressedLines = main.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(regressedLines.count == hardenedLines.count + 5 - 4 + 1)
    }
}
