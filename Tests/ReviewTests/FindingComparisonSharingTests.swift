import Testing
@testable import Review

@Suite struct FindingComparisonSharingTests {
    static func finding(_ rule: String, _ subject: String, _ severity: Severity = .medium, line: Int = 1, directory: String = "") -> Finding {
        FindingComparisonTests.finding(rule, subject, severity, line: line).with(directory: directory)
    }

    /// Copies of one finding share their storage: the comparison takes such a finding as being
    /// on both sides, and looks up only the others' identities, among them the shared ones'.
    @Test func sharedFindingsAreOnBothSidesAndOthersAreLookedUp() {
        let shared = Self.finding("a", "aws_lambda_function.f", line: 3)
        let sharedElsewhere = Self.finding("a", "aws_lambda_function.f", line: 3, directory: "envs/prod")
        let base = [
            shared,
            sharedElsewhere,
            // Same identity as a shared finding, another storage: still open at head.
            Self.finding("a", "aws_lambda_function.f", line: 5),
            // Same shape as the shared findings (field lengths), another identity: fixed.
            Self.finding("b", "aws_lambda_function.g", line: 2),
            Self.finding("d", "aws_s3_bucket.gone", line: 20),
        ]
        let head = [
            Self.finding("c", "aws_s3_bucket.x", .high, line: 7),
            sharedElsewhere,
            // Same identity as a shared finding, another storage: not introduced.
            Self.finding("a", "aws_lambda_function.f", line: 9),
            shared,
            Self.finding("b", "aws_lambda_function.f", line: 4, directory: "envs/prod"),
        ]
        let comparison = FindingComparison(
            base: base, head: head, headSubjects: [SubjectKey(address: "aws_lambda_function.f"), SubjectKey(address: "aws_lambda_function.g")])
        #expect(comparison.introduced.map(\.identity.description) == ["c@aws_s3_bucket.x", "b@envs/prod:aws_lambda_function.f"])
        #expect(comparison.persisting.map(\.identity.description) == [
            "a@aws_lambda_function.f", "a@envs/prod:aws_lambda_function.f", "a@aws_lambda_function.f",
        ])
        #expect(comparison.persisting.map(\.span.start.line) == [3, 3, 9])
        #expect(comparison.resolved.map(\.identity.description) == ["b@aws_lambda_function.g"])
        #expect(comparison.removed.map(\.identity.description) == ["d@aws_s3_bucket.gone"])
        #expect(comparison.carriedIdentities.isEmpty)
    }

    /// With renames, identities are carried before they are compared, shared storage or not.
    @Test func renamesCarrySharedFindingsToo() {
        let shared = Self.finding("a", "aws_lambda_function.old")
        let comparison = FindingComparison(
            base: [shared], head: [shared, Self.finding("a", "aws_lambda_function.new", line: 2)], headSubjects: [],
            renames: ["aws_lambda_function.old": "aws_lambda_function.new"])
        #expect(comparison.introduced.map(\.identity.description) == ["a@aws_lambda_function.old"])
        #expect(comparison.persisting.map(\.identity.description) == ["a@aws_lambda_function.new"])
        #expect(comparison.removed.isEmpty && comparison.resolved.isEmpty)
        #expect(comparison.carriedIdentities.map(\.value.description) == ["a@aws_lambda_function.new"])
    }

    @Test func shapeCountsEachFieldsBytes() {
        let identity = FindingIdentity(ruleID: "rule", directory: "envs/é", subject: "x.y", attributePath: "")
        #expect(identity.shape == (4 << 48) ^ (7 << 32) ^ (3 << 16))
        #expect(Self.finding("rule", "x.y", directory: "envs/é").identityShape == identity.shape)
    }
}

@Suite struct FindingMessageTests {
    static let arguments = ["address": "aws_s3_bucket.logs", "days": "3", "value": "{days}"]

    /// The one-pass filling of ASCII templates, and the parts for other templates, give the same text.
    @Test(arguments: [
        ("`{address}` keeps logs for {days} days", "`aws_s3_bucket.logs` keeps logs for 3 days"),
        ("{unknown} and {address}", "{unknown} and aws_s3_bucket.logs"),
        ("open { only", "open { only"),
        ("{a{days}", "{a3"),
        ("close } first {days}{days}", "close } first 33"),
        ("{}", "{}"),
        ("not filled again: {value}", "not filled again: {days}"),
        ("{days", "{days"),
        ("é {days} ✓ {nope}", "é 3 ✓ {nope}"),
    ])
    func fillsPlaceholders(template: String, expected: String) {
        let message = FindingMessage(template: template, arguments: Self.arguments)
        #expect(message.plain == expected)
        let joined = message.parts.map { part -> String in
            switch part {
            case .text(let text), .argument(let text): return text
            }
        }.joined()
        #expect(joined == expected)
    }
}

extension Finding {
    /// A copy in `directory`.
    func with(directory: String) -> Finding {
        var copy = self
        copy.directory = directory
        return copy
    }
}
