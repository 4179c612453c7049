import FirebreakModel

/// What an importer produced: the model, and the problems of files it could not read
/// (reported with their location; the other files are still analysed).
public struct ImportResult: Sendable {
    public var model: PipelineModel
    public var diagnostics: [Diagnostic]

    public init(model: PipelineModel, diagnostics: [Diagnostic]) {
        self.model = model
        self.diagnostics = diagnostics
    }

    /// Whether some input could not be read.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
