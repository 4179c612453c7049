import Foundation

/// This test process's scratch folder, removed when the process exits: every temporary file
/// and folder a test makes is inside it, so a test run leaves nothing behind.
private let scratchRoot: URL = {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("firebreak-tests-\(getpid())-\(UUID().uuidString.prefix(8))")
    try? FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    atexit { try? FileManager.default.removeItem(at: scratchRoot) }
    return root
}()

/// A fresh, empty folder for one test (its name starting with `purpose`), inside this test
/// process's scratch folder.
public func scratchFolder(_ purpose: String) throws -> URL {
    let folder = scratchRoot.appendingPathComponent("\(purpose)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
}

/// Writes text to a fresh temporary file and returns its path.
public func temporaryFile(named name: String, contents: String) throws -> String {
    let url = try scratchFolder("file").appendingPathComponent(name)
    try contents.write(to: url, atomically: true, encoding: .utf8)
    return url.path
}
