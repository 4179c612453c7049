import FirebreakModel

/// What the verdict rests on without reading: definitions from elsewhere (a GitLab remote
/// include or component, another repository's reusable workflow), whose jobs run in the
/// pipeline, since Firebreak reads no file it was not given. Each stands in the model as one job
/// whose steps are unknown, unless it is a component Firebreak knows (GNOME's release-service),
/// taken as its published file describes it.
struct UnreadDefinitions {
    /// Those whose content is unknown, and those taken as a published file Firebreak read describes them.
    let names: [String]
    let known: [(name: String, takenAs: String)]

    /// The model's external definitions, by name; nil when there are none.
    init?(_ model: PipelineModel) {
        let external = model.definitions.values.filter(\.isExternal).sorted { $0.name < $1.name }
        guard !external.isEmpty else { return nil }
        names = external.filter { $0.takenAs == nil }.map(\.name)
        known = external.compactMap { definition in definition.takenAs.map { (definition.name, $0) } }
    }

    /// One sentence: `not read: 2 definitions from elsewhere (A, B), each taken as one job whose steps are unknown`,
    /// then those taken as a file read elsewhere describes them.
    var sentence: String {
        var parts: [String] = []
        if !names.isEmpty {
            let listed = names.prefix(2).joined(separator: ", ") + (names.count > 2 ? " and \(names.count - 2) more" : "")
            let count = names.count == 1 ? "1 definition" : "\(names.count) definitions"
            parts.append("\(count) from elsewhere (\(listed)), \(names.count == 1 ? "" : "each ")taken as one job whose steps are unknown")
        }
        if !known.isEmpty {
            parts.append(known.map { "\($0.name), taken as \($0.takenAs) describes it" }.joined(separator: "; "))
        }
        return "not read: " + parts.joined(separator: "; ")
    }
}
