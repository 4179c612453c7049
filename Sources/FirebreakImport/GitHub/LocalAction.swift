import FirebreakModel
import Foundation
import Yams

/// An action defined in the repository itself (`uses: ./path` or `uses: $/path`), read once.
struct LocalAction {
    /// The repository-relative folder, normalised.
    var path: String
    /// The `action.yml` it was read from.
    var file: String
    /// Composite steps, read like a job's steps.
    var steps: [Workflow.Step]
    /// `inputs.<name>.default` texts.
    var inputDefaults: [String: String]
    /// A `docker://` image the action runs, if any.
    var image: (text: String, location: SourceLocation)?
    var location: SourceLocation

    /// Reads `root/path/action.yml` (or `.yaml`); nil when neither exists.
    static func read(root: String, path: String, label: (String) -> String, budget: ReadBudget? = nil) throws(LoadError) -> LocalAction? {
        for name in ["action.yml", "action.yaml"] {
            let relative = path.isEmpty ? name : "\(path)/\(name)"
            guard RepositoryFile.exists(relative, under: root) else { continue }
            let file = label(relative)
            let node = try RepositoryFile.parse(try RepositoryFile.read(relative, under: root, label: file, budget: budget), label: file, budget: budget)
            let parser = WorkflowParser(file: file, path: relative)
            let runs = node.value("runs")
            var defaults: [String: String] = [:]
            for input in node.value("inputs")?.entries ?? [] {
                if let value = input.value.value("default")?.scalarText { defaults[input.key.lowercased()] = value }
            }
            let image = runs?.value("image").flatMap { image in image.scalarText.map { ($0, image.location(file)) } }
            return LocalAction(path: path, file: file, steps: (runs?.value("steps")?.items ?? []).map(parser.readStep),
                               inputDefaults: defaults, image: image.flatMap { $0.0.hasPrefix("docker://") ? $0 : nil },
                               location: node.location(file))
        }
        return nil
    }

    /// Whether a `uses:` names something in the repository itself.
    static func isLocal(_ uses: String) -> Bool { uses.hasPrefix("./") || uses.hasPrefix("$/") }

    /// Whether a folder is `container` or lies below it (`actions/verify` in `actions`).
    static func folder(_ folder: String, isInside container: String) -> Bool {
        folder == container || folder.hasPrefix(container + "/")
    }

    /// The folder a `uses:` names, for `./` and `$/` references, normalised; nil for anything
    /// else and for a path that climbs out of the repository.
    static func folder(of uses: String) -> String? {
        guard uses.hasPrefix("./") || uses.hasPrefix("$/") else { return nil }
        var parts: [Substring] = []
        for part in uses.dropFirst(2).split(separator: "/") where part != "." && !part.isEmpty {
            if part == ".." { guard !parts.isEmpty else { return nil }; parts.removeLast() } else { parts.append(part) }
        }
        return parts.joined(separator: "/")
    }
}
