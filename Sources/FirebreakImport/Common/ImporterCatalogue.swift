import Foundation
import FirebreakModel

/// Every pipeline importer, sorted by id: the one place a new platform is added.
public enum ImporterCatalogue {
    static let all: [any PipelineImporter] = [
        GitHubActionsImporter(),
        GitLabCIImporter(),
    ]

    /// The importers' ids, in catalogue order.
    public static var ids: [String] { all.map(\.id) }

    /// One line per importer saying what it reads, for help texts.
    public static var summaries: [String] { all.map(\.summary) }

    /// Each importer's pipeline files in a repository (repository-relative, sorted), by importer id.
    public static func pipelineFiles(in root: String) -> [String: [String]] {
        Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0.pipelineFiles(in: root)) })
    }

    /// Whether some importer (or the context file) may read this repository-relative path:
    /// what a revision export must contain.
    public static func mayRead(_ path: String) -> Bool {
        path == InputLoader.contextFileName || all.contains { $0.mayRead(path) }
    }

    /// Every file under `root` that some importer may read (repository-relative, sorted), `.git` left out.
    public static func inputFiles(root: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
        var files: [String] = []
        while let path = walker.nextObject() as? String {
            if path == ".git" || path.hasPrefix(".git/") { walker.skipDescendants(); continue }
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: (root as NSString).appendingPathComponent(path), isDirectory: &isDirectory)
            if exists, !isDirectory.boolValue, mayRead(path) { files.append(path) }
        }
        return files.sorted()
    }
}
