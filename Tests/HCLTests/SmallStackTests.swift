import Threading
import Testing
@testable import HCL

/// A parse within the nesting limit never overflows the stack of the thread that asks for it,
/// however small (a dispatch worker has 512 KiB): the native and JSON parsers parse within the
/// stack they have, and again on a thread with a large stack when a file nests deeper than it allows.
@Suite struct SmallStackTests {
    /// The summaries of `parse`'s diagnostics, parsed on a thread with a 128 KiB stack.
    static func onSmallStack(_ parse: () -> [Diagnostic]) -> [String] {
        LargeStackThread.run(stackSize: 128 * 1024) { parse().map(\.summary) }
    }

    @Test func nativeSyntaxNestedToTheLimitParsesOnASmallStack() {
        let source = "a = " + String(repeating: "[(", count: 99) + "1" + String(repeating: ")]", count: 99) + "\n"
        #expect(Self.onSmallStack { parse(source, fileName: "deep.tf").diagnostics } == [])
        let deeper = "a = " + String(repeating: "[", count: 5_000) + "\n"
        #expect(Self.onSmallStack { parse(deeper, fileName: "deeper.tf").diagnostics } == ["Nesting too deep"])
    }

    @Test func jsonNestedToTheLimitParsesOnASmallStack() {
        let source = String(repeating: "[", count: 256) + String(repeating: "]", count: 256)
        #expect(Self.onSmallStack { parseJSON(Array(source.utf8), fileName: "deep.tf.json").diagnostics } == [])
    }
}
