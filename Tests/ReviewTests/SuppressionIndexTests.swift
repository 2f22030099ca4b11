import Testing
@testable import Review

@Suite struct SuppressionIndexTests {
    /// Lines are found on bytes, and must be exactly the lines a split on characters gives.
    @Test(arguments: [
        "", "\n", "a", "a\n", "a\nb", "a\n\nb\n", "a\r\nb\nc", "a\r\n\r\nb", "\r\n", "\r", "a\rb\n",
        "é\n🇫🇷\nx", "e\u{301}\nz", "\n\u{301}x", String(decoding: [0x61, 0xE2, 0x82, 0x0A, 0x62], as: UTF8.self),
    ])
    func linesAreTheLinesOfACharacterSplit(_ text: String) {
        let lines = SuppressionIndex.lines(of: text)
        #expect(lines == text.split(separator: "\n", omittingEmptySubsequences: false))
        #expect(lines.map(\.startIndex) == text.split(separator: "\n", omittingEmptySubsequences: false).map(\.startIndex))
    }

    @Test func crlfFileKeepsItsLinesWhole() {
        #expect(SuppressionIndex.lines(of: "a\r\nb\nc") == ["a\r\nb", "c"])
        #expect(SuppressionIndex.lines(of: "x\n\ny") == ["x", "", "y"])
    }
}
