import Foundation
import Git

/// The JSON form of a change set, versioned so consumers can rely on its shape.
///
/// `{"schemaVersion": 1, "range": {...}, "changeSet": {...}}` with keys sorted, so the same
/// change always gives byte-identical output. Field names are those of `ChangeSet` and
/// `ChangedFile`; line ranges are `{"start": a, "end": b}`, 1-based and inclusive.
public struct ChangeSetJSONReport: Sendable {
    /// The version of this document's shape; raised on any incompatible change.
    public static let schemaVersion = 1

    /// Creates the report writer.
    public init() {}

    /// Renders one change set with the range it was computed for.
    public func render(_ changeSet: ChangeSet, range: ResolvedRange) -> String {
        Self.encode(Document(schemaVersion: Self.schemaVersion, range: range, changeSet: changeSet))
    }

    struct Document: Encodable {
        var schemaVersion: Int
        var range: ResolvedRange
        var changeSet: ChangeSet
    }

    static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain value types with string keys cannot fail; a failure is a programming error.
        guard let data = try? encoder.encode(value) else {
            preconditionFailure("a change set could not be encoded as JSON")
        }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
