import Foundation
import Testing
@testable import HCL

/// A parse within the nesting limit never overflows the stack of the thread that asks for it,
/// however small: the native and JSON parsers run on a thread of their own with a large stack.
@Suite struct SmallStackTests {
    /// Runs `parse` on a thread with a 128 KiB stack (a dispatch worker has 512 KiB) and returns
    /// the summaries of its diagnostics.
    static func onSmallStack(_ parse: @escaping @Sendable () -> [Diagnostic]) -> [String] {
        final class Outcome: @unchecked Sendable { var summaries: [String] = [] }
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            outcome.summaries = parse().map(\.summary)
            done.signal()
        }
        thread.stackSize = 128 * 1024
        thread.start()
        done.wait()
        return outcome.summaries
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
