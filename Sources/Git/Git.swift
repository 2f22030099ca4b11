/// The `Git` module of stackreview. See DESIGN.md for what it owns.
public enum GitModule {
    /// The module's name, for diagnostics.
    public static let name = "Git"
}
