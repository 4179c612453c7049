import Foundation

/// A repository folder made for one test: files written into it, git run in it.
public struct ScratchRepository: Sendable {
    /// A command that failed while preparing the repository.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public let root: String

    /// A fresh folder `name` (in a folder of its own) holding `files`.
    public init(named name: String = "repo", files: [String: String] = [:]) throws {
        let parent = (try temporaryFile(named: ".keep", contents: "") as NSString).deletingLastPathComponent
        root = (parent as NSString).appendingPathComponent(name)
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        for (path, text) in files.sorted(by: { $0.key < $1.key }) { try write(path, text) }
    }

    /// A `git clone` of `source` into a fresh folder `name`.
    public init(cloning source: ScratchRepository, as name: String) throws {
        let parent = (try temporaryFile(named: ".keep", contents: "") as NSString).deletingLastPathComponent
        root = (parent as NSString).appendingPathComponent(name)
        try Self.run(["git", "clone", "-q", source.root, root])
    }

    /// Writes a file, making its folders.
    public func write(_ path: String, _ text: String) throws {
        let full = (root as NSString).appendingPathComponent(path)
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: full))
    }

    /// Runs git in the repository as a test identity.
    public func git(_ arguments: String...) throws {
        try Self.run(["git", "-C", root, "-c", "user.name=Test", "-c", "user.email=test@example.com"] + arguments)
    }

    /// `git init` on `main`.
    public func initialise() throws { try git("init", "-q", "-b", "main") }

    /// Stages everything and commits it.
    public func commit(_ message: String) throws {
        try git("add", "-A")
        try git("commit", "-q", "-m", message)
    }

    private static func run(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Failure(description: "\(arguments.joined(separator: " ")) failed") }
    }
}
