/// The progress line `stackreview changelog` draws on a terminal's standard error while it
/// walks: `\r[#####---------------]  250/1000 commits`, redrawn in place.
///
/// Pure: it only builds the text; the command decides whether standard error is a terminal.
public struct ChangelogProgress: Sendable {
    /// The bar's width in cells.
    public var width: Int
    private var lastDrawn: String?

    /// A progress line `width` cells wide.
    public init(width: Int = 30) {
        self.width = max(1, width)
    }

    /// The text to write after `done` of `total` commits; nil when it would draw the same line again.
    public mutating func update(done: Int, total: Int) -> String? {
        let line = Self.line(done: done, total: total, width: width)
        guard line != lastDrawn else { return nil }
        lastDrawn = line
        return "\r" + line
    }

    /// The text that clears the line once the walk is over (nothing when nothing was drawn).
    public func finish() -> String {
        guard let lastDrawn else { return "" }
        return "\r" + String(repeating: " ", count: lastDrawn.count) + "\r"
    }

    /// `[#####-----]  5/10 commits`: filled cells in proportion, the count right-aligned.
    public static func line(done: Int, total: Int, width: Int) -> String {
        let total = max(total, 0), done = min(max(done, 0), total)
        let filled = total == 0 ? width : done * width / total
        let count = String(done)
        let totalText = String(total)
        let padded = String(repeating: " ", count: max(0, totalText.count - count.count)) + count
        return "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "] "
            + padded + "/" + totalText + (total == 1 ? " commit" : " commits")
    }
}
