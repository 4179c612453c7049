import Foundation

/// Finds the repositories below a folder: every folder in which some importer finds pipeline
/// files (`.github/workflows/*.yml`, `.gitlab-ci.yml`), without looking inside one once found.
public enum RepositoryFinder {
    /// Folders never searched: version control, dependencies and build output.
    static let skipped: Set<String> = [".git", "node_modules", ".build", "vendor", "target", "dist", "build"]

    /// Whether `folder` itself holds a pipeline an importer reads.
    public static func isRepository(_ folder: String) -> Bool {
        ImporterCatalogue.pipelineFiles(in: folder).values.contains { !$0.isEmpty }
    }

    /// The repositories below `path` when it is a folder of repositories rather than one (nil
    /// for a file, a repository, or a folder with none below it).
    public static func organisation(_ path: String) -> [String]? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue, !isRepository(path)
        else { return nil }
        let found = repositories(under: path)
        return found.isEmpty ? nil : found
    }

    /// The repositories below `root` (not `root` itself), as paths under it, sorted; at most
    /// `maximumDepth` folders down. A symbolic link to a repository is taken as the repository (a
    /// folder of linked checkouts is an organisation too), but no search goes down through a
    /// link, so that a link back up cannot loop; a repository reached both ways is listed once,
    /// by its own path rather than a link's.
    public static func repositories(under root: String, maximumDepth: Int = 6) -> [String] {
        var found: [(path: String, linked: Bool)] = []
        var pending: [(path: String, depth: Int)] = [(root, 0)]
        let manager = FileManager.default
        while let (folder, depth) = pending.popLast() {
            guard depth < maximumDepth, let names = try? manager.contentsOfDirectory(atPath: folder) else { continue }
            for name in names where !name.hasPrefix(".") && !skipped.contains(name) {
                let path = (folder as NSString).appendingPathComponent(name)
                var isDirectory: ObjCBool = false
                guard manager.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
                let linked = (try? manager.destinationOfSymbolicLink(atPath: path)) != nil
                if isRepository(path) {
                    found.append((path, linked))
                } else if !linked {
                    pending.append((path, depth + 1))
                }
            }
        }
        // Each repository once: its own path if it was found there, else the first link to it
        // (own paths first, then in order of path; the first kept).
        var chosen: [String: String] = [:]
        for repository in found.sorted(by: { ($0.linked ? 1 : 0, $0.path) < ($1.linked ? 1 : 0, $1.path) }) {
            let resolved = URL(fileURLWithPath: repository.path).resolvingSymlinksInPath().path
            if chosen[resolved] == nil { chosen[resolved] = repository.path }
        }
        return chosen.values.sorted()
    }
}
