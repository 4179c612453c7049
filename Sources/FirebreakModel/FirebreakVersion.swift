/// Firebreak's version, written into every JSON report.
public enum FirebreakVersion {
    /// The tool's version.
    public static let current = "0.1.0"
    /// The version of the JSON report contract; it changes when a field changes meaning or goes away.
    public static let jsonContract = 1
}
