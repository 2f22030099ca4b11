import Git
@testable import Review

/// A review with `count` introduced findings spread over the six sections and four severities.
enum LargeReviewFixture {
    static func result(count: Int) -> ReviewResult {
        let severities: [Severity] = [.high, .medium, .low, .info]
        let findings = (0..<count).map { index -> Finding in
            let line = index + 1
            let span = SourceSpan(file: "infra/module_\(index % 7)/main.tf", start: .init(line: line, column: 1, offset: line * 40),
                                  end: .init(line: line, column: 30, offset: line * 40 + 29))
            return Finding(
                ruleID: "rule-\(index % 13)", title: "Title", severity: severities[index % 4],
                category: ReportCategory.allCases[index % 6], subject: "aws_s3_bucket.bucket_\(index)", attributePath: "",
                message: FindingMessage(template: "`{address}` has no server-side encryption configured for its objects", arguments: ["address": "aws_s3_bucket.bucket_\(index)"]),
                improvement: FindingMessage(template: "Encrypted `{address}`", arguments: ["address": "aws_s3_bucket.bucket_\(index)"]), span: span)
        }
        let base = ObjectID(hex: String(repeating: "a", count: 40))!
        let head = ObjectID(hex: String(repeating: "b", count: 40))!
        return ReviewResult(
            range: ResolvedRange(base: .commit(base), head: .commit(head), description: "main..big"),
            changeSet: ChangeSet(base: .commit(base), head: .commit(head), description: "main..big", files: []),
            modules: ["infra"], touched: [], baseFindings: [], headFindings: findings,
            comparison: FindingComparison(base: [], head: findings, headSubjects: []), problems: [])
    }
}
