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
    /// `maximumDepth` folders down.
    public static func repositories(under root: String, maximumDepth: Int = 6) -> [String] {
        var found: [String] = []
        var pending: [(path: String, depth: Int)] = [(root, 0)]
        let manager = FileManager.default
        while let (folder, depth) = pending.popLast() {
            guard depth < maximumDepth, let names = try? manager.contentsOfDirectory(atPath: folder) else { continue }
            for name in names where !name.hasPrefix(".") && !skipped.contains(name) {
                let path = (folder as NSString).appendingPathComponent(name)
                var isDirectory: ObjCBool = false
                // Symbolic links are not followed: a link back up would loop.
                guard manager.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue,
                      (try? manager.destinationOfSymbolicLink(atPath: path)) == nil else { continue }
                if isRepository(path) { found.append(path) } else { pending.append((path, depth + 1)) }
            }
        }
        return found.sorted()
    }
}
