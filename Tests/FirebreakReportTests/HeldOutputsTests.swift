@testable import FirebreakReport
import Foundation
import Testing

/// Output done before its turn is given back whole and in the order asked, whether it was kept
/// in memory or, past the bound, in a temporary file that never has a name in the folder.
@Suite(.serialized) struct HeldOutputsTests {
    static func entry(_ index: Int, size: Int) -> [[UInt8]] {
        let text = Array("{\"repository\" : \(index)}\n".utf8)
        let body = (0..<size).map { UInt8(ascii: "a") + UInt8($0 % 26) }
        return [text, body, text]
    }

    /// Files of Firebreak's in the temporary folder.
    static var namedFiles: Set<String> {
        let folder = FileManager.default.temporaryDirectory.path
        return Set(((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasPrefix("firebreak-held-") })
    }

    @Test func entriesPastTheBoundGoToTheFileAndComeBackWhole() throws {
        let before = Self.namedFiles
        var held = HeldOutputs(memoryLimit: 10_000)
        // Kept out of order, as repositories finish: the first 6,000 bytes stay in memory, the
        // rest go to the file.
        for index in [3, 1, 4, 2] { held.keep(index, Self.entry(index, size: 6_000)) }
        #expect(!held.isInFile(3))
        #expect(held.isInFile(1) && held.isInFile(4) && held.isInFile(2))
        let inFile = [1, 4, 2].reduce(0) { $0 + Self.entry($1, size: 6_000).joined().count }
        #expect(held.bytesInFile == inFile)
        #expect(Self.namedFiles == before, "the file is never left in the folder, even while it holds entries")
        #expect(try held.take(0) == nil, "nothing kept for an entry not done")
        for index in 1...4 {
            let taken = try #require(try held.take(index))
            #expect(Array(taken.joined()) == Array(Self.entry(index, size: 6_000).joined()))
        }
        #expect(try held.take(2) == nil, "an entry is given back once")
        #expect(held.bytesInFile == 0, "the file's space is given back once every entry in it is taken")
    }

    @Test func theFileIsReusedOnceEmptied() throws {
        var held = HeldOutputs(memoryLimit: 0)
        held.keep(0, Self.entry(0, size: 100))
        _ = try held.take(0)
        #expect(held.bytesInFile == 0)
        held.keep(1, Self.entry(1, size: 200))
        held.keep(2, Self.entry(2, size: 50))
        #expect(Array(try #require(try held.take(2)).joined()) == Array(Self.entry(2, size: 50).joined()))
        #expect(held.bytesInFile > 0, "an entry still in the file keeps it")
        #expect(Array(try #require(try held.take(1)).joined()) == Array(Self.entry(1, size: 200).joined()))
        #expect(held.bytesInFile == 0)
    }

    @Test func discardingLetsGoOfEveryEntry() throws {
        var held = HeldOutputs(memoryLimit: 150)
        for index in 0..<3 { held.keep(index, Self.entry(index, size: 100)) }
        #expect(held.bytesInFile > 0)
        held.discardAll()
        #expect(held.bytesInFile == 0)
        #expect(try held.take(0) == nil && held.take(1) == nil && held.take(2) == nil)
    }
}

/// The file gives back exactly what was put at a place, and nothing for a place it never held.
struct SpillFileTests {
    @Test func aPlaceItNeverHeldIsNotReadAsBytes() throws {
        let file = try #require(SpillFile())
        let place = try #require(file.append([Array("held".utf8)]))
        #expect(file.read(place) == Array("held".utf8))
        #expect(file.read(SpillFile.Place(offset: place.count, count: 10)) == nil, "past the end is lost, not zeros")
        file.empty()
        #expect(file.read(place) == nil, "an emptied file holds nothing")
        #expect(file.size == 0)
    }

    @Test func theFileHasNoNameInAnyFolder() throws {
        let file = try #require(SpillFile())
        #expect(file.names == 0)
        #expect(file.append([Array("kept".utf8)]) != nil)
        #expect(file.names == 0)
    }
}
