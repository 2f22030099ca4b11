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
