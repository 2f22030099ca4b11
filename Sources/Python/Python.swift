/// The `Python` module of stackreview. See DESIGN.md for what it owns.
public enum PythonModule {
    /// The module's name, for diagnostics.
    public static let name = "Python"
}
