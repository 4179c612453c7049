import FirebreakImport
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
    /// Writes every file of a revision that some importer of the catalogue may read into a fresh
    /// temporary folder, without touching the working tree, and returns the folder. Paths are
    /// passed as arguments, never through a shell, so any file name works.
    static func export(_ revision: String, from repository: String) throws -> String {
        guard !revision.hasPrefix("-") else {
            throw InputFailure(message: "error: '\(revision)' is not a revision\n  help: name a branch, tag or commit")
        }
        let listing = try git(["-C", repository, "ls-tree", "-r", "-z", "--name-only", revision], what: "read revision '\(revision)' of \(repository)")
        let paths = listing.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }.filter(ImporterCatalogue.mayRead)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("firebreak-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        // Batches keep each command line well under the system's limit.
        for start in stride(from: 0, to: paths.count, by: 500) {
            let batch = Array(paths[start..<min(start + 500, paths.count)])
            let archive = try git(["-C", repository, "archive", "--format=tar", revision, "--"] + batch, what: "export revision '\(revision)'")
            try untar(archive, into: folder)
        }
        return folder
    }

    /// Runs git and returns its standard output; a failure is an input error naming `what`.
    private static func git(_ arguments: [String], what: String) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do { try process.run() } catch {
            throw InputFailure(message: "error: cannot run git: \(error.localizedDescription)\n  help: install git to compare revisions")
        }
        // Drain stderr on its own thread so neither pipe can fill and block git.
        let errors = ErrorCollector(err.fileHandleForReading)
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let message = errors.text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard process.terminationStatus == 0 else {
            throw InputFailure(message: "error: cannot \(what): \(message)\n  help: check the revision exists (git fetch it first in CI)")
        }
        return data
    }

    private static func untar(_ archive: Data, into folder: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["tar", "-x", "-C", folder]
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(archive)
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw InputFailure(message: "error: cannot unpack the exported revision into \(folder)")
        }
    }
}

/// Reads a pipe to its end on a background thread.
private final class ErrorCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            let read = handle.readDataToEndOfFile()
            lock.lock(); data = read; lock.unlock()
            done.signal()
        }
    }

    var text: String {
        done.wait()
        lock.lock(); defer { lock.unlock() }
        return String(decoding: data, as: UTF8.self)
    }
}
