import Testing
@testable import HCL

@Suite struct JSONSyntaxTests {
    let text = "{\n\"resource\": {\"aws_s3_bucket\": {\"logs\": {\"bucket\": \"${var.name}-logs\", \"count\": 2}}},\n\"locals\": {\"a\": [1, true, null]},\n\"//\": \"note\"\n}\n"
    let schema = BlockSchema(blocks: [
        "resource": BlockTypeSchema(labelCount: 2),
        "locals": BlockTypeSchema(labelCount: 0),
    ])

    @Test func valueTreeHasRanges() throws {
        let result = parseJSON(Array(text.utf8), fileName: "main.tf.json")
        #expect(result.diagnostics == [])
        let root = try #require(result.value)
        #expect(root.range == SourceRange(1, 1, 0, 5, 2, 135))
        let members = try #require(root.members)
        #expect(members.map(\.name) == ["resource", "locals", "//"])
        #expect(members[0].nameRange == SourceRange(2, 1, 2, 2, 11, 12))
        #expect(root[member: "locals"]?[member: "a"] == JSONValue(.array([
            JSONValue(.number(1, text: "1"), range: SourceRange(3, 18, 104, 3, 19, 105)),
            JSONValue(.bool(true), range: SourceRange(3, 21, 107, 3, 25, 111)),
            JSONValue(.null, range: SourceRange(3, 27, 113, 3, 31, 117)),
        ]), range: SourceRange(3, 17, 103, 3, 32, 118)))
    }

    @Test func bodyFollowsTheSchema() throws {
        let (body, diagnostics) = parseJSON(Array(text.utf8), fileName: "main.tf.json").body(schema: schema)
        #expect(diagnostics == [])
        #expect(body.attributes == [])
        #expect(dump(body) == """
        resource "aws_s3_bucket" "logs" {
          bucket = (template ${var.name} '-logs')
          count = 2
        }
        locals {
          a = [1 true null]
        }
        """)
        let block = body.blocks[0]
        #expect(block.typeRange == SourceRange(2, 1, 2, 2, 11, 12))
        #expect(block.labelRanges == [SourceRange(2, 14, 15, 2, 29, 30), SourceRange(2, 32, 33, 2, 38, 39)])
        #expect(block.openBraceRange == SourceRange(2, 40, 41, 2, 41, 42))
        #expect(block.closeBraceRange == SourceRange(2, 81, 82, 2, 82, 83))
        #expect(block.range == SourceRange(2, 1, 2, 2, 82, 83))
        let bucket = try #require(block.body.attribute(named: "bucket"))
        #expect(bucket.expression.range == SourceRange(2, 51, 52, 2, 69, 70))
        #expect(bucket.expression.variables().map(\.rootRange) == [SourceRange(2, 54, 55, 2, 57, 58)])
        #expect(block.body.attribute(named: "count")?.expression == Expression(.literal(.number(2)), range: SourceRange(2, 80, 81, 2, 81, 82)))
    }

    @Test func arraysGiveSeveralBlocksAndNestedObjectsStayAttributes() {
        let json = #"{"variable": {"a": [{"default": 1}, {"default": {"k": "v"}}]}, "tags": {"x": "$${lit}"}}"#
        let (body, diagnostics) = parseJSON(Array(json.utf8), fileName: "v.tf.json").body(schema: BlockSchema(blocks: ["variable": BlockTypeSchema(labelCount: 1)]))
        #expect(diagnostics == [])
        #expect(dump(body) == """
        tags = {"x"="${lit}"}
        variable "a" {
          default = 1
        }
        variable "a" {
          default = {"k"="v"}
        }
        """)
    }

    @Test func wrongShapeForABlockIsReported() {
        let (body, diagnostics) = parseJSON(Array(#"{"resource": "nope"}"#.utf8), fileName: "r.tf.json").body(schema: schema)
        #expect(body.blocks == [])
        #expect(diagnostics == [Diagnostic(severity: .error, summary: "Incorrect JSON value type",
            detail: "A \"resource\" block needs an object whose keys are the block's labels here (or an array of such objects).",
            fileName: "r.tf.json", subject: SourceRange(1, 14, 13, 1, 20, 19), context: SourceRange(1, 2, 1, 1, 12, 11))])
    }

    @Test func stringEscapesAndNumbers() throws {
        let result = parseJSON(Array(#"["a\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00", -1.5e2, 0, 12345678901234567890]"#.utf8), fileName: "x.json")
        #expect(result.diagnostics == [])
        guard case .array(let values) = try #require(result.value).kind else { Issue.record("not an array"); return }
        #expect(values.map(\.kind) == [
            .string("a\"\\/\u{8}\u{c}\n\r\té😀"),
            .number(-150, text: "-1.5e2"),
            .number(0, text: "0"),
            .number(12345678901234567890.0, text: "12345678901234567890"),
        ])
    }

    @Test(arguments: [
        (#"{"a": }"#, "Invalid JSON value", SourceRange(1, 7, 6, 1, 8, 7)),
        (#"{"a": "x}"#, "Unterminated string", SourceRange(1, 7, 6, 1, 8, 7)),
        (#"{"a" 1}"#, "Missing colon", SourceRange(1, 6, 5, 1, 7, 6)),
        (#"{"a": 1 "b": 2}"#, "Missing comma or closing brace", SourceRange(1, 9, 8, 1, 10, 9)),
        (#"[1, 2"#, "Missing comma or closing bracket", SourceRange(1, 6, 5, 1, 6, 5)),
        (#"{"a": 01}"#, "Invalid number", SourceRange(1, 7, 6, 1, 9, 8)),
        (#"{} x"#, "Extraneous data after value", SourceRange(1, 4, 3, 1, 5, 4)),
        ("", "Empty JSON file", SourceRange(1, 1, 0, 1, 1, 0)),
        (#"{"a": tru}"#, "Invalid JSON keyword", SourceRange(1, 7, 6, 1, 8, 7)),
    ])
    func syntaxErrorsGiveOneDiagnostic(json: String, summary: String, subject: SourceRange) {
        let result = parseJSON(Array(json.utf8), fileName: "e.json")
        #expect(result.diagnostics.map(\.summary) == [summary])
        #expect(result.diagnostics.first?.subject == subject)
    }

    @Test func deepNestingIsReported() {
        let deep = String(repeating: "[", count: 10_000)
        let result = parseJSON(Array(deep.utf8), fileName: "deep.json")
        #expect(result.diagnostics.map(\.summary) == ["Nesting too deep"])
        #expect(result.diagnostics.first?.subject == SourceRange(1, 257, 256, 1, 258, 257))
    }

    @Test func byteOrderMarkIsSkipped() {
        let result = parseJSON([0xEF, 0xBB, 0xBF] + Array("{}".utf8), fileName: "b.json")
        #expect(result.diagnostics == [])
        #expect(result.value?.range == SourceRange(1, 4, 3, 1, 6, 5))
    }
}
