/// Collects the problems found while reading one input, so that all of them are reported at once.
public final class DiagnosticSink {
    /// Everything reported so far.
    public private(set) var diagnostics: [Diagnostic] = []
    /// Nodes read so far; bounded so that a document full of aliases cannot make reading explode.
    private var visited = 0
    private let visitLimit: Int
    /// Set once the visit limit has been hit.
    public private(set) var exhausted = false

    public init(visitLimit: Int = 500_000) {
        self.visitLimit = visitLimit
    }

    /// Records an error.
    public func error(_ location: SourceLocation, _ message: String, help: String? = nil) {
        diagnostics.append(Diagnostic(.error, at: location, message, help: help))
    }

    /// Records a warning.
    public func warning(_ location: SourceLocation, _ message: String, help: String? = nil) {
        diagnostics.append(Diagnostic(.warning, at: location, message, help: help))
    }

    /// Whether any error was recorded.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Counts one node read; false (and one error) once the limit is passed.
    public func visit(_ location: SourceLocation) -> Bool {
        guard !exhausted else { return false }
        visited += 1
        if visited > visitLimit {
            exhausted = true
            error(location, "the document expands to more than \(visitLimit) nodes (aliases repeating large parts?)",
                  help: "write the pipeline out without deeply nested aliases")
            return false
        }
        return true
    }
}
