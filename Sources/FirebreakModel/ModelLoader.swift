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

    /// The sections a context file may hold: what pipeline files cannot say.
    static let contextKeys = [
        "firebreak", "repository", "actors", "branches", "runners", "zones", "identities", "secrets", "environments", "resources",
    ]

    public init() {}

    /// Loads a context file (`firebreak.context.yml`): a model without jobs, triggers or
    /// definitions, whose references are checked only once it is merged into an imported model.
    /// `repository` names the repository when the file does not.
    /// `label` is how locations name the file (default: `path`).
    public func loadContext(path: String, repository: String, label: String? = nil) throws(LoadError) -> PipelineModel {
        let root = try YAMLSource.load(path: path)
        let sink = DiagnosticSink()
        let file = label ?? path
        guard let top = YAMLFields(root, what: "the context file", keys: Self.contextKeys, file: file, sink: sink) else {
            throw LoadError(sink.diagnostics)
        }
        let model = ModelReader(file: file, sink: sink, contextRepository: repository).read(top)
        if sink.hasErrors || model == nil { throw LoadError(sink.diagnostics) }
        return model!
    }

    /// Completes an assembled model the way the loader completes a native one (the implicit `*`
    /// branch, the default branch, job-token identities) and checks every reference in it.
    /// Returns the model and its diagnostics (errors for dangling references, warnings).
    public static func finish(_ model: PipelineModel) -> (PipelineModel, [Diagnostic]) {
        let sink = DiagnosticSink()
        let reader = ModelReader(file: model.file, sink: sink)
        var model = model
        reader.addImplicitNodes(&model)
        ReferenceChecker(model: model, sink: sink, handWritten: false).check()
        model.assumptions = (model.assumptions + reader.assumptions).sorted()
        return (model, sink.diagnostics)
    }

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
