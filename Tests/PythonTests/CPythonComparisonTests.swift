import Foundation
import Testing
@testable import Python

@Suite("Comparison with CPython's ast module")
struct CPythonComparisonTests {
    @Test func corpusHasAtLeastEightHandlers() throws {
        let files = TreeDump.corpusFiles
        #expect(files.count >= 8)
        for file in files {
            let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).count
            #expect((50...201).contains(lines), "\(file.lastPathComponent) has \(lines) lines")
        }
    }

    @Test(.enabled(if: TreeDump.python3 != nil, "python3 is not installed, so CPython's ast cannot be compared"),
          arguments: TreeDump.corpusFiles.map(\.lastPathComponent))
    func nodeKindsAndStartsMatchCPython(_ name: String) throws {
        let url = TreeDump.corpusDirectory.appendingPathComponent(name)
        let bytes = Array(try Data(contentsOf: url))
        let file = SourceFile(bytes: bytes)
        #expect(file.diagnostics == [])
        let ours = TreeDump.lines(file)
        let theirs = try TreeDump.cpythonLines(file: url)
        #expect(theirs.count > 100)
        if ours != theirs {
            let firstDifference = zip(ours, theirs).enumerated().first { $0.element.0 != $0.element.1 }
            let index = firstDifference?.offset ?? min(ours.count, theirs.count)
            let context = { (lines: [String]) in lines[max(0, index - 3)..<min(lines.count, index + 3)].joined(separator: " | ") }
            Issue.record("\(name): first difference at node \(index): ours [\(context(ours))] CPython [\(context(theirs))]")
        }
    }
}
