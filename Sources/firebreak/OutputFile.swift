import Foundation

/// Writes what a command produces: atomically, so a failure never leaves a partial file.
enum OutputFile {
    static func write(_ data: Data, to path: String, what: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty { try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        do {
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw InputFailure(message: "\(path): error: cannot write the \(what): \(error.localizedDescription)")
        }
    }
}
