import FirebreakModel

/// What the verdict rests on without reading: definitions from elsewhere (a GitLab remote
/// include or component, another repository's reusable workflow), whose jobs run in the
/// pipeline, since Firebreak reads no file it was not given. Each stands in the model as one job
/// whose steps are unknown; a release job often lives in one (GNOME's release-service component).
struct UnreadDefinitions {
    let names: [String]

    /// The model's external definitions, by name; nil when there are none.
    init?(_ model: PipelineModel) {
        let names = model.definitions.values.filter(\.isExternal).map(\.name).sorted()
        guard !names.isEmpty else { return nil }
        self.names = names
    }

    /// One sentence: `not read: 2 definitions from elsewhere (A, B), each taken as one job whose steps are unknown`.
    var sentence: String {
        let listed = names.prefix(2).joined(separator: ", ") + (names.count > 2 ? " and \(names.count - 2) more" : "")
        let count = names.count == 1 ? "1 definition" : "\(names.count) definitions"
        return "not read: \(count) from elsewhere (\(listed)), \(names.count == 1 ? "" : "each ")taken as one job whose steps are unknown"
    }
}
