import Threading
import Testing
@testable import Python

/// A parse within the nesting limit never overflows the stack of the thread that asks for it,
/// however small (a dispatch worker has 512 KiB): the parser runs on a thread with a large stack.
@Suite struct SmallStackTests {
    /// Parses `source` on a thread with a 128 KiB stack and returns the diagnostics' summaries and lines.
    static func parseOnSmallStack(_ source: String) -> [String] {
        LargeStackThread.run(stackSize: 128 * 1024) {
            SourceFile(text: source).diagnostics.map { "\($0.range.start.line): \($0.summary)" }
        }
    }

    @Test func dictionaryUnpackingNestedToTheLimitParsesOnASmallStack() {
        // Each `{**` level goes through every precedence level of the expression grammar: the
        // deepest recursion the limit allows.
        let source = "x = " + String(repeating: "{**", count: 199) + "{}" + String(repeating: "}", count: 199) + "\n"
        #expect(Self.parseOnSmallStack(source) == ["1: too many nested parentheses, brackets, expressions or blocks"])
    }

    @Test func nestingPastTheLimitIsReportedOnASmallStack() {
        let source = "x = " + String(repeating: "{**", count: 2_000) + "\n"
        let diagnostics = Self.parseOnSmallStack(source)
        #expect(diagnostics.filter { $0.hasSuffix("too many nested parentheses, brackets, expressions or blocks") }.count == 1)
    }
}

/// A file that nests deeper than the calling thread's stack allows is parsed again on a large
/// stack, to the same tree and diagnostics as a parse that started there.
@Suite struct CallingThreadParseTests {
    /// The tree and diagnostics of `source` parsed on a thread with a `stackSize` stack.
    static func parse(_ source: String, stackSize: Int) -> (Module, [String]) {
        LargeStackThread.run(stackSize: stackSize) {
            let file = SourceFile(text: source)
            return (file.module, file.diagnostics.map { "\($0.range.start.line): \($0.summary): \($0.detail)" })
        }
    }

    @Test(arguments: [
        // Nesting an expression.
        "x = " + String(repeating: "[", count: 150) + String(repeating: "]", count: 150) + "\n",
        // Nesting inside an f-string's replacement field (parsed by a parser of its own).
        "x = f\"{" + String(repeating: "[", count: 150) + String(repeating: "]", count: 150) + "}\"\n",
        // Past the limit: reported with the full limit, not the calling thread's.
        "x = " + String(repeating: "(", count: 250) + "1" + String(repeating: ")", count: 250) + "\ny = 2\n",
    ])
    func deepNestingOnADispatchSizedStackMatchesALargeStack(source: String) {
        let small = Self.parse(source, stackSize: 512 * 1024)
        let large = Self.parse(source, stackSize: 64 * 1024 * 1024)
        #expect(small.0 == large.0)
        #expect(small.1 == large.1)
    }

    @Test func theLimitIsReportedWithTheFullDepth() {
        let source = "x = f\"{" + String(repeating: "(", count: 250) + "1" + String(repeating: ")", count: 250) + "}\"\n"
        let (_, diagnostics) = Self.parse(source, stackSize: 512 * 1024)
        #expect(diagnostics == [
            "1: too many nested parentheses, brackets, expressions or blocks: The code nests more than 200 levels deep here, more than stackreview reads. Split it into smaller expressions or functions.",
        ])
    }
}
