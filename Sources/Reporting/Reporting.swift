/// The `Reporting` module of stackreview. See DESIGN.md for what it owns.
public enum ReportingModule {
    /// The module's name, for diagnostics.
    public static let name = "Reporting"
}
