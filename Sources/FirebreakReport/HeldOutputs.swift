import Foundation

/// Repositories' output done before its turn, kept until then: in memory up to a bound, past it
/// in a temporary file that has no name (`SpillFile`), so that an organisation's run holds a
/// bounded amount of output in memory whatever order its repositories finish in (the largest
/// start first, and finish long before theirs), and leaves no file behind however it ends.
public struct HeldOutputs: Sendable {
    private enum Held: Sendable {
        case memory([[UInt8]])
        case file(SpillFile.Place)
    }

    /// Bytes held in memory at most; an entry that would pass it goes to the file.
    public let memoryLimit: Int
    private var held: [Int: Held] = [:]
    private var heldBytes = 0
    /// The file, made when the first entry passes the bound.
    private var spill: SpillFile?
    /// How many entries are in the file: when none is left, its space is given back.
    private var entriesInFile = 0

    public init(memoryLimit: Int) {
        self.memoryLimit = memoryLimit
    }

    /// Keeps one entry until `take` asks for it.
    public mutating func keep(_ index: Int, _ chunks: [[UInt8]]) {
        let size = chunks.reduce(0) { $0 + $1.count }
        if heldBytes + size > memoryLimit {
            if spill == nil { spill = SpillFile() }
            // If no file can be made or written, the entry stays in memory.
            if let place = spill?.append(chunks) {
                held[index] = .file(place)
                entriesInFile += 1
                return
            }
        }
        heldBytes += size
        held[index] = .memory(chunks)
    }

    /// Whether an entry went to the file.
    public func isInFile(_ index: Int) -> Bool {
        if case .file = held[index] { return true }
        return false
    }

    /// Bytes the file takes now: those of the entries in it, until they are all taken.
    public var bytesInFile: Int { spill?.size ?? 0 }

    /// An entry kept in the file could not be read back.
    public struct Lost: Error {
        public let message: String
    }

    /// The entry kept for `index`, if any, and no longer kept.
    public mutating func take(_ index: Int) throws(Lost) -> [[UInt8]]? {
        switch held.removeValue(forKey: index) {
        case .memory(let chunks):
            heldBytes -= chunks.reduce(0) { $0 + $1.count }
            return chunks
        case .file(let place):
            entriesInFile -= 1
            guard let bytes = spill?.read(place) else {
                throw Lost(message: "the \(place.count) bytes kept for it in a temporary file could not be read back")
            }
            if entriesInFile == 0 { spill?.empty() }
            return [bytes]
        case nil:
            return nil
        }
    }

    /// Lets go of every entry kept, and of the file: for a run that stops before their turn.
    public mutating func discardAll() {
        held.removeAll()
        heldBytes = 0
        spill = nil
        entriesInFile = 0
    }
}
