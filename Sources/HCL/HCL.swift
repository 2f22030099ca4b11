/// The `HCL` module of stackreview. See DESIGN.md for what it owns.
public enum HCLModule {
    /// The module's name, for diagnostics.
    public static let name = "HCL"
}
