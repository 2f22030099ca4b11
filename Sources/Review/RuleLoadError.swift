/// A rule or policy file that cannot be loaded: where, and what is wrong.
public struct RuleLoadError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file, as given to the loader.
    public var file: String
    /// 1-based line of the offending part (0 when the whole file is at fault).
    public var line: Int
    /// 1-based column of the offending part (0 when the whole file is at fault).
    public var column: Int
    /// What is wrong and what was expected.
    public var message: String

    /// Creates an error.
    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `file:line:column: message`, the form editors and CI logs link to.
    public var description: String {
        line > 0 ? "\(file):\(line):\(column): \(message)" : "\(file): \(message)"
    }
}
