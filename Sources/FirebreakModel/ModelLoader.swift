import Yams

/// Loads Firebreak's native pipeline format (documented in `docs/model-format.md`).
///
/// Loading reads the whole file, reports every problem it finds (syntax, unknown keys, wrong
/// types, duplicate names, dangling references, impossible values) and throws them together.
public struct ModelLoader {
    /// The format version this loader reads.
    public static let formatVersion = 1

    static let topLevelKeys = [
        "firebreak", "name", "description", "platform", "repository", "actors", "branches", "definitions",
        "triggers", "runners", "zones", "identities", "secrets", "environments", "resources", "artifacts",
        "caches", "jobs",
    ]

    public init() {}

    /// Loads a model file.
    public func load(path: String) throws(LoadError) -> PipelineModel {
        let root = try YAMLSource.load(path: path)
        return try load(root, file: path)
    }

    /// Loads a model from text; `file` names it in locations.
    public func load(text: String, file: String) throws(LoadError) -> PipelineModel {
        let root = try YAMLSource.parse(text, file: file)
        return try load(root, file: file)
    }

    /// Returns the model and its warnings, or throws every diagnostic when any is an error.
    public func load(_ root: Yams.Node, file: String) throws(LoadError) -> PipelineModel {
        let sink = DiagnosticSink()
        guard let top = YAMLFields(root, what: "the pipeline", keys: Self.topLevelKeys, file: file, sink: sink) else {
            throw LoadError(sink.diagnostics)
        }
        let reader = ModelReader(file: file, sink: sink)
        let model = reader.read(top)
        if sink.hasErrors || model == nil {
            throw LoadError(sink.diagnostics)
        }
        return model!
    }
}
