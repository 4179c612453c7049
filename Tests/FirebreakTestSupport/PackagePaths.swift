import Foundation

/// Paths inside the package and beside it, found from this file's location.
public enum PackagePaths {
    /// The package's root folder.
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A path relative to the package root.
    public static func path(_ relative: String) -> String {
        root.appendingPathComponent(relative).path
    }

    /// `../shared/corpus` beside the package, when this checkout has it.
    public static var sharedCorpus: String? {
        let corpus = root.deletingLastPathComponent().appendingPathComponent("shared/corpus").path
        return FileManager.default.fileExists(atPath: corpus) ? corpus : nil
    }
}
