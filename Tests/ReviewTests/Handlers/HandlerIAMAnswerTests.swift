import HCL
@testable import Terraform
import Testing
@testable import Review

/// What a role's statements say about the actions its handler needs (worked out once per
/// question), and the subjects the role lookups find.
@Suite struct HandlerIAMAnswerTests {
    static func statement(_ effect: PolicyStatement.Effect?, actions: [String] = [], notActions: [String] = [], resource: String = "*") -> PolicyStatement {
        PolicyStatement(effect: effect, actions: actions, notActions: notActions, resources: [resource], file: "iam.tf", range: SourceRange(1, 1, 0, 1, 1, 0))
    }

    static let statements = [
        statement(.allow, actions: ["dynamodb:GetItem", "S3:*", "logs:CreateLogStream", "kms:Decrypt", "sqs:SendMessage", "ec2:DescribeInstances"]),
        statement(.deny, actions: ["dynamodb:PutItem"]),
    ]

    @Test func missingAndUnusedActions() {
        let answer = HandlerIAMCheck.answer(statements: Self.statements, needed: [
            ("dynamodb:GetItem", "dynamodb"), ("dynamodb:PutItem", "dynamodb"), ("s3:PutObject", "s3"),
        ])
        #expect(answer.missing == ["dynamodb:PutItem"])
        // `S3:*` covers the upload, `kms:Decrypt` is what S3 asks for on the caller's behalf, the
        // log action is the platform's and EC2 is not in the table.
        #expect(answer.unused == ["sqs:SendMessage"])
    }

    @Test func statementsDifferingOnlyInWhatTheAnswerDoesNotReadShareIt() {
        let needed = [("sqs:SendMessage", "sqs")]
        let first = HandlerIAMCheck.answer(statements: Self.statements, needed: needed)
        let elsewhere = Self.statements.map { statement in
            var moved = statement
            moved.resources = ["arn:aws:sqs:eu-west-1:123456789012:other"]
            moved.file = "modules/other/iam.tf"
            return moved
        }
        let second = HandlerIAMCheck.answer(statements: elsewhere, needed: needed)
        #expect(first.missing == [] && second.missing == [])
        #expect(first.unused == ["dynamodb:GetItem", "S3:*"] && second.unused == first.unused)
    }

    @Test func aDifferentQuestionGetsItsOwnAnswer() {
        let needed = [("dynamodb:PutItem", "dynamodb")]
        let denied = HandlerIAMCheck.answer(statements: Self.statements, needed: needed)
        let allowed = HandlerIAMCheck.answer(statements: [Self.statement(.allow, notActions: ["iam:*"])], needed: needed)
        let unknownEffect = HandlerIAMCheck.answer(statements: [Self.statement(nil, actions: ["dynamodb:*"])], needed: needed)
        #expect(denied.missing == ["dynamodb:PutItem"])
        #expect(allowed.missing == [] && allowed.unused == [])
        #expect(unknownEffect.missing == ["dynamodb:PutItem"] && unknownEffect.unused == [])
    }

    @Test func subjectsByGraphNodeAsASearchOfEverySubjectFindsThem() {
        let files = [
            "infra/main.tf": """
                resource "aws_iam_role" "counted" {
                  count = 2
                  name  = "r${count.index}"
                }

                resource "aws_iam_role" "single" {
                  name = "single"
                }

                resource "aws_iam_policy" "each" {
                  for_each = toset(["a", "b"])
                  name     = each.key
                  policy   = "{}"
                }

                module "svc" {
                  source = "./svc"
                }

                """,
            "infra/svc/main.tf": """
                resource "aws_iam_role" "single" {
                  name = "inner"
                }

                """,
        ]
        let module = ModuleLoader(source: InMemoryFileSource(files), cache: ParsedFileCache()).loadModule(at: "infra")
        let context = CheckContext(module: module, directory: "infra", configuration: Configuration())
        let nodes = ["aws_iam_role.counted", "aws_iam_role.single", "aws_iam_policy.each", "module.svc.aws_iam_role.single", "aws_iam_role.missing"]
        #expect(nodes.map { HandlerIAMCheck.subjects(atNode: $0, in: context).map(\.address) } == [
            ["aws_iam_role.counted[0]", "aws_iam_role.counted[1]"], ["aws_iam_role.single"],
            ["aws_iam_policy.each[\"a\"]", "aws_iam_policy.each[\"b\"]"], ["module.svc.aws_iam_role.single"], [],
        ])
        for node in nodes {
            #expect(HandlerIAMCheck.subjects(atNode: node, in: context).map(\.address) == context.subjectList.filter { $0.graphNode == node }.map(\.address), "\(node)")
        }
    }
}
