import Testing
@testable import Review

/// Handler rules beyond their examples: messages, identities, never a secret's value.
@Suite struct HandlerRuleTests {
    static func findings(_ ruleID: String, _ source: String, entryPoints: Set<String>? = nil) throws -> [Finding] {
        let rule = try #require(BuiltinRules.load().rules.first { $0.id == ruleID })
        var file = HandlerFile(path: "lambda/handler.py", bytes: Array(source.utf8), entryPoints: entryPoints ?? [])
        if entryPoints == nil { file.entryPoints = file.conventionalEntryPoints }
        return RuleRunner(ruleSet: RuleSet(rules: [rule]), today: "2026-06-01").handlerFindings(in: file)
    }

    @Test func everyPlaceholderIsFilledOnFailingExamples() {
        var unfilled: [String] = []
        let runner = RuleExampleRunner()
        for rule in BuiltinRules.load().rules where rule.appliesTo.contains(HandlerSubject.type) {
            for example in rule.examples.failing {
                let (files, _) = RuleExampleRunner.prepare(example, firstFile: "handler.py")
                for path in files.keys where path.hasSuffix(".py") {
                    var file = HandlerFile(path: path, bytes: Array((files[path] ?? "").utf8), entryPoints: [])
                    file.entryPoints = file.conventionalEntryPoints
                    let findings = RuleRunner(ruleSet: RuleSet(rules: [rule]), today: runner.today).handlerFindings(in: file)
                    #expect(!findings.isEmpty, "\(rule.id) found nothing in a failing example")
                    for finding in findings {
                        for message in [finding.message, finding.improvement] {
                            for name in BuiltinRuleMessagesTests.placeholders(in: message.template) where message.arguments[name] == nil {
                                unfilled.append("\(rule.id): {\(name)}")
                            }
                        }
                    }
                }
            }
        }
        #expect(Array(Set(unfilled)).sorted() == [])
    }

    @Test func secretFlowNamesTheVariableNeverTheValue() throws {
        let source = """
            import logging
            import os

            logger = logging.getLogger()
            API_TOKEN = os.environ["API_TOKEN"]

            def lambda_handler(event, context):
                header = "Bearer %s" % API_TOKEN
                parts = {"auth": header}
                logger.debug("calling with %s", parts)
                raise RuntimeError(f"rejected: {header}")

            """
        let findings = try Self.findings("lambda-handler-secret-flow", source)
        #expect(findings.map(\.message.plain) == [
            "The secret in `parts` reaches a log call in `lambda/handler.py::lambda_handler` at line 10",
            "The secret in `header` reaches an exception message in `lambda/handler.py::lambda_handler` at line 11",
        ])
        #expect(findings.map(\.attributePath) == ["log.parts", "exception.header"])
        #expect(findings.map { "\($0.span.start.line):\($0.span.start.column)-\($0.span.end.line):\($0.span.end.column)" } == ["10:5-10:43", "11:5-11:46"])
    }

    @Test func secretFlowStopsAtCallsThatDoNotPassTheValueOn() throws {
        let source = """
            import hashlib
            import logging
            import os

            logger = logging.getLogger()

            def lambda_handler(event, context):
                secret = os.environ.get("WEBHOOK_SECRET")
                digest = hashlib.sha256(secret.encode()).hexdigest()
                logger.info("digest %s, length %d", digest, len(secret))
                return {"statusCode": 200, "body": digest}

            """
        #expect(try Self.findings("lambda-handler-secret-flow", source).isEmpty)
    }

    @Test func hardcodedCredentialMessageDescribesTheLiteral() throws {
        let source = """
            CLIENT_SECRET = "9f8e7d6c5b4a39281706"
            KEY = "AKIAIOSFODNN7EXAMPLE"

            def lambda_handler(event, context):
                return connect(api_key="live-key-123")

            """
        let findings = try Self.findings("lambda-handler-hardcoded-credential", source)
        #expect(findings.map(\.message.plain) == [
            "`lambda/handler.py` holds a hard-coded credential in `CLIENT_SECRET` (a 20-character literal) at line 1",
            "`lambda/handler.py` holds a hard-coded credential in `literal` (an AWS access key id) at line 2",
            "`lambda/handler.py::lambda_handler` holds a hard-coded credential in `api_key` (a 12-character literal) at line 5",
        ])
        for finding in findings {
            #expect(!finding.message.plain.contains("9f8e7d6c") && !finding.message.plain.contains("AKIAIOSFODNN7") && !finding.message.plain.contains("live-key"))
        }
        #expect(findings.map(\.subject) == ["lambda/handler.py", "lambda/handler.py", "lambda/handler.py::lambda_handler"])
    }

    @Test func entryPointsComeFromTerraformElseFromTheEventContextShape() throws {
        let source = """
            def lambda_handler(event, context):
                return {"statusCode": 200, "body": {"ok": True}}

            def process(event, _context):
                return {"statusCode": 200, "body": {"ok": True}}

            def helper(event):
                return {"statusCode": 200, "body": {"ok": True}}

            """
        #expect(try Self.findings("lambda-handler-response-body", source).map(\.subject) == [
            "lambda/handler.py::lambda_handler", "lambda/handler.py::process",
        ])
        #expect(try Self.findings("lambda-handler-response-body", source, entryPoints: ["helper"]).map(\.subject) == [
            "lambda/handler.py::helper",
        ])
    }

    @Test func suppressionCommentAboveTheFunctionSilences() throws {
        let source = """
            # stackreview:ignore lambda-handler-print local debugging only exp:2026-12-31
            def lambda_handler(event, context):
                print("start")
                return {"statusCode": 200, "headers": {}, "body": "ok"}

            """
        let findings = try Self.findings("lambda-handler-print", source)
        #expect(findings.map(\.suppression?.reason) == ["local debugging only"])
    }

    @Test func riskyCallsAreNumberedFromTheSecondOccurrence() throws {
        let source = """
            import yaml
            from yaml import load

            def lambda_handler(event, context):
                first = yaml.load(event["a"])
                second = load(event["b"], Loader=yaml.Loader)
                third = load(event["c"], Loader=yaml.CSafeLoader)
                return first, second, third

            """
        let findings = try Self.findings("lambda-handler-yaml-load", source)
        #expect(findings.map(\.attributePath) == ["yaml.load", "yaml.load.2"])
        #expect(findings.map(\.span.start.line) == [5, 6])
    }
}
