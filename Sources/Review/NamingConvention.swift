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

    private static func isWords(_ name: String, allowUpper: Bool) -> Bool {
        let words = name.split(separator: "_", omittingEmptySubsequences: false)
        guard let first = words.first?.first, first.isLetter else { return false }
        return words.allSatisfy { word in
            !word.isEmpty && word.allSatisfy { character in
                character.isASCII && (character.isNumber || character.isLowercase || (allowUpper && character.isUppercase))
            }
        }
    }
}
