import Foundation
import FirebreakModel

/// The text of the input lines a report quotes, each file read once. A file that cannot be
/// read (moved since the import, or a location Firebreak made up) quotes nothing.
struct SourceLines {
    private var files: [String: [Substring]] = [:]
    /// Files larger than this are not quoted: a line from them is not worth reading them whole.
    static let largestFile = 4 << 20

    /// The line `location` points at, without its indentation, shortened past 160 characters.
    mutating func line(at location: SourceLocation) -> String? {
        guard location.line > 0 else { return nil }
        if files[location.file] == nil { files[location.file] = Self.read(location.file) }
        guard let lines = files[location.file], location.line <= lines.count else { return nil }
        let text = lines[location.line - 1].trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return nil }
        return text.count > 160 ? String(text.prefix(159)) + "…" : text
    }

    private static func read(_ path: String) -> [Substring] {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let size = attributes[.size] as? Int, size <= largestFile,
              let data = FileManager.default.contents(atPath: path) else { return [] }
        return String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    }
}
