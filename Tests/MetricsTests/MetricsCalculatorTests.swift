import Testing
@testable import Metrics

/// A pytest file with `count` tests, one `assert` each.
private func pytestFile(_ count: Int) -> String {
    (1...count).map { "def test_case_\($0)(event):\n    assert handler(event) == \($0)\n" }.joined(separator: "\n")
}

/// A jest file with one `describe` holding `count` tests, one `expect` each.
private func jestFile(_ subject: String, _ count: Int) -> String {
    var text = "import { Template } from 'aws-cdk-lib/assertions';\n\ndescribe('\(subject)', () => {\n"
    for index in 1...count {
        text += "  test('\(subject) check \(index)', () => {\n    expect(template.resourceCountIs('\(subject)', \(index))).toBeUndefined();\n  });\n"
    }
    return text + "});\n"
}

private let summary85_91 = #"{"total": {"lines": {"total": 1000, "covered": 859, "skipped": 0, "pct": 85.91}}}"#

@Test func seedStoryThreeUnitTestsToSixtySevenUnitAndTwentyFiveIntegration() {
    let base = [
        RevisionFile(path: "lib/tap_stack.tf", text: "resource \"aws_lambda_function\" \"f\" {}\n"),
        RevisionFile(path: "tests/test_handler.py", text: pytestFile(3)),
    ]
    let head = [
        RevisionFile(path: "lib/tap_stack.tf", text: "resource \"aws_lambda_function\" \"f\" {}\n"),
        RevisionFile(path: "tests/test_handler.py", text: pytestFile(3)),
        RevisionFile(path: "test/unit/lambda.test.ts", text: jestFile("lambda", 16)),
        RevisionFile(path: "test/unit/iam.test.ts", text: jestFile("iam", 16)),
        RevisionFile(path: "test/unit/s3.test.ts", text: jestFile("s3", 16)),
        RevisionFile(path: "test/unit/api.test.ts", text: jestFile("api", 16)),
        RevisionFile(path: "test/integration/stack.test.ts", text: jestFile("stack", 25)),
        RevisionFile(path: "test/terraform-utils.ts", text: "export const names = (s: string) => /^[a-z-]+$/.test(s);\n"),
        RevisionFile(path: "coverage/coverage-summary.json", text: summary85_91),
    ]
    let comparison = MetricsCalculator().comparison(base: base, head: head, coverageTarget: 70)
    #expect(comparison.base == TestMetrics(unitTests: 3, integrationTests: 0, assertions: 3, frameworks: ["pytest"], files: [
        TestFile(path: "tests/test_handler.py", framework: "pytest", kind: .unit, tests: 3, assertions: 3),
    ]))
    #expect(comparison.head.unitTests == 67)
    #expect(comparison.head.integrationTests == 25)
    #expect(comparison.head.totalTests == 92)
    #expect(comparison.head.assertions == 92)
    #expect(comparison.head.coverage == 85.91)
    #expect(comparison.head.coverageSource == "coverage/coverage-summary.json")
    #expect(comparison.head.frameworks == ["jest", "pytest"])
    #expect(comparison.head.files.map(\.path) == [
        "test/integration/stack.test.ts", "test/unit/api.test.ts", "test/unit/iam.test.ts", "test/unit/lambda.test.ts",
        "test/unit/s3.test.ts", "tests/test_handler.py",
    ])
    #expect(comparison.head.files.map(\.kind) == [.integration, .unit, .unit, .unit, .unit, .unit])
    #expect(comparison.coverageTarget == 70)
    #expect(comparison.addedTestFiles == [
        "test/integration/stack.test.ts", "test/unit/api.test.ts", "test/unit/iam.test.ts", "test/unit/lambda.test.ts",
        "test/unit/s3.test.ts",
    ])
}

@Test func firstCommitHasNoBaseAndAddsEveryTestFile() {
    let head = [RevisionFile(path: "pkg/a_test.go", text: "package a\nimport \"testing\"\nfunc TestA(t *testing.T) {}\n")]
    let comparison = MetricsCalculator().comparison(base: nil, head: head, coverageTarget: 80)
    #expect(comparison == MetricsComparison(
        base: nil,
        head: TestMetrics(unitTests: 1, frameworks: ["go"], files: [
            TestFile(path: "pkg/a_test.go", framework: "go", kind: .unit, tests: 1, assertions: 0, testsWithoutAssertions: ["TestA"]),
        ]),
        coverageTarget: 80, addedTestFiles: ["pkg/a_test.go"]))
}

@Test func coverageComesFromTheFirstReadableReportInPrecedence() {
    let files = [
        RevisionFile(path: "py/coverage.json", text: #"{"totals": {"percent_covered": 70.0}}"#),
        RevisionFile(path: "web/coverage/lcov.info", text: "LF:10\nLH:6\n"),
        RevisionFile(path: "coverage/lcov.info", text: "LF:10\nLH:5\n"),
        RevisionFile(path: "coverage/coverage-summary.json", text: "{\"total\": "),
        RevisionFile(path: "coverage.xml", text: "<coverage line-rate=\"0.9\"/>"),
    ]
    let metrics = MetricsCalculator().metrics(of: files)
    #expect(metrics.coverage == 50)
    #expect(metrics.coverageSource == "coverage/lcov.info")
    #expect(metrics.unreadableCoverageReports == [
        "coverage/coverage-summary.json: coverage/coverage-summary.json is not a JSON object; regenerate the coverage report.",
    ])
    #expect(metrics.files == [])
    #expect(metrics.frameworks == [])
}

@Test func noCoverageReportLeavesCoverageNil() {
    let metrics = MetricsCalculator().metrics(of: [RevisionFile(path: "test_a.py", text: "def test_a():\n    assert 1\n")])
    #expect(metrics == TestMetrics(unitTests: 1, assertions: 1, frameworks: ["pytest"], files: [
        TestFile(path: "test_a.py", framework: "pytest", kind: .unit, tests: 1, assertions: 1),
    ]))
}

@Test func megabyteFilesScanInLinearTime() throws {
    let analyzer = TestFileAnalyzer()
    var javaScript = ""
    for index in 0..<20_000 {
        javaScript += "it('case \(index)', () => { expect(\(index)).toBe(\(index)); }); // it('decoy')\n"
    }
    #expect(javaScript.utf8.count > 1_000_000)
    let jsFile = try #require(analyzer.analyze(path: "big.test.js", text: javaScript))
    #expect(jsFile.tests == 20_000)
    #expect(jsFile.assertions == 20_000)

    var python = ""
    for index in 0..<25_000 {
        python += "def test_\(index)():\n    assert f(\"\(index)\")  # assert\n"
    }
    #expect(python.utf8.count > 1_000_000)
    let pyFile = try #require(analyzer.analyze(path: "test_big.py", text: python))
    #expect(pyFile.tests == 25_000)
    #expect(pyFile.assertions == 25_000)

    let hostile = [
        ("hostile.test.ts", String(repeating: "`${", count: 350_000)),
        ("hostile2.test.ts", String(repeating: "/'\"(", count: 300_000)),
        ("test_hostile.py", String(repeating: "'''(\\\n", count: 200_000)),
        ("hostile_test.go", String(repeating: "func Test(t *testing.T) {/*", count: 40_000)),
    ]
    for (path, text) in hostile {
        #expect(text.utf8.count >= 1_000_000)
        let file = try #require(analyzer.analyze(path: path, text: text))
        #expect(file.tests == 0)
    }
}

@Test func randomSourceNeverTraps() {
    var generator = SplitMix(seed: 7)
    let alphabet = Array("it(test'\"`${}/*#\\\n\t describe.skip expect assert def class :Test func *testing.T[]".utf8)
    let paths = ["r.test.ts", "test_r.py", "r_test.go"]
    for round in 0..<300 {
        let length = Int(generator.next() % 400)
        let bytes = (0..<length).map { _ in
            generator.next() % 8 == 0 ? UInt8(truncatingIfNeeded: generator.next()) : alphabet[Int(generator.next() % UInt64(alphabet.count))]
        }
        let file = TestFileAnalyzer().analyze(path: paths[round % paths.count], bytes: bytes)
        #expect(file != nil)
        if let file { #expect(file.testsWithoutAssertions.count <= file.tests) }
    }
}
