/// How serious a finding is; ordered from `info` (lowest) to `critical` (highest).
public enum Severity: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Worth knowing; never blocks.
    case info
    /// A small weakness or a quality issue.
    case low
    /// A weakness that should be fixed soon.
    case medium
    /// A serious weakness; blocks a push by default.
    case high
    /// An exploitable weakness or an exposed secret.
    case critical

    /// The position in the order `info` < `low` < `medium` < `high` < `critical`.
    public var rank: Int {
        switch self {
        case .info: return 0
        case .low: return 1
        case .medium: return 2
        case .high: return 3
        case .critical: return 4
        }
    }

    /// Compares by `rank`.
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}
