import Foundation

/// Repositories' output done before its turn, kept until then: in memory up to a bound, past it
/// in temporary files, so that an organisation's run holds a bounded amount of output whatever
/// order its repositories finish in (the largest start first, and finish long before theirs).
public struct HeldOutputs: Sendable {
    private enum Held: Sendable {
        case memory([[UInt8]])
        case file(URL)
    }

    /// Bytes held in memory at most; an entry that would pass it goes to a file.
    public let memoryLimit: Int
    private var held: [Int: Held] = [:]
    private var heldBytes = 0

    public init(memoryLimit: Int) {
        self.memoryLimit = memoryLimit
    }

    /// Keeps one entry until `take` asks for it.
    public mutating func keep(_ index: Int, _ chunks: [[UInt8]]) {
        let size = chunks.reduce(0) { $0 + $1.count }
        if heldBytes + size > memoryLimit, let file = Self.spill(chunks) {
            held[index] = .file(file)
            return
        }
        heldBytes += size
        held[index] = .memory(chunks)
    }

    /// Whether an entry went to a file.
    public func isInFile(_ index: Int) -> Bool {
        if case .file = held[index] { return true }
        return false
    }

    /// The file an entry was kept in could not be read back.
    public struct Lost: Error {
        public let path: String
    }

    /// The entry kept for `index`, if any, and no longer kept (its file is removed).
    public mutating func take(_ index: Int) throws(Lost) -> [[UInt8]]? {
        switch held.removeValue(forKey: index) {
        case .memory(let chunks):
            heldBytes -= chunks.reduce(0) { $0 + $1.count }
            return chunks
        case .file(let file):
            defer { try? FileManager.default.removeItem(at: file) }
            // A file this run wrote a moment ago; unreadable only if something removed it.
            guard let data = try? Data(contentsOf: file) else { throw Lost(path: file.path) }
            return [[UInt8](data)]
        case nil:
            return nil
        }
    }

    /// Lets go of every entry kept, removing their files: for a run that stops before their turn.
    public mutating func discardAll() {
        for case .file(let file) in held.values { try? FileManager.default.removeItem(at: file) }
        held.removeAll()
        heldBytes = 0
    }

    /// Writes bytes to a new temporary file only this user can read; nil when that fails (the
    /// entry then stays in memory).
    private static func spill(_ chunks: [[UInt8]]) -> URL? {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("firebreak-\(UUID().uuidString).json")
        guard FileManager.default.createFile(atPath: file.path, contents: nil, attributes: [.posixPermissions: 0o600]),
              let handle = try? FileHandle(forWritingTo: file) else { return nil }
        defer { try? handle.close() }
        do {
            for chunk in chunks { try handle.write(contentsOf: chunk) }
        } catch {
            try? FileManager.default.removeItem(at: file)
            return nil
        }
        return file
    }
}
