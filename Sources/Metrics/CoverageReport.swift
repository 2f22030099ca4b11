/// A line-coverage figure read from a committed coverage report.
public struct CoverageReport: Sendable, Hashable, Codable {
    /// The report formats understood, in the precedence `MetricsCalculator` uses.
    public enum Format: String, Sendable, Hashable, Codable, CaseIterable {
        /// istanbul / nyc / jest `coverage-summary.json`: `total.lines.pct`.
        case istanbulSummary
        /// `lcov.info` (or `*.lcov`): sum of `LH` over sum of `LF`.
        case lcov
        /// Cobertura XML (`coverage.xml`, `cobertura*.xml`): `line-rate` of `<coverage>`.
        case cobertura
        /// coverage.py `coverage.json`: `totals.percent_covered`, else `covered_lines / num_statements`.
        case coveragePy
    }

    /// The repository path of the report.
    public var path: String
    /// The report's format.
    public var format: Format
    /// Line coverage in percent, rounded to two decimals (85.91).
    public var linePercent: Double

    /// Creates a coverage figure.
    public init(path: String, format: Format, linePercent: Double) {
        self.path = path
        self.format = format
        self.linePercent = linePercent
    }
}

/// Why a coverage report gave no figure; the description says what to fix.
public enum CoverageReportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file is not valid JSON (or its top level is not an object).
    case invalidJSON(path: String)
    /// A required field is missing or has the wrong type; `field` is its dotted path.
    case missingField(path: String, field: String)
    /// The report covers no lines at all, so there is no percentage.
    case noLines(path: String)
    /// The figure is outside 0…100 percent (or 0…1 for a rate).
    case outOfRange(path: String, value: Double)
    /// The XML has no `<coverage …>` element with a `line-rate` attribute.
    case notCobertura(path: String)

    /// One sentence on what is wrong and what to do.
    public var description: String {
        switch self {
        case .invalidJSON(let path):
            "\(path) is not a JSON object; regenerate the coverage report."
        case .missingField(let path, let field):
            "\(path) has no numeric `\(field)`; regenerate the report with a line-coverage summary."
        case .noLines(let path):
            "\(path) counts no instrumented lines; run the tests with coverage on the source files."
        case .outOfRange(let path, let value):
            "\(path) gives line coverage \(value), outside the possible range; regenerate the report."
        case .notCobertura(let path):
            "\(path) has no `<coverage line-rate=…>` element; commit a Cobertura XML report."
        }
    }
}
