/// The `Demo` module of stackreview. See DESIGN.md for what it owns.
public enum DemoModule {
    /// The module's name, for diagnostics.
    public static let name = "Demo"
}
