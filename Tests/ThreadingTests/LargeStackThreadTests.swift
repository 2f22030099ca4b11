import Testing
import Threading

/// `LargeStackThread` runs work on a stack of the size asked for, and `parse` uses the calling
/// thread's stack when it is deep enough, a large one only when the work reaches the lower limit.
///
/// Under AddressSanitizer, locals live on its fake stack, `StackSpace` cannot measure the stack
/// (it says 0, and every parse takes the large thread), so these tests do not apply there.
@Suite(.enabled(if: StackSpace.remainingBytes() > 0, "the stack can be measured (not under AddressSanitizer's fake stack)"))
struct LargeStackThreadTests {
    /// Records the limits `parse` gave its body, and answers like a parser that reaches `nesting`.
    final class Recorder {
        var limits: [Int] = []
        let nesting: Int
        init(nesting: Int) { self.nesting = nesting }
        func body(_ limit: Int) -> (result: Int, reachedLimit: Bool) {
            limits.append(limit)
            return (min(limit, nesting), nesting >= limit)
        }
    }

    @Test func runReturnsTheResultComputedOnAThreadWithTheStackAskedFor() {
        // glibc may hand a new thread the cached stack of a finished one, up to four times the size
        // asked for: at least the size asked for, less the thread's start-up frames.
        let remaining = LargeStackThread.run(stackSize: 8 * 1024 * 1024) { StackSpace.remainingBytes() }
        #expect(remaining > 8 * 1024 * 1024 - 64 * 1024 && remaining <= 32 * 1024 * 1024)
        let small = LargeStackThread.run(stackSize: 256 * 1024) { StackSpace.remainingBytes() }
        #expect(small > 256 * 1024 - 64 * 1024 && small <= 1024 * 1024)
    }

    @Test func remainingStackShrinksAsFramesAreAdded() {
        @inline(never) func deeper(_ levels: Int) -> Int {
            var frame = [UInt8](repeating: 0, count: 1)  // keeps a frame per level
            frame[0] = UInt8(levels & 0xFF)
            return levels == 0 ? StackSpace.remainingBytes() + Int(frame[0]) : deeper(levels - 1)
        }
        LargeStackThread.run(stackSize: 1024 * 1024) {
            let top = StackSpace.remainingBytes()
            #expect(deeper(50) < top)
        }
    }

    @Test func aParseWithinTheCallingThreadsStackRunsOnceWithTheFullLimit() {
        // 8 MiB at 16 KiB a level: the full limit of 200 fits, so the body runs once, here.
        let recorder = Recorder(nesting: 10)
        let result = LargeStackThread.run(stackSize: 8 * 1024 * 1024) {
            LargeStackThread.parse(maximumDepth: 200, bytesPerLevel: 16 * 1024, recorder.body)
        }
        #expect(result == 10)
        #expect(recorder.limits == [200])
    }

    @Test func aShallowFileOnASmallStackIsParsedOnlyOnce() {
        // 512 KiB (up to 2 MiB when glibc reuses a cached stack) less the 96 KiB reserve allows 26
        // (up to 122) levels of 16 KiB; a file nesting 10 deep fits.
        let recorder = Recorder(nesting: 10)
        let result = LargeStackThread.run(stackSize: 512 * 1024) {
            LargeStackThread.parse(maximumDepth: 200, bytesPerLevel: 16 * 1024, recorder.body)
        }
        #expect(result == 10)
        #expect(recorder.limits.count == 1)
        #expect(recorder.limits[0] >= 20 && recorder.limits[0] <= 122)
    }

    @Test func aDeepFileOnASmallStackIsParsedAgainWithTheFullLimit() {
        let recorder = Recorder(nesting: 150)
        let result = LargeStackThread.run(stackSize: 512 * 1024) {
            LargeStackThread.parse(maximumDepth: 200, bytesPerLevel: 16 * 1024, recorder.body)
        }
        #expect(result == 150)
        #expect(recorder.limits.count == 2)
        #expect(recorder.limits.last == 200)
    }

    @Test func aStackTooSmallForOneLevelGoesStraightToTheLargeThread() {
        // Not one level of 1 MiB fits in a stack of 128 KiB (or a reused one of up to 512 KiB).
        let recorder = Recorder(nesting: 3)
        let result = LargeStackThread.run(stackSize: 128 * 1024) {
            LargeStackThread.parse(maximumDepth: 200, bytesPerLevel: 1024 * 1024, recorder.body)
        }
        #expect(result == 3)
        #expect(recorder.limits == [200])
    }
}
