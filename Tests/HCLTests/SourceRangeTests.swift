import Testing
@testable import HCL

@Test func rangeTextIsClampedAndExact() {
    let source = Array("abc = 1\n".utf8)
    #expect(SourceRange(1, 1, 0, 1, 4, 3).text(in: source) == "abc")
    #expect(SourceRange(1, 7, 6, 9, 1, 99).text(in: source) == "1\n")
}
