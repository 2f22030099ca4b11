import Metrics

/// Coverage below the configured target (at either revision, so raising it is an improvement).
struct CoverageBelowTargetCheck: TestSuiteCheck {
    let name = "coverage-below-target"

    func evaluate(_ facts: TestSuiteFacts) -> [TestSuiteVerdict] {
        guard let coverage = facts.current.coverage, let source = facts.current.coverageSource, coverage < facts.coverageTarget else { return [] }
        return [TestSuiteVerdict(file: source, line: 1, subject: "coverage", attribute: "", arguments: ["coverage": RuleRunner.percent(coverage)])]
    }
}

/// Coverage lower than at the base revision.
struct CoverageFallingCheck: TestSuiteCheck {
    let name = "coverage-falling"

    func evaluate(_ facts: TestSuiteFacts) -> [TestSuiteVerdict] {
        guard let now = facts.current.coverage, let before = facts.previous?.coverage, let source = facts.current.coverageSource,
              now + 0.005 < before else { return [] }
        return [TestSuiteVerdict(file: source, line: 1, subject: "coverage", attribute: "trend",
                                 arguments: ["coverage": RuleRunner.percent(now), "before": RuleRunner.percent(before)])]
    }
}

/// A change to Terraform or handler code with no change to any test.
struct TestsNotUpdatedCheck: TestSuiteCheck {
    let name = "tests-not-updated"

    func evaluate(_ facts: TestSuiteFacts) -> [TestSuiteVerdict] {
        guard let first = facts.changedSources.first, facts.changedTests.isEmpty else { return [] }
        return [TestSuiteVerdict(file: first, line: 1, subject: "tests", attribute: "updated",
                                 arguments: ["files": String(facts.changedSources.count)])]
    }
}

/// Unit tests but no integration test at all.
struct NoIntegrationTestsCheck: TestSuiteCheck {
    let name = "no-integration-tests"

    func evaluate(_ facts: TestSuiteFacts) -> [TestSuiteVerdict] {
        guard facts.current.integrationTests == 0, facts.current.unitTests > 0, let first = facts.current.files.first else { return [] }
        return [TestSuiteVerdict(file: first.path, line: 1, subject: "tests", attribute: "integration",
                                 arguments: ["unit": String(facts.current.unitTests)])]
    }
}

/// Test cases that assert nothing, one finding per file.
struct TestsWithoutAssertionsCheck: TestSuiteCheck {
    let name = "tests-without-assertions"

    func evaluate(_ facts: TestSuiteFacts) -> [TestSuiteVerdict] {
        facts.current.files.filter { !$0.testsWithoutAssertions.isEmpty }.map { file in
            TestSuiteVerdict(file: file.path, line: 1, subject: file.path, attribute: "assertions",
                             arguments: ["tests": file.testsWithoutAssertions.joined(separator: ", "), "count": String(file.testsWithoutAssertions.count)])
        }
    }
}

/// Fewer test cases than at the base revision.
struct FewerTestsCheck: TestSuiteCheck {
    let name = "fewer-tests"

    func evaluate(_ facts: TestSuiteFacts) -> [TestSuiteVerdict] {
        guard let before = facts.previous?.totalTests, facts.current.totalTests < before else { return [] }
        let anchor = facts.changedTests.first ?? facts.current.files.first?.path ?? facts.changedSources.first
        guard let anchor else { return [] }
        return [TestSuiteVerdict(file: anchor, line: 1, subject: "tests", attribute: "count",
                                 arguments: ["now": String(facts.current.totalTests), "before": String(before)])]
    }
}
