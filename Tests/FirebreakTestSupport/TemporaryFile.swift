import Foundation

/// Writes text to a fresh temporary file and returns its path.
public func temporaryFile(named name: String, contents: String) throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("firebreak-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let url = folder.appendingPathComponent(name)
    try contents.write(to: url, atomically: true, encoding: .utf8)
    return url.path
}
