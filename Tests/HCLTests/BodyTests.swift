import Testing
@testable import HCL

@Suite struct BodyTests {
    let text = "a = 1\nresource \"aws_s3_bucket\" logs {\n  bucket = \"x\"\n}\n"

    @Test func attributeHasExactRanges() throws {
        let result = parse(text, fileName: "main.tf")
        #expect(result.diagnostics == [])
        let a = try #require(result.body.attribute(named: "a"))
        #expect(a.nameRange == SourceRange(1, 1, 0, 1, 2, 1))
        #expect(a.expression == Expression(.literal(.number(1)), range: SourceRange(1, 5, 4, 1, 6, 5)))
        #expect(a.range == SourceRange(1, 1, 0, 1, 6, 5))
        #expect(result.body.range == SourceRange(1, 1, 0, 5, 1, 55))
    }

    @Test func blockKeepsRangesOfTypeLabelsAndBraces() throws {
        let result = parse(text, fileName: "main.tf")
        let block = try #require(result.body.blocks.first)
        #expect(result.body.blocks.count == 1)
        #expect(block.type == "resource")
        #expect(block.labels == [
            BlockLabel(value: "aws_s3_bucket", range: SourceRange(2, 10, 15, 2, 25, 30), isQuoted: true),
            BlockLabel(value: "logs", range: SourceRange(2, 26, 31, 2, 30, 35), isQuoted: false),
        ])
        #expect(block.typeRange == SourceRange(2, 1, 6, 2, 9, 14))
        #expect(block.openBraceRange == SourceRange(2, 31, 36, 2, 32, 37))
        #expect(block.closeBraceRange == SourceRange(4, 1, 53, 4, 2, 54))
        #expect(block.range == SourceRange(2, 1, 6, 4, 2, 54))
        #expect(block.body.range == SourceRange(2, 32, 37, 4, 1, 53))
        #expect(block.body.attributes == [
            Attribute(name: "bucket", nameRange: SourceRange(3, 3, 40, 3, 9, 46),
                      expression: Expression(.literal(.string("x")), range: SourceRange(3, 12, 49, 3, 15, 52)),
                      range: SourceRange(3, 3, 40, 3, 15, 52)),
        ])
        #expect(result.text(of: block.headerRange) == "resource \"aws_s3_bucket\" logs {")
        #expect(result.text(of: block.range) == "resource \"aws_s3_bucket\" logs {\n  bucket = \"x\"\n}")
    }

    @Test func oneLineAndEmptyAndNestedBlocks() {
        let result = parse("""
        resource "aws_lambda_function" "f" {
          tracing_config { mode = "Active" }
          empty {}
          outer {
            inner "x" {
              deep = true
            }
          }
        }

        """, fileName: "main.tf")
        #expect(result.diagnostics == [])
        #expect(dump(result.body) == """
        resource "aws_lambda_function" "f" {
          tracing_config {
            mode = "Active"
          }
          empty {
          }
          outer {
            inner "x" {
              deep = true
            }
          }
        }
        """)
        let tracing = result.body.blocks[0].body.blocks[0]
        #expect(tracing.openBraceRange == SourceRange(2, 18, 54, 2, 19, 55))
        #expect(tracing.closeBraceRange == SourceRange(2, 36, 72, 2, 37, 73))
        #expect(tracing.body.attributes[0].range == SourceRange(2, 20, 56, 2, 35, 71))
    }

    @Test func accessorsFindAttributesAndBlocksByName() {
        let result = parse("b = 2\na = 1\nx {}\ny {}\nx \"l\" {}\n", fileName: "main.tf")
        #expect(result.body.attributes.map(\.name) == ["b", "a"])
        #expect(result.body[attribute: "a"]?.expression.kind == .literal(.number(1)))
        #expect(result.body.attribute(named: "zzz") == nil)
        #expect(result.body.blocks(ofType: "x").map(\.labelValues) == [[], ["l"]])
        #expect(result.body.firstBlock(ofType: "y")?.typeRange == SourceRange(4, 1, 17, 4, 2, 18))
    }

    @Test func threeCommentFormsAreRecordedAndSkipped() {
        let result = parse("# c\n// d\n/* e\nf */ x = 1 # tail\n", fileName: "main.tf")
        #expect(result.diagnostics == [])
        #expect(result.comments == [
            Comment(style: .hash, range: SourceRange(1, 1, 0, 1, 4, 3)),
            Comment(style: .doubleSlash, range: SourceRange(2, 1, 4, 2, 5, 8)),
            Comment(style: .block, range: SourceRange(3, 1, 9, 4, 5, 18)),
            Comment(style: .hash, range: SourceRange(4, 12, 25, 4, 18, 31)),
        ])
        #expect(result.body.attributes[0].nameRange == SourceRange(4, 6, 19, 4, 7, 20))
        #expect(result.text(of: result.comments[2].range) == "/* e\nf */")
    }

    @Test func duplicateAttributeIsReportedAndFirstKept() {
        let result = parse("a = 1\na = 2\n", fileName: "main.tf")
        #expect(result.diagnostics == [Diagnostic(
            severity: .error, summary: "Attribute redefined",
            detail: "The argument \"a\" was already set at line 1, column 1. Each argument may be set only once; remove one of them.",
            fileName: "main.tf", subject: SourceRange(2, 1, 6, 2, 2, 7))])
        #expect(result.body.attributes.map { dump($0.expression) } == ["1"])
    }

    @Test func quotedLabelRejectsInterpolation() {
        let result = parse("a \"${x}\" {}\n", fileName: "main.tf")
        #expect(result.diagnostics.map(\.summary) == ["Invalid block label"])
        #expect(result.diagnostics.first?.subject == SourceRange(1, 3, 2, 1, 9, 8))
        #expect(result.body.blocks.count == 1)
    }
}
