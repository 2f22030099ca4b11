import Foundation
import Git
import TestSupport
import Testing

/// Line ranges: merging, containment and JSON.
@Suite struct LineRangeTests {
    @Test func mergesAdjacentAndDuplicateLines() {
        #expect(LineRange.merging(lines: [9, 3, 4, 5, 5, 12, 11]) == [LineRange(3...5), LineRange(9...9), LineRange(11...12)])
        #expect(LineRange.merging(lines: []) == [])
        #expect(LineRange.merging(lines: [0, -1, 1]) == [LineRange(1...1)])
    }

    @Test func containsAndOverlaps() {
        let range = LineRange(3...5)
        #expect(range.contains(3) && range.contains(5))
        #expect(!range.contains(2) && !range.contains(6))
        #expect(range.overlaps(5...9))
        #expect(!range.overlaps(6...9))
        #expect(range.description == "3...5")
    }

    @Test func decodingRejectsEmptyRanges() {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(LineRange.self, from: Data(#"{"start":5,"end":4}"#.utf8))
        }
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(LineRange.self, from: Data(#"{"start":0,"end":4}"#.utf8))
        }
    }

    @Test func objectIDValidation() throws {
        #expect(ObjectID(hex: "abc") == nil)
        #expect(ObjectID(hex: String(repeating: "g", count: 40)) == nil)
        let id = try #require(ObjectID(hex: "ABCDEF0123456789ABCDEF0123456789ABCDEF01"))
        #expect(id.hex == "abcdef0123456789abcdef0123456789abcdef01")
        #expect(id.short == "abcdef0")
        #expect(ObjectID.zero.isZero)
        #expect(String(decoding: try JSONEncoder().encode(RevisionSide.commit(id)), as: UTF8.self) == #""abcdef0123456789abcdef0123456789abcdef01""#)
        #expect(try JSONDecoder().decode(RevisionSide.self, from: Data(#""index""#.utf8)) == .index)
    }
}
