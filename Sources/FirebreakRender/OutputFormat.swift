/// A picture format Graphviz renders in-process.
public enum OutputFormat: String, CaseIterable, Sendable {
    case svg, png, pdf
    /// The laid-out graph as DOT text with positions.
    case dot

    /// The format a file's extension names, if any.
    public init?(pathExtension: String) {
        self.init(rawValue: pathExtension.lowercased())
    }
}
