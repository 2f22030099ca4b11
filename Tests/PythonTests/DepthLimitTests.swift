import Testing
@testable import Python

@Suite("Nesting limit")
struct DepthLimitTests {
    let summary = "too many nested parentheses, brackets, expressions or blocks"

    @Test func deepParenthesesAreReportedAndLaterStatementsParse() {
        let source = String(repeating: "(", count: 300) + "1" + String(repeating: ")", count: 300) + "\ny = 2\n"
        let file = SourceFile(text: source)
        #expect(describe(file.diagnostics) == ["1:100@100-1:101@101 \(summary)"])
        #expect(file.diagnostics[0].detail == "The code nests more than 200 levels deep here, more than stackreview reads. Split it into smaller expressions or functions.")
        #expect(file.module.body.count == 1)
    }

    @Test func longUnaryChainsAreReported() {
        let file = SourceFile(text: "x = " + String(repeating: "-", count: 500) + "1\ny = 2\n")
        #expect(describe(file.diagnostics) == ["1:203@203-1:204@204 \(summary)"])
        #expect(file.module.body.count == 1)
    }

    @Test func deeplyNestedBlocksAreReportedAndLaterFunctionsParse() {
        var source = ""
        for level in 0..<250 { source += String(repeating: " ", count: level) + "if x:\n" }
        source += String(repeating: " ", count: 250) + "pass\ndef after(): pass\n"
        let file = SourceFile(text: source)
        #expect(describe(file.diagnostics) == ["201:203@21303-201:204@21304 \(summary)"])
        #expect(file.topLevelFunctions.map(\.name) == ["after"])
    }

    @Test func longOperatorChainsCountAsNesting() {
        let file = SourceFile(text: "x = " + Array(repeating: "a", count: 300).joined(separator: " + ") + "\n")
        #expect(describe(file.diagnostics) == ["1:802@802-1:803@803 \(summary)"])
    }

    @Test func aLevelsOperatorsStopCountingWhenALowerLevelTakesOver() {
        // In `a * b + a * b + …` each `*` counts only until its product is the left operand of a `+`.
        let fits = SourceFile(text: "x = " + Array(repeating: "a * b", count: 150).joined(separator: " + ") + "\n")
        #expect(fits.diagnostics == [])
        let deep = SourceFile(text: "x = " + Array(repeating: "a * b", count: 250).joined(separator: " + ") + "\n")
        #expect(describe(deep.diagnostics) == ["1:1598@1598-1:1599@1599 \(summary)"])
    }

    @Test func nestingJustUnderTheLimitParses() {
        let source = String(repeating: "[", count: 90) + String(repeating: "]", count: 90) + "\n"
        let file = SourceFile(text: source)
        #expect(file.diagnostics == [])
        var depth = 0
        var node = file.module.body.first.map { SyntaxNode.statement($0) }
        while let current = node {
            depth += 1
            node = current.children.first
        }
        #expect(depth == 91)
    }

    @Test func limitIsConfigurable() {
        let file = SourceFile(text: "x = [[[1]]]\n", maximumDepth: 4)
        #expect(describe(file.diagnostics) == ["1:6@6-1:7@7 \(summary)"])
        #expect(SourceFile(text: "x = [[[1]]]\n", maximumDepth: 8).diagnostics == [])
    }

    @Test func deeplyNestedFStringsAreBounded() {
        var source = "1"
        for _ in 0..<120 { source = "f'{" + source + "}'" }
        let file = SourceFile(text: "x = " + source + "\ny = 2\n")
        #expect(describe(file.diagnostics) == [
            "1:4@4-1:605@605 unterminated string literal",
            "1:156@156-1:157@157 f-string: expressions nested too deeply",
        ])
        #expect(file.module.body.count == 1)
    }
}
