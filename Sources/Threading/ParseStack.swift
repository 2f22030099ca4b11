/// How the parsers (HCL native syntax, JSON, Python) keep within the stack of the thread that asks
/// them to parse: one budget per nesting level for all of them.
public enum ParseStack {
    /// Stack a nesting level may take: about twice the most measured per level in an optimised
    /// build, with or without AddressSanitizer (HCL 7.5 and 9 KiB for `f(f(…` and `[for …`; Python
    /// 8 KiB for `{**{**…`, which goes through every precedence level), and in a debug build (HCL
    /// 42 KiB, Python 35 KiB).
    #if DEBUG
    public static let bytesPerLevel = 96 * 1024
    #else
    public static let bytesPerLevel = 16 * 1024
    #endif

    /// `body(limit)` parsed within the calling thread's stack, or on a large stack when the input
    /// nests deeper than that stack allows: see `LargeStackThread.parse`.
    public static func parse<Result>(maximumDepth: Int, _ body: (_ depthLimit: Int) -> (result: Result, reachedLimit: Bool)) -> Result {
        LargeStackThread.parse(maximumDepth: maximumDepth, bytesPerLevel: bytesPerLevel, body)
    }
}
