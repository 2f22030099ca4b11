import Foundation
import Testing
@testable import Python

/// Checks that hold for any input: parsing finishes, and every range lies inside the input.
func checkInvariants(_ bytes: [UInt8]) {
    let file = SourceFile(bytes: bytes)
    var nodes = 0
    file.forEachNode { node in
        nodes += 1
        let range = node.range
        #expect(range.start.offset <= range.end.offset, "\(node.kindName) \(range)")
        #expect(range.end.offset <= bytes.count, "\(node.kindName) \(range)")
        #expect(range.start.line >= 1 && range.start.column >= 0)
    }
    for diagnostic in file.diagnostics {
        #expect(diagnostic.range.start.offset <= diagnostic.range.end.offset, "\(diagnostic)")
        #expect(diagnostic.range.end.offset <= bytes.count, "\(diagnostic)")
    }
    #expect(nodes >= 1)
}

@Suite("Robustness on damaged and hostile input")
struct RobustnessTests {
    @Test(arguments: TreeDump.corpusFiles.map(\.lastPathComponent))
    func everyTruncationOfAHandlerParses(_ name: String) throws {
        let bytes = Array(try Data(contentsOf: TreeDump.corpusDirectory.appendingPathComponent(name)))
        for length in stride(from: 0, through: bytes.count, by: 37) {
            checkInvariants(Array(bytes[0..<length]))
        }
    }

    @Test(arguments: TreeDump.corpusFiles.map(\.lastPathComponent))
    func randomByteDamageParses(_ name: String) throws {
        let original = Array(try Data(contentsOf: TreeDump.corpusDirectory.appendingPathComponent(name)))
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        let replacements: [UInt8] = Array("()[]{}:'\"\\\n\t #f=*@".utf8) + [0, 0xFF, 0xC3]
        for _ in 0..<40 {
            var bytes = original
            for _ in 0..<(1 + next() % 6) {
                let position = next() % bytes.count
                switch next() % 3 {
                case 0: bytes[position] = replacements[next() % replacements.count]
                case 1: bytes.remove(at: position)
                default: bytes.insert(replacements[next() % replacements.count], at: position)
                }
            }
            checkInvariants(bytes)
        }
    }

    @Test(arguments: [
        String(repeating: "(", count: 5000),
        String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000),
        String(repeating: "f'{", count: 2000),
        String(repeating: "f\"{'", count: 1000),
        String(repeating: "lambda:", count: 2000) + "0",
        String(repeating: "not ", count: 3000) + "x",
        String(repeating: "x.", count: 3000) + "y",
        String(repeating: "x[", count: 2000),
        String(repeating: "if x:\n", count: 1000),
        String(repeating: "\t", count: 3000) + "x\n",
        String(repeating: "a if b else ", count: 1000) + "c",
        String(repeating: "@d\n", count: 2000),
        String(repeating: "match x:\n case ", count: 500),
        String(repeating: "with (", count: 2000),
        String(repeating: "'''", count: 1001),
        String(repeating: "\\\n", count: 2000),
        String(repeating: "1 ** ", count: 2000) + "1",
        String(repeating: "{**", count: 2000),
        String(repeating: "case [", count: 2000),
        "def f(" + String(repeating: "a=(", count: 2000),
    ])
    func pathologicalInputsFinish(_ source: String) {
        checkInvariants(Array(source.utf8))
    }

    @Test func everySingleByteParses() {
        for byte in UInt8.min...UInt8.max {
            checkInvariants([byte])
            checkInvariants(Array("x = ".utf8) + [byte] + Array("\n".utf8))
        }
    }
}
