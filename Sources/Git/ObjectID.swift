/// A Git object id (SHA-1), held as 40 lowercase hexadecimal digits.
///
/// Encodes to JSON as the plain hex string.
public struct ObjectID: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The 40 lowercase hexadecimal digits.
    public let hex: String

    /// Creates an id from 40 hexadecimal digits (either case); nil for anything else.
    public init?(hex: String) {
        let lowered = hex.lowercased()
        guard lowered.utf8.count == 40,
              lowered.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) })
        else { return nil }
        self.hex = lowered
    }

    init(uncheckedHex: String) {
        self.hex = uncheckedHex
    }

    /// The all-zero id Git uses for "no object" (for example a deleted or new ref in a push).
    public static let zero = ObjectID(uncheckedHex: String(repeating: "0", count: 40))

    /// Whether this is the all-zero id.
    public var isZero: Bool { self == .zero }

    /// The first seven digits, as Git abbreviates ids.
    public var short: String { String(hex.prefix(7)) }

    /// The full hex string.
    public var description: String { hex }

    /// Orders ids by their hex digits.
    public static func < (lhs: ObjectID, rhs: ObjectID) -> Bool { lhs.hex < rhs.hex }

    /// Decodes the id from a JSON string of 40 hex digits.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let id = ObjectID(hex: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' is not a 40-digit object id")
        }
        self = id
    }

    /// Encodes the id as a JSON string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(hex)
    }
}
