/// A static reference: a root name followed by attribute and literal-index steps.
///
/// `local.a.b[0]` is root `local` with steps `.attribute("a")`, `.attribute("b")`,
/// `.index(.number(0))`. The legacy `x.0` form is an index step too.
public struct Traversal: Hashable, Sendable {
    /// The root variable name, e.g. `var`, `local`, `aws_iam_role`.
    public var root: String
    /// The span of the root name.
    public var rootRange: SourceRange
    /// The steps after the root.
    public var steps: [TraversalStep]

    /// Creates a traversal.
    public init(root: String, rootRange: SourceRange, steps: [TraversalStep]) {
        self.root = root
        self.rootRange = rootRange
        self.steps = steps
    }

    /// The span from the root to the end of the last step.
    public var range: SourceRange {
        guard let last = steps.last else { return rootRange }
        return rootRange.union(last.range)
    }

    /// The root followed by the leading attribute steps, e.g. `["aws_iam_role", "r", "arn"]`.
    public var attributePath: [String] {
        var path = [root]
        for step in steps {
            guard case .attribute(let name, _) = step else { break }
            path.append(name)
        }
        return path
    }

    /// The traversal written back as HCL, e.g. `local.a.b[0]` or `x["k"]`.
    public var description: String {
        var text = root
        for step in steps { text += step.description }
        return text
    }
}

/// One step of a traversal.
public enum TraversalStep: Hashable, Sendable, CustomStringConvertible {
    /// `.name`
    case attribute(name: String, range: SourceRange)
    /// `[key]` with a literal key, or the legacy `.0`; the range covers the brackets or the `.0`.
    case index(key: LiteralValue, range: SourceRange)

    /// The span of the step, including its `.` or brackets.
    public var range: SourceRange {
        switch self {
        case .attribute(_, let range), .index(_, let range): return range
        }
    }

    /// The step written back as HCL: `.name`, `[0]`, `["k"]`.
    public var description: String {
        switch self {
        case .attribute(let name, _): return "." + name
        case .index(let key, _):
            switch key {
            case .number(let value):
                if value.magnitude < 1e15, value == Double(Int64(value)) { return "[\(Int64(value))]" }
                return "[\(value)]"
            case .string(let value): return "[\"\(value)\"]"
            case .bool(let value): return "[\(value)]"
            case .null: return "[null]"
            }
        }
    }
}
