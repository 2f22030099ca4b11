import HCL
import Terraform

/// The outcome of a check on one subject.
public enum Verdict: Sendable, Hashable {
    /// The subject passes.
    case pass
    /// The subject fails, at this location.
    case fail(FailureLocation)
    /// The answer depends on values only a plan could tell (the references behind them);
    /// an unknown never fires a rule.
    case unknown([String])
}

/// Where and why a check failed.
public struct FailureLocation: Sendable, Hashable {
    /// The span to report: the offending value, else the closest enclosing attribute or
    /// block that exists, else the subject's block keyword.
    public var range: SourceRange
    /// The attribute path the failure is about (part of the finding's identity).
    public var attributePath: String
    /// The offending value, when there is one.
    public var value: Value?

    /// Creates a location.
    public init(range: SourceRange, attributePath: String, value: Value? = nil) {
        self.range = range
        self.attributePath = attributePath
        self.value = value
    }
}

/// Three-valued truth for conditions over values that may be unknown.
enum Truth: Sendable, Hashable {
    case yes
    case no
    case unknown

    init(_ flag: Bool) { self = flag ? .yes : .no }

    var negated: Truth {
        switch self {
        case .yes: return .no
        case .no: return .yes
        case .unknown: return .unknown
        }
    }
}
