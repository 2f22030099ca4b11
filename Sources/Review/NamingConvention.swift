import LinearRegex

/// The naming convention `naming-convention` enforces on block names (`naming:` in
/// `.stackreview.yml`).
public enum NamingConvention: Sendable, Hashable, CustomStringConvertible {
    /// Lower-case words joined by `_`: `orders_table`.
    case snakeCase
    /// Words of letters and digits joined by `_`, any case: `Orders_Table`.
    case mixedSnakeCase
    /// A regular expression the whole name must match.
    case custom(SafeRegex)

    /// Whether `name` follows the convention.
    public func matches(_ name: String) -> Bool {
        switch self {
        case .snakeCase: return Self.isWords(name, allowUpper: false)
        case .mixedSnakeCase: return Self.isWords(name, allowUpper: true)
        case .custom(let regex):
            guard let match = regex.firstMatch(in: name) else { return false }
            return match.range == 0..<name.unicodeScalars.count
        }
    }

    /// `snake_case`, `mixed_snake_case`, or the custom pattern.
    public var description: String {
        switch self {
        case .snakeCase: return "snake_case"
        case .mixedSnakeCase: return "mixed_snake_case"
        case .custom(let regex): return "/\(regex.pattern)/"
        }
    }

    /// Whether `name` is non-empty words of ASCII digits and lowercase letters (and uppercase
    /// ones with `allowUpper`) joined by single underscores, starting with a letter. Reads the
    /// UTF-8 bytes: any byte outside ASCII fails, as a character outside ASCII does.
    private static func isWords(_ name: String, allowUpper: Bool) -> Bool {
        let bytes = name.utf8
        guard let first = bytes.first,
              (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(first) else { return false }
        var wordIsEmpty = true
        for byte in bytes {
            if byte == UInt8(ascii: "_") {
                if wordIsEmpty { return false }
                wordIsEmpty = true
                continue
            }
            let isDigit = (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            let isLower = (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
            let isUpper = (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            guard isDigit || isLower || (allowUpper && isUpper) else { return false }
            wordIsEmpty = false
        }
        return !wordIsEmpty
    }
}
