import FirebreakModel
import Foundation

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

/// How a repository-relative path is written in locations: under the folder the user named,
/// or after a revision label such as `HEAD:`.
func displayPath(_ path: String, under display: String) -> String {
    if display == "." || display.isEmpty { return path }
    return display.hasSuffix(":") ? display + path : (display as NSString).appendingPathComponent(path)
}
