import Testing
@testable import HCL

@Suite struct EncodingTests {
    @Test func invalidUTF8IsReportedAndReplaced() {
        let result = parse(Array("a = \"".utf8) + [0xFF] + Array("\"\nb = 1\n".utf8), fileName: "bad.tf")
        #expect(result.diagnostics == [Diagnostic(
            severity: .error, summary: "Invalid UTF-8",
            detail: "The file is not valid UTF-8 at this byte. Save the file as UTF-8; invalid bytes are read as U+FFFD.",
            fileName: "bad.tf", subject: SourceRange(1, 6, 5, 1, 7, 6))])
        #expect(dump(result.body) == "a = \"\u{FFFD}\"\nb = 1")
    }

    @Test func truncatedMultibyteSequenceAtEndOfFile() {
        let result = parse(Array("a = 1\n# é".utf8).dropLast(), fileName: "cut.tf")
        #expect(result.diagnostics.map(\.summary) == ["Invalid UTF-8"])
        #expect(result.diagnostics.first?.subject == SourceRange(2, 3, 8, 2, 4, 9))
        #expect(dump(result.body) == "a = 1")
    }

    @Test func nulInsideAStringIsReportedOnce() {
        let result = parse(Array("a = \"x".utf8) + [0] + Array("y\"\n".utf8), fileName: "nul.tf")
        #expect(result.diagnostics.map(\.summary) == ["Invalid character"])
        #expect(result.diagnostics.first?.subject == SourceRange(1, 7, 6, 1, 8, 7))
        #expect(dump(result.body) == "a = \"x\u{0}y\"")
    }

    @Test func nulBetweenTokensIsReportedWithTheSyntaxError() {
        let result = parse(Array("a = 1".utf8) + [0] + Array("\nb = 2\n".utf8), fileName: "nul.tf")
        #expect(result.diagnostics.map(\.summary) == ["Invalid character", "Missing newline after argument"])
        #expect(result.diagnostics.map(\.subject) == [SourceRange(1, 6, 5, 1, 7, 6), SourceRange(1, 6, 5, 1, 7, 6)])
        #expect(result.body.attributes.map(\.name) == ["a", "b"])
    }

    @Test func byteOrderMarkIsSkippedButCounted() {
        let result = parse([0xEF, 0xBB, 0xBF] + Array("a = 1\n".utf8), fileName: "bom.tf")
        #expect(result.diagnostics == [])
        #expect(result.body.attributes.first?.nameRange == SourceRange(1, 4, 3, 1, 5, 4))
    }

    @Test func crlfLineEndings() {
        let result = parse("a = 1\r\nb = \"x\"\r\nc {\r\n  d = 2\r\n}\r\n", fileName: "crlf.tf")
        #expect(result.diagnostics == [])
        #expect(dump(result.body) == "a = 1\nb = \"x\"\nc {\n  d = 2\n}")
        #expect(result.body.attributes[1].nameRange == SourceRange(2, 1, 7, 2, 2, 8))
        #expect(result.body.blocks[0].closeBraceRange == SourceRange(5, 1, 30, 5, 2, 31))
        #expect(result.comments == [])
    }

    @Test func loneCarriageReturnIsWhitespace() {
        let inString = parse("a = \"x\ry\"\n", fileName: "cr.tf")
        #expect(inString.diagnostics == [])
        #expect(dump(inString.body) == "a = \"x\ry\"")
        let betweenItems = parse("a = 1\rb = 2\n", fileName: "cr.tf")
        #expect(betweenItems.diagnostics.map(\.summary) == ["Missing newline after argument"])
        #expect(betweenItems.diagnostics.first?.subject == SourceRange(1, 7, 6, 1, 8, 7))
        let crAtEnd = parse("a = 1\r", fileName: "cr.tf")
        #expect(crAtEnd.diagnostics == [])
    }

    @Test func multibyteTextCountsColumnsInBytes() {
        let result = parse("é = \"ü\"\nb = 1\n", fileName: "u.tf")
        #expect(result.diagnostics == [])
        #expect(result.body.attributes[0].name == "é")
        #expect(result.body.attributes[0].expression.range == SourceRange(1, 6, 5, 1, 10, 9))
        #expect(result.body.attributes[1].nameRange == SourceRange(2, 1, 10, 2, 2, 11))
    }

    @Test func emptyAndWhitespaceOnlyFiles() {
        #expect(parse("", fileName: "e.tf").diagnostics == [])
        #expect(parse("", fileName: "e.tf").body.range == SourceRange(1, 1, 0, 1, 1, 0))
        #expect(parse("\n\n  \n# only a comment", fileName: "e.tf").diagnostics == [])
    }
}
