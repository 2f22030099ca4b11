import Testing
@testable import Review

@Suite struct SuppressionTests {
    @Test func readsEveryCommentForm() {
        let text = """
            # stackreview:ignore aws-lambda-tracing traced by the sidecar exp:2027-01-31
            resource "aws_lambda_function" "f" { # checkov:skip=CKV_AWS_50: traced elsewhere
              runtime = "python3.8" // tfsec:ignore:aws-lambda-enable-tracing
              #trivy:ignore:AVD-AWS-0066:exp:2026-12-01
            }
            # stackreview:ignore aws-iam-no-wildcard-actions
            plain = "# not a marker" # stackreview:ignore
            # stackreview:ignore some-rule reason exp:2026-13-01
            """
        let (suppressions, malformed) = SuppressionScanner.scan(text, file: "main.tf")
        #expect(suppressions == [
            Suppression(syntax: .stackreview, ruleReference: "aws-lambda-tracing", reason: "traced by the sidecar", expires: "2027-01-31", file: "main.tf", line: 1),
            Suppression(syntax: .checkov, ruleReference: "CKV_AWS_50", reason: "traced elsewhere", expires: nil, file: "main.tf", line: 2),
            Suppression(syntax: .tfsec, ruleReference: "aws-lambda-enable-tracing", reason: "", expires: nil, file: "main.tf", line: 3),
            Suppression(syntax: .trivy, ruleReference: "AVD-AWS-0066", reason: "", expires: "2026-12-01", file: "main.tf", line: 4),
            Suppression(syntax: .stackreview, ruleReference: "aws-iam-no-wildcard-actions", reason: "", expires: nil, file: "main.tf", line: 6),
        ])
        #expect(malformed.map(\.line) == [7, 8])
        #expect(malformed.map(\.reason) == [
            "stackreview:ignore names no rule; write `# stackreview:ignore <rule-id> <reason>`",
            "the expiry 'exp:2026-13-01' is not a date; write exp:YYYY-MM-DD",
        ])
    }

    @Test func matchesRulesByIdOrMappedIdsAndExpires() throws {
        let rule = try RuleLoader().load(yaml: RuleLoaderTests.tracingRule, file: "r.yml")
        let byID = Suppression(syntax: .stackreview, ruleReference: "aws-lambda-tracing", reason: "r", expires: "2026-11-24", file: "a", line: 1)
        #expect(byID.names(rule))
        #expect(byID.hasExpired(today: "2026-11-25"))
        #expect(!byID.hasExpired(today: "2026-11-24"))
        #expect(Suppression(syntax: .checkov, ruleReference: "CKV_AWS_50", reason: "r", expires: nil, file: "a", line: 1).names(rule))
        #expect(!Suppression(syntax: .checkov, ruleReference: "CKV_AWS_51", reason: "r", expires: nil, file: "a", line: 1).names(rule))
        #expect(Suppression(syntax: .trivy, ruleReference: "avd-aws-0066", reason: "", expires: nil, file: "a", line: 1).names(rule))
        #expect(!Suppression(syntax: .trivy, ruleReference: "avd-aws-0066", reason: "", expires: nil, file: "a", line: 1).hasReasonField)
    }
}

@Suite struct FindingComparisonTests {
    static func finding(_ rule: String, _ subject: String, _ severity: Severity = .medium, line: Int = 1, file: String = "main.tf") -> Finding {
        Finding(
            ruleID: rule, title: "t", severity: severity, category: .securityHardening, subject: subject,
            attributePath: "", message: FindingMessage(template: "m", arguments: [:]), improvement: FindingMessage(template: "i", arguments: [:]),
            span: SourceSpan(file: file, start: .init(line: line, column: 1, offset: 0), end: .init(line: line, column: 5, offset: 4)))
    }

    @Test func classifiesByIdentityNotByLine() {
        let base = [
            Self.finding("a", "aws_lambda_function.f", line: 3),
            Self.finding("b", "aws_lambda_function.f", line: 3),
            Self.finding("c", "aws_s3_bucket.gone", line: 20),
        ]
        let head = [
            Self.finding("a", "aws_lambda_function.f", line: 40),
            Self.finding("d", "aws_lambda_function.f", .high, line: 41),
        ]
        let comparison = FindingComparison(base: base, head: head, headSubjects: [SubjectKey(address: "aws_lambda_function.f")])
        #expect(comparison.introduced.map(\.identity.description) == ["d@aws_lambda_function.f"])
        #expect(comparison.persisting.map(\.span.start.line) == [40])
        #expect(comparison.resolved.map(\.identity.description) == ["b@aws_lambda_function.f"])
        #expect(comparison.removed.map(\.identity.description) == ["c@aws_s3_bucket.gone"])
        #expect(comparison.blocking(atOrAbove: .high).map(\.ruleID) == ["d"])
        #expect(comparison.blocking(atOrAbove: .critical).isEmpty)
    }

    @Test func movedBlocksAndRenamedFilesCarryIdentity() {
        let base = [
            Self.finding("a", "aws_lambda_function.old"),
            Self.finding("h", "lambda/old.py::handler", file: "lambda/old.py"),
            Self.finding("m", "module.net.aws_vpc.main"),
        ]
        let head = [
            Self.finding("a", "aws_lambda_function.new"),
            Self.finding("h", "lambda/new.py::handler", file: "lambda/new.py"),
            Self.finding("m", "module.network.aws_vpc.main"),
        ]
        let comparison = FindingComparison(
            base: base, head: head, headSubjects: [],
            renames: ["aws_lambda_function.old": "aws_lambda_function.new", "lambda/old.py": "lambda/new.py", "module.net": "module.network"])
        #expect(comparison.introduced.isEmpty)
        #expect(comparison.persisting.count == 3)
        #expect(comparison.resolved.isEmpty && comparison.removed.isEmpty)
    }

    @Test func suppressedFindingsDoNotBlock() {
        var finding = Self.finding("d", "x.y", .critical)
        finding.suppression = Suppression(syntax: .stackreview, ruleReference: "d", reason: "accepted", expires: nil, file: "main.tf", line: 1)
        let comparison = FindingComparison(base: [], head: [finding], headSubjects: [SubjectKey(address: "x.y")])
        #expect(comparison.introduced.count == 1)
        #expect(comparison.blocking(atOrAbove: .info).isEmpty)
    }
}

@Suite struct ConfigurationTests {
    @Test func readsEverySetting() throws {
        let configuration = try Configuration.load(yaml: """
            fail_on: medium
            rules:
              aws-lambda-vpc: off
              aws-lambda-tracing: critical
            paths:
              include: ["infra/**"]
              exclude: ["infra/legacy/**"]
            handlers:
              globs: ["functions/*/app.py"]
            coverage:
              target: 85.5
            logs:
              minimum_retention_days: 90
            rule_paths: [policies]
            """, file: ".stackreview.yml")
        #expect(configuration.failOn == .medium)
        #expect(configuration.rules == ["aws-lambda-vpc": .off, "aws-lambda-tracing": .severity(.critical)])
        #expect(configuration.includes("infra/main.tf"))
        #expect(!configuration.includes("infra/legacy/old.tf"))
        #expect(!configuration.includes("other/main.tf"))
        #expect(configuration.handlerGlobs.map(\.pattern) == ["functions/*/app.py"])
        #expect(configuration.coverageTarget == 85.5)
        #expect(configuration.minimumLogRetentionDays == 90)
        #expect(configuration.rulePaths == ["policies"])
        #expect(try Configuration.load(yaml: "fail_on: never", file: "c").failOn == nil)
    }

    @Test(arguments: [
        ("fail_on: sometimes", "c.yml:1:10: fail_on must be one of critical, high, medium, low, info or never, not 'sometimes'"),
        ("rules:\n  x: loud", "c.yml:2:6: the setting of rule 'x' must be off or a severity (critical, high, medium, low, info), not 'loud'"),
        ("coverage:\n  target: 170", "c.yml:2:11: coverage target must be a percentage from 0 to 100"),
        ("paths:\n  incude: [a]", "c.yml:2:3: unknown key 'incude' in paths; expected one of: exclude, include"),
        ("failon: high", "c.yml:1:1: unknown key 'failon' in the configuration; expected one of: coverage, fail_on, handlers, logs, naming, paths, rule_paths, rules"),
        ("- a\n- b", "c.yml:1:1: the configuration must be a mapping (key: value lines)"),
    ])
    func invalidFilesNameLineAndExpectation(text: String, message: String) {
        do {
            _ = try Configuration.load(yaml: text, file: "c.yml")
            Issue.record("expected an error for \(text)")
        } catch {
            #expect(error.description == message)
        }
    }
}

@Suite struct PathGlobTests {
    @Test(arguments: [
        ("infra/**", "infra/main.tf", true),
        ("infra/**", "infra/a/b/c.tf", true),
        ("infra/**", "other/infra/main.tf", false),
        ("**/*.tf", "main.tf", true),
        ("**/*.tf", "a/b/main.tf", true),
        ("*.py", "deep/down/handler.py", true),
        ("lambda/*.py", "lambda/sub/handler.py", false),
        ("lambda/**/*.py", "lambda/handler.py", true),
        ("lambda/**/*.py", "lambda/a/b/handler.py", true),
        ("src/h?ndler.py", "src/handler.py", true),
        ("src/[a-c]*.py", "src/bob.py", true),
        ("src/[!a-c]*.py", "src/bob.py", false),
        ("./infra/*.tf", "infra/x.tf", true),
    ])
    func matches(pattern: String, path: String, expected: Bool) {
        #expect(PathGlob(pattern).matches(path) == expected)
    }
}
