import Dispatch
import Testing
import Threading

/// `Locked` keeps a value whole under concurrent changes, and `ParallelMap` keeps input order.
@Suite struct LockedTests {
    struct Refused: Error, Equatable { var value: Int }

    @Test func concurrentChangesAreNeverLost() {
        let counts = Locked<[Int: Int]>([:])
        DispatchQueue.concurrentPerform(iterations: 2_000) { index in
            counts.withLock { $0[index % 7, default: 0] += 1 }
        }
        #expect(counts.withLock { $0 } == [0: 286, 1: 286, 2: 286, 3: 286, 4: 286, 5: 285, 6: 285])
    }

    @Test func withLockReturnsAndRethrowsWhatItsBodyDoes() {
        let value = Locked(41)
        #expect(value.withLock { number -> Int in number += 1; return number * 2 } == 84)
        #expect(throws: Refused(value: 42)) { try value.withLock { number in throw Refused(value: number) } }
        #expect(value.withLock { $0 } == 42)
    }

    @Test func parallelMapKeepsTheInputOrder() {
        let squares = ParallelMap.map(Array(0..<1_000)) { $0 * $0 }
        #expect(squares == (0..<1_000).map { $0 * $0 })
        #expect(ParallelMap.map([7]) { $0 + 1 } == [8])
        #expect(ParallelMap.map([Int]()) { $0 } == [])
    }
}
