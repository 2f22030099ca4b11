import Testing
@testable import HCL

@Suite struct RecoveryTests {
    @Test func brokenBlockBetweenTwoGoodOnes() {
        let text = "resource \"a\" \"one\" {\n  x = 1\n}\nresource \"b\" \"two\" {\n  y = = 2\n  w = 4\n}\nresource \"c\" \"three\" {\n  z = 3\n}\n"
        let result = parse(text, fileName: "main.tf")
        #expect(result.diagnostics == [Diagnostic(
            severity: .error, summary: "Invalid expression",
            detail: "Expected the start of an expression, but found an equals sign.",
            fileName: "main.tf", subject: SourceRange(5, 7, 58, 5, 8, 59))])
        #expect(dump(result.body) == """
        resource "a" "one" {
          x = 1
        }
        resource "b" "two" {
          y = <invalid>
          w = 4
        }
        resource "c" "three" {
          z = 3
        }
        """)
    }

    @Test func garbageLineInsideABlock() {
        let text = "a {\n  x = 1\n  @@@ what\n  y = 2\n}\nb {}\n"
        let result = parse(text, fileName: "main.tf")
        #expect(result.diagnostics.map(\.summary) == ["Argument or block definition required"])
        #expect(result.diagnostics.first?.subject == SourceRange(3, 3, 14, 3, 4, 15))
        #expect(result.diagnostics.first?.detail == "An argument or block definition is required here, but found the character \"@\". An argument is written as a name, \"=\" and a value; a block as a type, optional labels and a body in braces.")
        #expect(dump(result.body) == "a {\n  x = 1\n  y = 2\n}\nb {\n}")
    }

    @Test func blockHeaderWithoutBraceRecoversAtNextLine() {
        let result = parse("resource \"a\" \"b\"\n{\n}\nok = 1\n", fileName: "main.tf")
        #expect(result.diagnostics.map(\.summary) == ["Invalid block definition", "Argument or block definition required"])
        #expect(result.diagnostics.map(\.subject) == [SourceRange(1, 17, 16, 1, 18, 17), SourceRange(2, 1, 17, 2, 2, 18)])
        #expect(result.body.attribute(named: "ok") != nil)
    }

    @Test func brokenTupleRecoversAtItsClosingBracket() {
        let result = parse("a = [1, @, 3]\nb = 2\n", fileName: "main.tf")
        #expect(result.diagnostics.map(\.summary) == ["Invalid expression"])
        #expect(result.diagnostics.first?.subject == SourceRange(1, 9, 8, 1, 10, 9))
        #expect(result.body.attributes.map(\.name) == ["a", "b"])
    }

    @Test func unterminatedStringGivesOneDiagnostic() {
        let result = parse("a = \"abc\nb = 2\n", fileName: "main.tf")
        #expect(result.diagnostics == [Diagnostic(
            severity: .error, summary: "Unterminated template string",
            detail: "The quoted string that starts here has no closing quote before the end of the line. Add a closing \"\\\"\"; a string cannot span lines (use a heredoc for multi-line text).",
            fileName: "main.tf", subject: SourceRange(1, 5, 4, 1, 6, 5), context: SourceRange(1, 5, 4, 1, 9, 8))])
        #expect(dump(result.body) == "a = \"abc\"\nb = 2")
    }

    @Test func unterminatedHeredocGivesOneDiagnostic() {
        let result = parse("a = 1\nb = <<EOT\nfoo\n", fileName: "main.tf")
        #expect(result.diagnostics == [Diagnostic(
            severity: .error, summary: "Unterminated heredoc",
            detail: "There is no line holding only \"EOT\" to close the heredoc that starts here. Add that line where the text ends.",
            fileName: "main.tf", subject: SourceRange(2, 5, 10, 2, 10, 15))])
        #expect(dump(result.body) == "a = 1\nb = (template 'foo\n')")
    }

    @Test func unclosedInterpolationGivesOneDiagnostic() {
        let result = parse("a = \"${b\"\nc = 1\n", fileName: "main.tf")
        #expect(result.diagnostics.map(\.summary) == ["Unclosed template interpolation"])
        #expect(result.diagnostics.first?.subject == SourceRange(1, 6, 5, 1, 8, 7))
        #expect(result.diagnostics.first?.detail == "The interpolation \"${\" that starts here must end with \"}\", but found a quoted string.")
        #expect(result.body.attributes.map(\.name) == ["a", "c"])
    }

    @Test func unclosedTemplateIfGivesOneDiagnostic() {
        let result = parse("a = \"%{if b}x\"\n", fileName: "main.tf")
        #expect(result.diagnostics.map(\.summary) == ["Unclosed template if"])
        #expect(result.diagnostics.first?.subject == SourceRange(1, 6, 5, 1, 13, 12))
    }

    @Test func unclosedBlockGivesOneDiagnostic() {
        let result = parse("a {\n  b = 1\n", fileName: "main.tf")
        #expect(result.diagnostics == [Diagnostic(
            severity: .error, summary: "Unclosed configuration block",
            detail: "There is no closing brace for this block before the end of the file. Add a \"}\" to close it.",
            fileName: "main.tf", subject: SourceRange(1, 3, 2, 1, 4, 3))])
        #expect(dump(result.body) == "a {\n  b = 1\n}")
        #expect(result.body.blocks[0].closeBraceRange == SourceRange(3, 1, 12, 3, 1, 12))
    }

    @Test func unterminatedCommentGivesOneDiagnostic() {
        let result = parse("a = 1\n/* never closed\nb = 2\n", fileName: "main.tf")
        #expect(result.diagnostics == [Diagnostic(
            severity: .error, summary: "Unterminated comment",
            detail: "There is no \"*/\" to close the comment that starts here. Add \"*/\" where the comment should end.",
            fileName: "main.tf", subject: SourceRange(2, 1, 6, 2, 3, 8))])
        #expect(dump(result.body) == "a = 1")
    }

    /// Regression for the first fuzzing finding: a stray "]" at body level made recovery stop
    /// without consuming anything, and the body loop spun forever.
    @Test func fuzzRegressionStrayBracketAfterClosingBrace() {
        let result = parse("a {\n}]\nb = 2\n", fileName: "main.tf")
        #expect(result.diagnostics == [Diagnostic(
            severity: .error, summary: "Missing newline after block definition",
            detail: "A block definition must end with a newline, but found a closing bracket. Put the next argument or block on its own line.",
            fileName: "main.tf", subject: SourceRange(2, 2, 5, 2, 3, 6))])
        #expect(dump(result.body) == "b = 2\na {\n}")
    }

    @Test func strayClosersDoNotLoop() {
        let result = parse("] ) }\na = 1\n", fileName: "main.tf")
        #expect(result.diagnostics.map(\.summary) == ["Argument or block definition required", "Unexpected closing brace"])
        #expect(result.body.attributes.map(\.name) == ["a"])
    }

    @Test(arguments: [
        ("x = " + String(repeating: "[", count: 10_000)),
        ("x = " + String(repeating: "(", count: 10_000)),
        ("x = " + String(repeating: "{a=", count: 10_000)),
        ("x = " + String(repeating: "!", count: 10_000) + "a"),
        ("x = " + String(repeating: "-", count: 10_000) + "1"),
        ("x = " + String(repeating: "\"${", count: 10_000)),
        ("x = " + String(repeating: "f(", count: 10_000)),
        (String(repeating: "a {\n", count: 10_000)),
        ("x = " + String(repeating: "a ? b : ", count: 10_000) + "c"),
        ("x = 1" + String(repeating: " * 2", count: 10_000)),
        ("x = a" + String(repeating: ".*.b[*]", count: 10_000)),
    ])
    func deepNestingGivesOneDiagnosticQuickly(text: String) {
        let clock = ContinuousClock()
        var result: ParseResult?
        let elapsed = clock.measure { result = parse(text, fileName: "deep.tf") }
        #expect(elapsed < .seconds(2))
        #expect(result?.diagnostics.map(\.summary) == ["Nesting too deep"])
    }

    @Test func nestingLimitReportsWhereItWasPassed() {
        let result = parse("x = " + String(repeating: "[", count: 1_000), fileName: "deep.tf")
        #expect(result.diagnostics.first?.subject == SourceRange(1, 205, 204, 1, 206, 205))
        #expect(result.diagnostics.first?.detail == "Blocks, brackets, parentheses, templates or operators are nested more than 200 levels deep here. Flatten the structure; the rest of the file was not read.")
    }

    @Test func longFlatInputsStayFast() {
        let clock = ContinuousClock()
        let traversal = "x = a" + String(repeating: ".b", count: 50_000) + "\n"
        let sum = "x = 1" + String(repeating: " + 1", count: 50_000) + "\n"
        let indexes = "x = a" + String(repeating: "[b]", count: 50_000) + "\n"
        let splats = "x = a" + String(repeating: "[*]", count: 50_000) + "\n"
        let attributes = (0..<20_000).map { "a\($0) = \($0)\n" }.joined()
        let elapsed = clock.measure {
            #expect(parse(traversal, fileName: "t.tf").diagnostics == [])
            // Long operator and index chains build deep trees: they count against the nesting limit.
            #expect(parse(sum, fileName: "t.tf").diagnostics.map(\.summary) == ["Nesting too deep"])
            #expect(parse(indexes, fileName: "t.tf").diagnostics.map(\.summary) == ["Nesting too deep"])
            #expect(parse(splats, fileName: "t.tf").diagnostics.map(\.summary) == ["Nesting too deep"])
            #expect(parse(attributes, fileName: "t.tf").body.attributes.count == 20_000)
        }
        #expect(elapsed < .seconds(5))
    }
}
