import FirebreakModel
import Foundation
import Yams

/// GitHub Actions: the workflows under `.github/workflows/`, with the local actions and
/// reusable workflows they use.
struct GitHubActionsImporter: PipelineImporter {
    let id = "github-actions"
    let platform = Platform.github
    let summary = "GitHub Actions: .github/workflows/*.yml, the local actions and reusable workflows they use"

    /// The workflow files of a repository, sorted.
    static func workflowFiles(root: String) -> [String] {
        let folder = (root as NSString).appendingPathComponent(".github/workflows")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter(isYAML).sorted().map { ".github/workflows/\($0)" }
    }

    static func isYAML(_ name: String) -> Bool { name.hasSuffix(".yml") || name.hasSuffix(".yaml") }

    func pipelineFiles(in root: String) -> [String] { Self.workflowFiles(root: root) }

    func claim(file path: String, document: Yams.Node) -> (root: String, file: String)? {
        guard document.value("jobs") != nil, document.value("on") != nil || document.value("true") != nil else { return nil }
        if let range = path.range(of: ".github/workflows/", options: .backwards) {
            let root = String(path[..<range.lowerBound])
            return (root.isEmpty ? "." : String(root.dropLast(root.hasSuffix("/") ? 1 : 0)), String(path[range.lowerBound...]))
        }
        let folder = (path as NSString).deletingLastPathComponent
        return (folder.isEmpty ? "." : folder, (path as NSString).lastPathComponent)
    }

    /// Workflows (local reusable ones included), `action.yml` of local actions anywhere in the
    /// repository, and CODEOWNERS.
    func mayRead(_ path: String) -> Bool {
        let name = (path as NSString).lastPathComponent
        return (path.hasPrefix(".github/workflows/") && Self.isYAML(name)) || name == "action.yml" || name == "action.yaml"
            || CodeOwners.locations.contains(path)
    }

    func importFiles(_ files: [String]?, into builder: inout ModelBuilder, context: PipelineModel?) {
        var state = GitHubImport(builder: builder)
        state.importWorkflows(files, context: context)
        builder = state.builder
    }
}
