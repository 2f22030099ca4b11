import HCL
import Testing
@testable import Terraform

@Suite struct PolicyDocumentTests {
    static let jsonencodeText = """
        resource "aws_iam_policy" "p" {
          policy = jsonencode({
            Version = "2012-10-17"
            Statement = [
              {
                Sid      = "Read"
                Effect   = "Allow"
                Action   = ["s3:Get*", "s3:ListBucket"]
                Resource = [aws_s3_bucket.b.arn, "*"]
              },
              {
                Effect    = "Deny"
                NotAction = "iam:*"
                Resource  = "*"
                Condition = { Bool = { "aws:SecureTransport" = "false" } }
              },
            ]
          })
        }
        """

    @Test func jsonencodeDocument() throws {
        let module = load(["iam.tf": Self.jsonencodeText])
        let policies = PolicyDocumentReader(root: module).resourcePolicies()
        #expect(policies.map { "\($0.resourceAddress) \($0.attribute)" } == ["aws_iam_policy.p policy"])
        let document = try #require(policies.first?.document)
        #expect(document.version == "2012-10-17")
        #expect(document.statements.count == 2)
        let read = document.statements[0]
        #expect(read.sid == "Read")
        #expect(read.effect == .allow)
        #expect(read.actions == ["s3:Get*", "s3:ListBucket"])
        #expect(read.resources == ["*"])
        #expect(read.unknownReferences == ["aws_s3_bucket.b.arn"])
        #expect(read.range == SourceRange(5, 7, 107, 10, 8, 263))
        #expect(read.file == "iam.tf")
        #expect(read.wildcardActions == ["s3:Get*"])
        #expect(read.wildcardResources == ["*"])
        #expect(read.allows(action: "S3:GetObject"))
        #expect(!read.allows(action: "s3:PutObject"))
        let deny = document.statements[1]
        #expect(deny.effect == .deny)
        #expect(deny.notActions == ["iam:*"])
        #expect(deny.conditions == [PolicyCondition(test: "Bool", variable: "aws:SecureTransport", values: ["false"])])
        #expect(deny.range == SourceRange(11, 7, 271, 16, 8, 426))
        #expect(!deny.allows(action: "s3:GetObject"))
        #expect(!document.isWhollyKnown)
    }

    @Test func heredocDocumentKeepsStatementRanges() throws {
        let text = """
            resource "aws_s3_bucket_policy" "public" {
              bucket = "b"
              policy = <<EOF
            {
              "Version": "2012-10-17",
              "Statement": [
                {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"},
                {"Effect": "Allow", "Principal": {"AWS": ["*", "arn:aws:iam::1:root"]}, "Action": ["s3:*"], "Resource": "*"}
              ]
            }
            EOF
            }
            """
        let module = load(["bucket.tf": text])
        let document = try #require(PolicyDocumentReader(root: module).resourcePolicies().first?.document)
        try #require(document.statements.count == 2)
        #expect(document.statements.map(\.publicPrincipals) == [["*:*"], ["AWS:*"]])
        #expect(document.statements.map(\.range) == [SourceRange(7, 5, 125, 7, 100, 220), SourceRange(8, 5, 226, 8, 113, 334)])
        #expect(document.statements[1].principals == ["AWS": ["*", "arn:aws:iam::1:root"]])
        #expect(document.statements[1].allows(action: "s3:DeleteBucket"))
        #expect(document.isWhollyKnown)
    }

    @Test func quotedJSONStringWithEscapesFallsBackToAttributeRange() throws {
        let text = #"resource "aws_sqs_queue_policy" "q" { policy = "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"sqs:*\"}]}" }"#
        let module = load(["q.tf": text])
        let document = try #require(PolicyDocumentReader(root: module).resourcePolicies().first?.document)
        #expect(document.statements.map(\.actions) == [["sqs:*"]])
        #expect(document.statements.map(\.range) == [SourceRange(1, 48, 47, 1, 115, 114)])
    }

    @Test func policyDocumentDataSource() throws {
        let text = """
            variable "buckets" { default = ["a", "b"] }
            data "aws_iam_policy_document" "base" {
              statement {
                sid       = "Base"
                actions   = ["logs:CreateLogGroup"]
                resources = ["*"]
              }
              statement {
                sid       = "Shared"
                actions   = ["s3:ListBucket"]
                resources = ["*"]
              }
            }
            data "aws_iam_policy_document" "doc" {
              source_policy_documents = [data.aws_iam_policy_document.base.json]
              statement {
                sid     = "Shared"
                effect  = "Deny"
                actions = ["s3:DeleteBucket"]
                resources = ["*"]
              }
              dynamic "statement" {
                for_each = var.buckets
                content {
                  actions   = ["s3:GetObject"]
                  resources = ["arn:aws:s3:::${statement.value}/*"]
                  principals {
                    type        = "Service"
                    identifiers = ["lambda.amazonaws.com"]
                  }
                  condition {
                    test     = "StringEquals"
                    variable = "aws:SourceAccount"
                    values   = [var.account]
                  }
                }
              }
            }
            variable "account" { default = "123" }
            resource "aws_iam_role_policy" "r" {
              role   = "r"
              policy = data.aws_iam_policy_document.doc.json
            }
            """
        let module = load(["iam.tf": text])
        let reader = PolicyDocumentReader(root: module)
        let document = try #require(reader.resourcePolicies().first?.document)
        try #require(document.statements.count == 4)
        #expect(document.statements.map { $0.sid ?? "-" } == ["Base", "Shared", "-", "-"])
        #expect(document.statements.map(\.effect) == [.allow, .deny, .allow, .allow])
        #expect(document.statements.map(\.resources) == [["*"], ["*"], ["arn:aws:s3:::a/*"], ["arn:aws:s3:::b/*"]])
        #expect(document.statements[2].principals == ["Service": ["lambda.amazonaws.com"]])
        #expect(document.statements[2].conditions == [PolicyCondition(test: "StringEquals", variable: "aws:SourceAccount", values: ["123"])])
        #expect(document.statements.map(\.range.start.line) == [3, 16, 24, 24])
        #expect(document.statements[1].range == SourceRange(16, 3, 398, 21, 4, 513))
        #expect(document.isWhollyKnown)
        #expect(reader.dataSourceDocument(at: "data.aws_iam_policy_document.base")?.statements.count == 2)
    }

    @Test func overrideAndUnknownDocuments() throws {
        let text = """
            data "aws_iam_policy_document" "doc" {
              statement {
                sid     = "A"
                actions = ["s3:GetObject"]
              }
              override_policy_documents = [jsonencode({ Statement = [{ Sid = "A", Effect = "Allow", Action = "*", Resource = "*" }] })]
            }
            data "aws_iam_policy_document" "dyn" {
              dynamic "statement" {
                for_each = data.aws_s3_bucket.all.ids
                content { actions = ["s3:*"] }
              }
            }
            resource "aws_kms_key" "k" { policy = data.aws_iam_policy_document.doc.json }
            resource "aws_sns_topic_policy" "t" { policy = data.aws_iam_policy_document.dyn.json }
            resource "aws_iam_role" "r" { assume_role_policy = data.external.x.result }
            """
        let policies = PolicyDocumentReader(root: load(["iam.tf": text])).resourcePolicies()
        #expect(policies.map(\.resourceAddress) == ["aws_kms_key.k", "aws_sns_topic_policy.t", "aws_iam_role.r"])
        #expect(policies[0].document.statements.map(\.actions) == [["*"]])
        #expect(policies[0].document.statements.first?.hasWildcardAction == true)
        #expect(policies[1].document.statements.isEmpty)
        #expect(policies[1].document.unknownReferences == ["data.aws_s3_bucket.all.ids"])
        #expect(policies[2].document.unknownReferences == ["data.external.x.result"])
    }

    @Test(arguments: [
        ("*", "iam:PassRole", true), ("s3:*", "S3:GetObject", true), ("iam:Put*", "iam:PutRolePolicy", true),
        ("iam:Put*", "iam:GetRole", false), ("s3:Get?bject", "s3:GetObject", true), ("s3:GetObject", "s3:GetObjectAcl", false),
    ])
    func actionPatterns(pattern: String, action: String, expected: Bool) {
        #expect(PolicyStatement.pattern(pattern, matches: action) == expected)
    }

    @Test func lambdaPermissions() {
        let module = load(["l.tf": """
            resource "aws_lambda_permission" "any" {
              action        = "lambda:InvokeFunction"
              function_name = "f"
              principal     = "*"
            }
            """])
        #expect(module.lambdaPermissions.map(\.isPublic) == [true])
        #expect(module.lambdaPermissions.first?.principal?.range == SourceRange(4, 19, 123, 4, 22, 126))
    }
}

@Suite struct PartialPolicyDocumentTests {
    @Test func heredocWithUnknownInterpolationsKeepsKnownParts() throws {
        let text = """
            resource "aws_iam_role_policy" "r" {
              role   = "r"
              policy = <<-EOF
                {
                  "Version": "2012-10-17",
                  "Statement": [{
                    "Effect": "Allow",
                    "Action": ["s3:*"],
                    "Resource": ["${aws_s3_bucket.b.arn}/*", "arn:aws:s3:::${var.name}"]
                  }]
                }
              EOF
            }
            variable "name" { default = "fixed" }
            """
        let document = try #require(PolicyDocumentReader(root: load(["r.tf": text])).resourcePolicies().first?.document)
        #expect(document.statements.map(\.actions) == [["s3:*"]])
        #expect(document.statements.map(\.resources) == [["arn:aws:s3:::fixed"]])
        #expect(document.statements.map(\.unknownReferences) == [["aws_s3_bucket.b.arn"]])
        #expect(document.statements.map(\.range) == [SourceRange(3, 12, 63, 12, 6, 281)])
    }
}
