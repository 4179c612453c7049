import FirebreakModel
import Yams
import Foundation

/// Reads a file of the repository under import: only a regular file, only inside the
/// repository (a symbolic link that leaves it is refused), and no larger than Firebreak reads.
enum RepositoryFile {
    /// The text of `relative` under `root`; every refusal is an error at `label`.
    /// `budget` counts the file against the run's limits and sets the largest size read.
    static func read(_ relative: String, under root: String, label: String, budget: ReadBudget? = nil) throws(LoadError) -> String {
        let full = (root as NSString).appendingPathComponent(relative)
        // A path that does not resolve (missing, or a link to nothing) is not read.
        guard let resolved = resolvingLinks(full) else {
            throw LoadError([Diagnostic(.error, at: .implicit(label), "cannot read file")])
        }
        let base = budget?.resolved(root) ?? resolvingLinks(root) ?? root
        guard resolved == base || resolved.hasPrefix(base.hasSuffix("/") ? base : base + "/") else {
            throw LoadError([Diagnostic(.error, at: .implicit(label), "the file leaves the repository through a symbolic link (to \(resolved))",
                                        help: "Firebreak reads only files inside the repository")])
        }
        // stat(2) rather than FileManager's attributes, which also look up the owner's and
        // group's names for every file.
        var status = stat()
        guard stat(resolved, &status) == 0 else {
            throw LoadError([Diagnostic(.error, at: .implicit(label), "cannot read file")])
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            throw LoadError([Diagnostic(.error, at: .implicit(label), "not a regular file (a folder, device, FIFO or socket)")])
        }
        let limit = budget?.limits.fileBytes ?? YAMLSource.maximumBytes
        let size = Int(status.st_size)
        if size > limit {
            throw LoadError([Diagnostic(.error, at: .implicit(label), "file is \(size) bytes, more than the \(limit) bytes Firebreak reads",
                                        help: "split the pipeline into smaller files, or raise the limit with --max-file-bytes")])
        }
        try budget?.admitFile(label: label)
        guard let data = FileManager.default.contents(atPath: resolved) else {
            throw LoadError([Diagnostic(.error, at: .implicit(label), "cannot read file")])
        }
        // The same policy as every other file Firebreak reads: UTF-8 or an error.
        guard let text = String(data: data, encoding: .utf8) else {
            throw LoadError([Diagnostic(.error, at: .implicit(label), "file is not UTF-8 text")])
        }
        return text
    }

    /// The absolute path with every symbolic link resolved (realpath(3), one call where
    /// Foundation's URL resolution takes a path apart and builds it again); nil when some part
    /// of it does not exist.
    static func resolvingLinks(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Whether a regular file exists at `relative` under `root` (links followed).
    static func exists(_ relative: String, under root: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: (root as NSString).appendingPathComponent(relative), isDirectory: &isDirectory) && !isDirectory.boolValue
    }
}

extension RepositoryFile {
    /// The most nodes a CI file may hold once its aliases are expanded: far above any real
    /// pipeline, far below what makes an alias bomb costly to walk.
    static let maximumExpandedNodes = 1_000_000

    /// Parses a CI file's YAML and refuses one whose aliases expand beyond the bound.
    static func parse(_ text: String, label: String, budget: ReadBudget? = nil) throws(LoadError) -> Yams.Node {
        let node = try YAMLSource.parse(text, file: label, maximumBytes: budget?.limits.fileBytes ?? YAMLSource.maximumBytes)
        try checkExpansion(node, label: label)
        return node
    }

    /// Refuses a document whose aliases expand beyond `maximumExpandedNodes`.
    static func checkExpansion(_ node: Yams.Node, label: String) throws(LoadError) {
        guard node.expands(beyond: maximumExpandedNodes) else { return }
        throw LoadError([Diagnostic(.error, at: node.location(label),
                                    "the file expands through its aliases to more than \(maximumExpandedNodes) values; Firebreak does not read it",
                                    help: "write the repeated parts out, or anchor smaller pieces")])
    }
}
