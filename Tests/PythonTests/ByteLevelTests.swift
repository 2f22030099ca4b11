import Testing
@testable import Python

@Suite("Byte-level oddities: BOM, line endings, NUL, invalid UTF-8, tabs")
struct ByteLevelTests {
    @Test func byteOrderMarkIsNotCountedInColumns() {
        let file = SourceFile(bytes: [0xEF, 0xBB, 0xBF] + Array("x = 1\n".utf8))
        #expect(file.diagnostics == [])
        #expect(file.module.body.first?.range == SourceRange(1, 0, 3, 1, 5, 8))
    }

    @Test func crlfLineEndingsAndMultibyteColumns() {
        let file = SourceFile(bytes: Array("x = 1\r\nif y:\r\n    z = 'é'\r\n".utf8))
        #expect(file.diagnostics == [])
        #expect(TreeRendering.render(file) == """
        Assign 1:0-1:5
          Name x Store 1:0-1:1
          Constant 1 1:4-1:5
        If 2:0-3:12
          Name y Load 2:3-2:4
          Assign 3:4-3:12
            Name z Store 3:4-3:5
            Constant 'é' 3:8-3:12
        """)
        guard case .if(_, let body, _)? = file.module.body.last?.kind,
              case .assign(_, let value)? = body.first?.kind else {
            Issue.record("unexpected shape")
            return
        }
        #expect(value.range == SourceRange(3, 8, 22, 3, 12, 26))
    }

    @Test func loneCarriageReturnEndsLines() {
        let file = SourceFile(bytes: Array("x = 1\ry = 2\r".utf8))
        #expect(file.diagnostics == [])
        #expect(file.module.body.map(\.range) == [SourceRange(1, 0, 0, 1, 5, 5), SourceRange(2, 0, 6, 2, 5, 11)])
    }

    @Test func crlfInsideStringsDecodesToNewline() {
        let file = SourceFile(bytes: Array("s = '''a\r\nb'''\n".utf8))
        #expect(file.stringConstants.map(\.value) == ["a\nb"])
    }

    @Test func nulByteIsReportedAndSkipped() {
        let file = SourceFile(bytes: Array("x = 1\0\ny = 2\n".utf8))
        #expect(describe(file.diagnostics) == ["1:5@5-1:6@6 source code cannot contain null bytes"])
        #expect(file.module.body.count == 2)
    }

    @Test func invalidUTF8IsReportedOnceAndParsingContinues() {
        let file = SourceFile(bytes: Array("s = '".utf8) + [0xFF, 0xFE] + Array("'\ncafé = 2\n".utf8))
        #expect(describe(file.diagnostics) == ["1:5@5-1:6@6 invalid UTF-8 in source"])
        #expect(file.diagnostics[0].detail == "The file is not valid UTF-8 (byte 0xFF at offset 5). Save the file as UTF-8; names and strings around this byte may be read wrongly.")
        #expect(file.stringConstants.map(\.value) == ["\u{FFFD}\u{FFFD}"])
        guard case .assign(let targets, _)? = file.module.body.last?.kind else {
            Issue.record("unexpected shape")
            return
        }
        #expect(targets.first?.kind == .name("café", .store))
        #expect(targets.first?.range == SourceRange(2, 0, 9, 2, 5, 14))
    }

    @Test(arguments: [[0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0x80]] as [[UInt8]])
    func overlongSurrogateAndTruncatedSequencesAreInvalid(_ sequence: [UInt8]) {
        let file = SourceFile(bytes: Array("# ".utf8) + sequence + Array("\nx = 1\n".utf8))
        #expect(describe(file.diagnostics) == ["1:2@2-1:3@3 invalid UTF-8 in source"])
        #expect(file.module.body.count == 1)
    }

    @Test func tabsIndentToMultiplesOfEight() {
        let file = SourceFile(text: "if x:\n\ty = 1\n\tif z:\n\t\tpass\n")
        #expect(file.diagnostics == [])
        #expect(TreeRendering.render(file) == """
        If 1:0-4:6
          Name x Load 1:3-1:4
          Assign 2:1-2:6
            Name y Store 2:1-2:2
            Constant 1 2:5-2:6
          If 3:1-4:6
            Name z Load 3:4-3:5
            Pass 4:2-4:6
        """)
    }

    @Test func inconsistentTabsAndSpacesAreReported() {
        let file = SourceFile(text: "if x:\n\ty = 1\n        z = 2\n")
        #expect(describe(file.diagnostics) == ["3:0@13-3:8@21 inconsistent use of tabs and spaces in indentation"])
        #expect(file.module.body.count == 1)
    }

    @Test func emptyAndWhitespaceOnlyFiles() {
        for source in ["", "\n", "   ", "# comment only", "\n\n  \n\t\n", "\u{FEFF}"] {
            let file = SourceFile(text: source)
            #expect(file.diagnostics == [], "\(source.debugDescription)")
            #expect(file.module.body == [])
        }
    }

    @Test func explicitLineContinuation() {
        let file = SourceFile(text: "x = 1 + \\\n    2\nif a and \\\r\n   b:\n    pass\n")
        #expect(file.diagnostics == [])
        #expect(TreeRendering.render(file) == """
        Assign 1:0-2:5
          Name x Store 1:0-1:1
          BinOp Add 1:4-2:5
            Constant 1 1:4-1:5
            Constant 2 2:4-2:5
        If 3:0-5:8
          BoolOp And 3:3-4:4
            Name a Load 3:3-3:4
            Name b Load 4:3-4:4
          Pass 5:4-5:8
        """)
    }

    @Test func backslashNotAtLineEndIsReported() {
        let file = SourceFile(text: "x = 1 \\ 2\ny = 3\n")
        #expect(describe(file.diagnostics) == ["1:6@6-1:7@7 unexpected character after line continuation character"])
        #expect(file.module.body.count == 1)
    }
}
