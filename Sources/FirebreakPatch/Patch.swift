import FirebreakImport
import Foundation
import FirebreakModel

/// The files a set of changes edits, before and after, and the changes no file can express.
public struct Patch: Sendable {
    /// One edited file.
    public struct File: Sendable, Hashable {
        /// Relative to the input's root (the model file's name for a native model).
        public var path: String
        public var original: String
        public var patched: String

        public init(path: String, original: String, patched: String) {
            self.path = path
            self.original = original
            self.patched = patched
        }
    }

    public var files: [File]
    /// Changes to settings outside the files (or not yet written by a patch): made by hand.
    public var byHand: [ModelChange]

    /// A unified diff of every file, `a/` before and `b/` after.
    public var unifiedDiff: String {
        files.map { UnifiedDiff.text(old: $0.original, new: $0.patched, path: Self.diffPath($0.path)) }.joined()
    }

    /// A file's path as a diff names it: relative to the working directory when the file is under
    /// it, else from the root without its leading slash (`git apply` takes no absolute path;
    /// run it from `/` then).
    static func diffPath(_ path: String) -> String {
        guard path.hasPrefix("/") else { return path }
        let here = FileManager.default.currentDirectoryPath
        let prefix = here.hasSuffix("/") ? here : here + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : String(path.drop { $0 == "/" })
    }
}
