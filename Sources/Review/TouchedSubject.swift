/// A subject the change touched, and why.
public struct TouchedSubject: Sendable, Hashable, Comparable {
    /// The root module's directory.
    public var directory: String
    /// The subject's static address (instance keys dropped): `aws_lambda_function.api`,
    /// `var.region`, `local.name_prefix`.
    public var node: String
    /// Why, in order found: "edited at infra/main.tf:42", "via var.environment → local.name",
    /// "via lambda/handler.py".
    public var reasons: [String]

    /// Creates a touched subject.
    public init(directory: String, node: String, reasons: [String]) {
        self.directory = directory
        self.node = node
        self.reasons = reasons
    }

    /// Orders by directory, then address.
    public static func < (lhs: TouchedSubject, rhs: TouchedSubject) -> Bool {
        (lhs.directory, lhs.node) < (rhs.directory, rhs.node)
    }
}
