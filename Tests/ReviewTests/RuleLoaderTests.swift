import LinearRegex
import Testing
@testable import Review

@Suite struct RuleLoaderTests {
    static let tracingRule = """
        id: aws-lambda-tracing
        title: Lambda function has X-Ray tracing enabled
        severity: medium
        category: operational-excellence
        applies_to: [aws_lambda_function]
        message: "`{address}` does not enable X-Ray tracing"
        improvement: "Enabled X-Ray tracing on `{address}`"
        remediation: Add `tracing_config { mode = "Active" }`.
        references: { checkov: CKV_AWS_50, trivy: AVD-AWS-0066 }
        fix:
          add-to-block: |
            tracing_config {
              mode = "Active"
            }
        check:
          attribute: tracing_config.mode
          operator: equals
          value: Active
        examples:
          fail: |
            ⚑resource "aws_lambda_function" "f" {
              function_name = "f"
            }
          pass: |
            resource "aws_lambda_function" "f" {
              tracing_config { mode = "Active" }
            }
        """

    func load(_ text: String) throws(RuleLoadError) -> Rule {
        try RuleLoader().load(yaml: text, file: "rules/test.yml")
    }

    func loadError(_ text: String) -> RuleLoadError? {
        do {
            _ = try load(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func loadsEveryFieldOfARuleFile() throws {
        let rule = try load(Self.tracingRule)
        #expect(rule.id == "aws-lambda-tracing")
        #expect(rule.title == "Lambda function has X-Ray tracing enabled")
        #expect(rule.severity == .medium)
        #expect(rule.category == .operationalExcellence)
        #expect(rule.appliesTo == ["aws_lambda_function"])
        #expect(rule.message == "`{address}` does not enable X-Ray tracing")
        #expect(rule.improvement == "Enabled X-Ray tracing on `{address}`")
        #expect(rule.remediation == "Add `tracing_config { mode = \"Active\" }`.")
        #expect(rule.references == RuleReferences(checkov: ["CKV_AWS_50"], trivy: ["AVD-AWS-0066"]))
        #expect(rule.fix == SuggestedFix(placement: .addToBlock, text: "tracing_config {\n  mode = \"Active\"\n}\n"))
        #expect(rule.check == .declarative(.attribute(AttributeCondition(
            resourceTypes: .only(["aws_lambda_function"]), attribute: "tracing_config.mode",
            operator: .equals, value: .string("Active")))))
        #expect(rule.examples.failing == ["⚑resource \"aws_lambda_function\" \"f\" {\n  function_name = \"f\"\n}\n"])
        #expect(rule.examples.passing.count == 1)
        #expect(rule.file == "rules/test.yml")
    }

    @Test func unknownKeyNamesFileLineAndExpectedKeys() {
        let error = loadError(Self.tracingRule.replacingOccurrences(of: "severity: medium", with: "severity: medium\nseverty: high"))
        #expect(error?.description == "rules/test.yml:4:1: unknown key 'severty' in a rule; expected one of: applies_to, category, check, examples, fix, id, improvement, message, references, remediation, severity, title")
    }

    @Test func wrongValuesAreReportedWithTheirPosition() {
        #expect(loadError(Self.tracingRule.replacingOccurrences(of: "severity: medium", with: "severity: urgent"))?.description
            == "rules/test.yml:3:11: unknown severity 'urgent'; expected one of: critical, high, medium, low, info")
        #expect(loadError(Self.tracingRule.replacingOccurrences(of: "operator: equals", with: "operator: jsonpath_equals"))?.description
            == "rules/test.yml:17:13: the operator 'jsonpath_equals' is not supported: stackreview does not evaluate JSONPath; write the path with '.' and '*' and use 'equals'")
        #expect(loadError(Self.tracingRule.replacingOccurrences(of: "id: aws-lambda-tracing", with: "id: Lambda_Tracing"))?.description
            == "rules/test.yml:1:5: the id 'Lambda_Tracing' must be a lowercase slug such as aws-lambda-tracing (letters, digits and single dashes)")
        #expect(loadError(Self.tracingRule.replacingOccurrences(of: "⚑", with: ""))?.message
            == "every failing example needs the marker ⚑ where the finding starts")
        #expect(loadError("id: [unclosed")?.description == "rules/test.yml:2:1: invalid YAML: did not find expected ',' or ']'")
        #expect(loadError("")?.description == "rules/test.yml: the file is empty; a rule file is a YAML mapping with at least id, title, severity and check")
    }

    @Test func catastrophicRegexIsAcceptedBecauseMatchingIsLinear() throws {
        let text = Self.tracingRule
            .replacingOccurrences(of: "operator: equals", with: "operator: regex_match")
            .replacingOccurrences(of: "value: Active", with: "value: \"^(a+)+$\"")
        let rule = try load(text)
        guard case .declarative(.attribute(let condition)) = rule.check, case .string(let pattern)? = condition.value else {
            Issue.record("expected an attribute condition")
            return
        }
        let regex = try SafeRegex(pattern)
        #expect(!regex.matches(String(repeating: "a", count: 5_000) + "!"))
        #expect(regex.matches(String(repeating: "a", count: 5_000)))
    }

    @Test func backreferenceIsRejectedWithTheReason() {
        let text = Self.tracingRule
            .replacingOccurrences(of: "operator: equals", with: "operator: regex_match")
            .replacingOccurrences(of: "value: Active", with: "value: \"(a)\\\\1\"")
        #expect(loadError(text)?.description
            == "rules/test.yml:18:10: the regular expression '(a)\\1' cannot be used: backreferences (\\1) are not supported (they cannot run in linear time)")
    }

    @Test func checkovPolicyLoadsUnchanged() throws {
        let policy = """
            metadata:
              name: "Ensure every S3 bucket has versioning and a public access block"
              id: "CKV2_CUSTOM_7"
              category: "GENERAL_SECURITY"
              severity: HIGH
            scope:
              provider: aws
            definition:
              and:
                - cond_type: filter
                  attribute: resource_type
                  value: [aws_s3_bucket]
                  operator: within
                - cond_type: attribute
                  resource_types: [aws_s3_bucket]
                  attribute: versioning.enabled
                  operator: equals
                  value: true
                - cond_type: connection
                  resource_types: [aws_s3_bucket]
                  connected_resource_types: [aws_s3_bucket_public_access_block]
                  operator: exists
                - not:
                    cond_type: attribute
                    resource_types: all
                    attribute: tags.*
                    operator: is_empty
            """
        let rule = try RuleLoader().load(yaml: policy, file: "policies/s3.yaml")
        #expect(rule.id == "CKV2_CUSTOM_7")
        #expect(rule.severity == .high)
        #expect(rule.category == .securityHardening)
        #expect(rule.appliesTo == ["aws_s3_bucket"])
        #expect(rule.references.checkov == ["CKV2_CUSTOM_7"])
        #expect(rule.check == .declarative(.and([
            .filter(FilterCondition(attribute: "resource_type", operator: .within, values: [.string("aws_s3_bucket")])),
            .attribute(AttributeCondition(resourceTypes: .only(["aws_s3_bucket"]), attribute: "versioning.enabled", operator: .equals, value: .bool(true))),
            .connection(ConnectionCondition(resourceTypes: .only(["aws_s3_bucket"]), connectedResourceTypes: .only(["aws_s3_bucket_public_access_block"]), operator: .exists)),
            .not(.attribute(AttributeCondition(resourceTypes: .all, attribute: "tags.*", operator: .isEmpty, value: nil))),
        ])))
    }

    @Test func checkovPolicyWithUnsupportedPartNamesIt() {
        let policy = """
            metadata:
              name: "n"
              id: "CKV2_CUSTOM_8"
            definition:
              cond_type: resource_count
              resource_types: [aws_s3_bucket]
              operator: equals
              value: 1
            """
        do {
            _ = try RuleLoader().load(yaml: policy, file: "p.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "p.yaml:5:14: the condition type 'resource_count' is not supported; expected attribute, connection or filter")
        }
    }

    @Test func everyChekovOperatorNameIsKnown() {
        let names = [
            "equals", "not_equals", "exists", "not_exists", "any", "contains", "not_contains", "within", "not_within",
            "starting_with", "not_starting_with", "ending_with", "not_ending_with", "regex_match", "not_regex_match",
            "greater_than", "greater_than_or_equal", "less_than", "less_than_or_equal", "subset", "not_subset",
            "is_empty", "is_not_empty", "length_equals", "length_not_equals", "length_greater_than",
            "length_greater_than_or_equal", "length_less_than", "length_less_than_or_equal", "is_true", "is_false",
            "intersects", "not_intersects", "equals_ignore_case", "not_equals_ignore_case", "range_includes",
            "range_not_includes", "cidr_range_subset", "cidr_range_not_subset",
        ]
        #expect(names.filter { AttributeOperator(rawValue: $0) == nil } == [])
        #expect(AttributeOperator.allCases.count == names.count)
    }
}

@Suite struct CIDRBlockTests {
    @Test func containsChecksPrefixes() throws {
        let private10 = try #require(CIDRBlock("10.0.0.0/8"))
        #expect(private10.contains(try #require(CIDRBlock("10.1.2.0/24"))))
        #expect(!private10.contains(try #require(CIDRBlock("11.0.0.0/24"))))
        #expect(!private10.contains(try #require(CIDRBlock("0.0.0.0/0"))))
        #expect(try #require(CIDRBlock("0.0.0.0/0")).contains(private10))
        #expect(try #require(CIDRBlock("2001:db8::/32")).contains(try #require(CIDRBlock("2001:db8:1::/48"))))
        #expect(!(try #require(CIDRBlock("2001:db8::/32")).contains(try #require(CIDRBlock("::/0")))))
        #expect(CIDRBlock("10.0.0.256/8") == nil)
        #expect(CIDRBlock("10.0.0.0/33") == nil)
        #expect(CIDRBlock("1:2:3:4:5:6:7:8:9") == nil)
        #expect(CIDRBlock("::1")?.prefixLength == 128)
    }
}
