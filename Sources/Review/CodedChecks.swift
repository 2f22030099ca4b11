/// Every check written in Swift, listed once.
public enum CodedChecks {
    /// All coded checks.
    public static let all: [any CodedCheck] = []

    /// The check rule files call `name`.
    public static func named(_ name: String) -> (any CodedCheck)? {
        all.first { $0.name == name }
    }
}
