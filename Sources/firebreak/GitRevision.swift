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

extension GitRevision {
    /// Writes the pipeline files of a revision (workflows, actions, CODEOWNERS, the context file)
    /// into a fresh temporary folder, without touching the working tree, and returns the folder.
    static func export(_ revision: String, from repository: String) throws -> String {
        guard !revision.hasPrefix("-") else {
            throw InputFailure(message: "error: '\(revision)' is not a revision\n  help: name a branch, tag or commit")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("firebreak-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let script = "git -C \"$1\" archive --format=tar \"$2\" -- $(git -C \"$1\" ls-tree -r --name-only \"$2\" -- .github CODEOWNERS docs/CODEOWNERS firebreak.context.yml | tr '\\n' ' ') | tar -x -C \"$3\""
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "set -e; " + script, "sh", repository, revision, folder]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw InputFailure(message: "error: cannot read revision '\(revision)' of \(repository): \(message)\n  help: check the revision exists (git fetch it first in CI)")
        }
        return folder
    }
}
