import Foundation
@testable import Review
import Testing
@testable import Reporting

/// The code frames of the text report: printable ASCII lines, other lines and redacted lines,
/// with the answers about secrets remembered by rule and by line while a slice is written.
@Suite struct TextReportFrameTests {
    static let file = "  name = \"api\"\n  password = \"hunter2\"\n  label = \"café\"\n  path = \"a\\\\b\"\n"

    static func finding(_ rule: String, line: Int, from start: Int, to end: Int) -> Finding {
        Finding(
            ruleID: rule, title: "t", severity: .medium, category: .securityHardening, subject: "s", attributePath: "",
            message: FindingMessage(template: "m", arguments: [:]), improvement: FindingMessage(template: "i", arguments: [:]),
            span: SourceSpan(file: "f.tf", start: .init(line: line, column: start, offset: 0), end: .init(line: line, column: end, offset: 0)))
    }

    /// A finding's line and its frame: `text` under line `number`, carets from `caretStart` for `caretWidth`.
    static func listed(_ rule: String, line number: Int, column: Int, _ text: String, caretStart: Int, caretWidth: Int) -> String {
        "  MEDIUM   f.tf:\(number):\(column)  m  [\(rule)]\n      \(number) | \(text)\n        | "
            + String(repeating: " ", count: caretStart) + String(repeating: "^", count: caretWidth) + "\n"
    }

    @Test func aSectionOfManyBatchesListsEveryFindingInOrder() {
        // More findings than one batch of slices holds, the last slice short.
        let count = ReviewTextReport.sliceSize * ReviewTextReport.slicesPerBatch * 2 + 5
        let findings = (0..<count).map { Self.finding("r\($0 % 3)", line: 1 + $0 % 4, from: 3, to: 7) }
        let frames = FileLines.of(["f.tf": Self.file])
        var output = "before\n"
        ReviewTextReport().section("Still open", findings, frames: frames, color: false, into: &output)
        let expected = "before\n\nStill open (\(count)):\n" + ReviewTextReport.lines(findings[...], frames: frames, color: false)
        #expect(output == expected)
        #expect(output.utf8.count(where: { $0 == UInt8(ascii: "\n") }) == 3 + 3 * count)
        var unchanged = "before\n"
        ReviewTextReport().section("Still open", [], frames: frames, color: false, into: &unchanged)
        #expect(unchanged == "before\n")
    }

    @Test func findingsListedAlikeOnOneSpanRepeatTheirEntry() {
        // One block checked in three roots: two rules on it, in each root; the third root's
        // finding of rule `b` is suppressed, so its entry differs.
        var findings: [Finding] = []
        for directory in ["dev", "prod", "staging"] {
            for rule in ["a", "b"] {
                var finding = Self.finding(rule, line: 1, from: 3, to: 7)
                finding.directory = directory
                if directory == "staging" && rule == "b" {
                    finding.suppression = Suppression(syntax: .stackreview, ruleReference: "b", reason: "later", expires: nil, file: "f.tf", line: 1)
                }
                findings.append(finding)
            }
        }
        let text = ReviewTextReport.lines(findings[...], frames: FileLines.of(["f.tf": Self.file]), color: false)
        let a = Self.listed("a", line: 1, column: 3, "  name = \"api\"", caretStart: 2, caretWidth: 4)
        let b = Self.listed("b", line: 1, column: 3, "  name = \"api\"", caretStart: 2, caretWidth: 4)
        let suppressedB = b.replacingOccurrences(of: "[b]\n", with: "[b]  (suppressed at line 1: later)\n")
        #expect(text == a + b + a + b + a + suppressedB)
        #expect(ReviewTextReport.listedAlike(findings[0], findings[2]))
        #expect(!ReviewTextReport.listedAlike(findings[1], findings[5]))
        #expect(!ReviewTextReport.listedAlike(findings[0], findings[1]))
    }

    @Test func framesEachKindOfLine() {
        let findings = [
            Self.finding("r", line: 1, from: 3, to: 7),
            Self.finding("r", line: 2, from: 3, to: 11),
            Self.finding("aws-secret-rule", line: 1, from: 3, to: 7),
            Self.finding("r", line: 1, from: 3, to: 7),
            Self.finding("r", line: 3, from: 3, to: 8),
            Self.finding("r", line: 4, from: 10, to: 14),
        ]
        let text = ReviewTextReport.lines(findings[...], frames: FileLines.of(["f.tf": Self.file]), color: false)
        #expect(text == [
            Self.listed("r", line: 1, column: 3, "  name = \"api\"", caretStart: 2, caretWidth: 4),
            Self.listed("r", line: 2, column: 3, "  password = \"********\" (7 characters)", caretStart: 2, caretWidth: 36),
            Self.listed("aws-secret-rule", line: 1, column: 3, "  name = \"********\" (3 characters)", caretStart: 2, caretWidth: 32),
            Self.listed("r", line: 1, column: 3, "  name = \"api\"", caretStart: 2, caretWidth: 4),
            Self.listed("r", line: 3, column: 3, "  label = \"café\"", caretStart: 2, caretWidth: 5),
            // The backslash is doubled, and the carets follow the escaped text.
            Self.listed("r", line: 4, column: 10, "  path = \"a\\\\\\\\b\"", caretStart: 9, caretWidth: 6),
        ].joined())
    }
}
