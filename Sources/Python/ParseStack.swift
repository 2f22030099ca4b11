internal import Threading

/// How the parser keeps within the stack of the thread that asks it to parse.
enum ParseStack {
    /// Stack a nesting level may take: about twice the most measured per level (`{**{**…`, which
    /// goes through every precedence level) in an optimised build (8 KiB) and in a debug build
    /// (35 KiB), as for HCL (`HCL.ParseStack`).
    #if DEBUG
    static let bytesPerLevel = 96 * 1024
    #else
    static let bytesPerLevel = 16 * 1024
    #endif

    /// `body(limit)` parsed within the calling thread's stack, or on a large stack when the file
    /// nests deeper than that stack allows: see `LargeStackThread.parse`.
    static func parse<Result>(maximumDepth: Int, _ body: (_ depthLimit: Int) -> (result: Result, reachedLimit: Bool)) -> Result {
        LargeStackThread.parse(maximumDepth: maximumDepth, bytesPerLevel: bytesPerLevel, body)
    }
}
