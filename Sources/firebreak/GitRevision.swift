import Foundation

/// Reads a file as it is at a git revision, without touching the working tree.
enum GitRevision {
    /// The content of `path` (relative to the repository root) at `revision` in the repository at `repository`.
    static func read(_ path: String, at revision: String, in repository: String) throws -> String {
        guard !revision.hasPrefix("-") else {
            throw InputFailure(message: "error: '\(revision)' is not a revision\n  help: name a branch, tag or commit")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", repository, "show", "\(revision):\(path)"]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do {
            try process.run()
        } catch {
            throw InputFailure(message: "error: cannot run git: \(error.localizedDescription)\n  help: install git to compare revisions")
        }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw InputFailure(message: "error: cannot read '\(path)' at revision '\(revision)' in \(repository): \(message)\n  help: check the revision and that the model file is committed there")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
