import Foundation
import FirebreakModel

/// How much one import may read, so that hostile input cannot make a run read, parse or build
/// without bound: bytes per file, files in all, jobs in all. A limit hit is an error naming
/// the place it was hit and the option that raises it.
public struct InputLimits: Sendable, Equatable {
    public var fileBytes: Int
    public var files: Int
    public var jobs: Int

    public init(fileBytes: Int = 2 * 1024 * 1024, files: Int = 2_000, jobs: Int = 20_000) {
        self.fileBytes = fileBytes
        self.files = files
        self.jobs = jobs
    }

    /// Far above any real repository's pipeline, far below what exhausts a CI machine.
    public static let standard = InputLimits()
}

/// What one import has read so far against its limits; shared by every reader of the import.
final class ReadBudget {
    let limits: InputLimits
    private(set) var filesRead = 0
    /// Repository roots with their links resolved, as resolved the first time (each file read
    /// checks that it stays inside its root).
    private var resolvedRoots: [String: String] = [:]

    init(_ limits: InputLimits) { self.limits = limits }

    /// `root` with its symbolic links resolved.
    func resolved(_ root: String) -> String {
        if let known = resolvedRoots[root] { return known }
        // A root that does not resolve holds no file to read: every read under it fails first.
        let resolved = RepositoryFile.resolvingLinks(root) ?? root
        resolvedRoots[root] = resolved
        return resolved
    }

    /// Counts one more file, or refuses it when the run has read its limit.
    func admitFile(label: String) throws(LoadError) {
        guard filesRead < limits.files else {
            throw LoadError([Diagnostic(.error, at: .implicit(label), "more than \(limits.files) files read in one run; this one is not",
                                        help: "raise the limit with --max-files if the repository really has that many pipeline files")])
        }
        filesRead += 1
    }
}
