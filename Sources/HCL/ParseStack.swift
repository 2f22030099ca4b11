internal import Threading

/// How the native and JSON parsers keep within the stack of the thread that asks them to parse.
enum ParseStack {
    /// Stack a nesting level may take: about twice the most measured per level (`f(f(…`, `[for
    /// …`) in an optimised build, with or without AddressSanitizer (7.5 and 9 KiB), and in a
    /// debug build (42 KiB).
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
