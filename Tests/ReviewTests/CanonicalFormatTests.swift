import Testing
@testable import Review

/// `CanonicalFormat`: the exact text `terraform fmt` writes, case by case.
@Suite struct CanonicalFormatTests {
    static func formatted(_ text: String) -> String? {
        CanonicalFormat.format(Array(text.utf8)).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Canonical text with nested calls over lines, for expressions with conditions and
    /// dynamic blocks.
    static let canonicalModule = """
        locals {
          services = distinct(compact(concat(
            ["lambda.amazonaws.com"],
            [for s in var.extra : try(tostring(s), "")]
          )))

          principals = [
            for p in var.trusted : {
              type        = p.type
              identifiers = tolist(p.identifiers)
            }
            if !can(tostring(p))
          ]
        }

        data "aws_iam_policy_document" "d" {
          dynamic "statement" {
            for_each = var.statements

            content {
              sid       = lookup(statement.value, "sid", "")
              resources = flatten([for _, v in ["%v:*", "%v:*:*"] : format(v, local.arn)])
            }
          }
        }

        """

    static let cases: [(input: String, output: String)] = [
        // Consecutive one-line attributes: `=` aligned one space after the longest name.
        ("a = 1\nlonger_name = 2\n", "a           = 1\nlonger_name = 2\n"),
        // A blank line ends the alignment group.
        ("a = 1\n\nlonger_name = 2\n", "a = 1\n\nlonger_name = 2\n"),
        // Indentation: two spaces per level, whatever was there.
        ("resource \"a\" \"b\" {\n      x = 1\n  inner {\ny = 2\n    }\n}\n", "resource \"a\" \"b\" {\n  x = 1\n  inner {\n    y = 2\n  }\n}\n"),
        // Spaces around `=` and operators, none inside brackets or before commas.
        ("x=1+2*3\n", "x = 1 + 2 * 3\n"),
        ("x = f( a ,b )\n", "x = f(a, b)\n"),
        ("x = [ 1,2 ,3 ]\n", "x = [1, 2, 3]\n"),
        // Braces get a space inside, except an empty pair.
        ("x = {a=1}\ny = { }\n", "x = { a = 1 }\ny = {}\n"),
        // Unary minus and bang bind to their operand; binary minus is spaced.
        ("x = - 1\ny = ! var.enabled\nz = 3-1\n", "x = -1\ny = !var.enabled\nz = 3 - 1\n"),
        // Conditionals and for expressions.
        ("x = var.a?1:2\n", "x = var.a ? 1 : 2\n"),
        ("x = [for s in var.l: upper(s)]\n", "x = [for s in var.l : upper(s)]\n"),
        ("x = { for k, v in var.m: k => v }\n", "x = { for k, v in var.m : k => v }\n"),
        // Traversals, indexes and splats stay tight.
        ("x = var.list [0]\ny = aws_sqs_queue.q [ * ].arn\n", "x = var.list[0]\ny = aws_sqs_queue.q[*].arn\n"),
        // Templates: literal text is kept, spaces inside `${ }` go.
        ("x = \"a ${ var.b } c\"\n", "x = \"a ${var.b} c\"\n"),
        // Trailing spaces, and spaces on blank lines, are removed.
        ("x = 1   \n   \ny = 2\n", "x = 1\n\ny = 2\n"),
        // Trailing comments of consecutive lines are aligned.
        ("a = 1 # one\nlonger = 22 # two\n", "a      = 1  # one\nlonger = 22 # two\n"),
        // A comment line takes the indentation of its level.
        ("b {\n# note\n      x = 1\n}\n", "b {\n  # note\n  x = 1\n}\n"),
        // Multi-line collections: elements one level in, the closer back out.
        ("x = [\n\"a\",\n      \"b\",\n    ]\n", "x = [\n  \"a\",\n  \"b\",\n]\n"),
        // A multi-line value ends the group; the object's own lines form a new one.
        ("name = \"n\"\ntags = {\nTeam = \"t\"\nEnvironment = \"dev\"\n}\nx = 1\n",
         "name = \"n\"\ntags = {\n  Team        = \"t\"\n  Environment = \"dev\"\n}\nx = 1\n"),
        // A line opening two brackets indents once; closing both goes back once.
        ("policy = jsonencode({\nVersion = \"2012-10-17\"\n})\n", "policy = jsonencode({\n  Version = \"2012-10-17\"\n})\n"),
        // Heredoc lines are kept byte for byte; the attribute aligns with its neighbours.
        ("a = 1\npolicy = <<EOF\n  {\"x\":   1}\n    EOF\n", "a      = 1\npolicy = <<EOF\n  {\"x\":   1}\n    EOF\n"),
        ("x = <<-EOT\n     keep   ${ var.y }\n  EOT\n", "x = <<-EOT\n     keep   ${var.y}\n  EOT\n"),
        // `$${` is literal text.
        ("x = \"$${ a }\"\n", "x = \"$${ a }\"\n"),
        // Block comments are kept as written.
        ("/*  keep\n   this */\nx = 1\n", "/*  keep\n   this */\nx = 1\n"),
        // Function namespaces and ellipsis.
        ("x = provider::aws::arn_parse( var.a )\ny = max(var.l ...)\n", "x = provider::aws::arn_parse(var.a)\ny = max(var.l...)\n"),
        // Continuation lines without brackets stay at the attribute's level.
        ("x = var.a\n    ? 1\n    : 2\n", "x = var.a\n? 1\n: 2\n"),
        // Object keys written with a colon get a space on each side.
        ("x = {\"a\": 1}\n", "x = { \"a\" : 1 }\n"),
        // Legacy splats and empty strings stay tight.
        ("x = aws_sqs_queue.q.*.arn\ny = \"\"\n", "x = aws_sqs_queue.q.*.arn\ny = \"\"\n"),
        // Already canonical text is unchanged.
        (canonicalModule, canonicalModule),
        // Already canonical text is unchanged.
        ("resource \"aws_sqs_queue\" \"q\" {\n  name = \"q\"\n\n  tags = {}\n}\n", "resource \"aws_sqs_queue\" \"q\" {\n  name = \"q\"\n\n  tags = {}\n}\n"),
    ]

    @Test(arguments: cases)
    func formatsAsTerraformFmt(input: String, output: String) {
        #expect(Self.formatted(input) == output)
    }

    @Test(arguments: [
        "x = 1\r\ny = 2\r\n",          // carriage returns
        "x = \"${~ var.a ~}\"\n",      // strip markers
        "x = \"unterminated\n",        // a quoted string across lines
        "x = 1 @ 2\n",                 // not HCL
        "x = <<EOF\nno end\n",         // a heredoc without its marker
        "x = \"%{ if var.a }y%{ endif }\"\n", // template directives
    ])
    func declinesWhatItCannotFormatSurely(input: String) {
        #expect(Self.formatted(input) == nil)
    }

    @Test func findingCarriesTheExactReplacementLines() {
        let text = """
            resource "aws_sqs_queue" "orders" {
              name = "orders"
                visibility_timeout_seconds = 30
            }
            resource "aws_sqs_queue" "refunds" {
              name = "refunds"
            }

            """
        let findings = BuiltinRuleHarness.findings("terraform-fmt", ["main.tf": text])
        #expect(BuiltinRuleHarness.summary(findings) == [
            "main.tf:2:1 `aws_sqs_queue.orders` is not formatted as `terraform fmt` would write it (2 line(s) differ)",
        ])
        #expect(findings.first?.fix?.replacement == "  name                       = \"orders\"\n  visibility_timeout_seconds = 30")
        #expect(findings.first.map { "\($0.fix?.span.start.line ?? 0):\($0.fix?.span.start.column ?? 0)-\($0.fix?.span.end.line ?? 0):\($0.fix?.span.end.column ?? 0)" } == "2:1-3:36")
    }
}
