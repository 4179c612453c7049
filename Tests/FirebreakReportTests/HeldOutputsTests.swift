import FirebreakReport
import Foundation
import Testing

/// Output done before its turn is given back whole and in the order asked, whether it was kept
/// in memory or, past the bound, in a temporary file that is removed once read.
@Suite(.serialized) struct HeldOutputsTests {
    static func entry(_ index: Int, size: Int) -> [[UInt8]] {
        let text = Array("{\"repository\" : \(index)}\n".utf8)
        let body = (0..<size).map { UInt8(ascii: "a") + UInt8($0 % 26) }
        return [text, body, text]
    }

    static var spilledFiles: Set<String> {
        let folder = FileManager.default.temporaryDirectory.path
        return Set(((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasPrefix("firebreak-") && $0.hasSuffix(".json") })
    }

    @Test func entriesPastTheBoundGoToFilesAndComeBackWhole() throws {
        let before = Self.spilledFiles
        var held = HeldOutputs(memoryLimit: 10_000)
        // Kept out of order, as repositories finish: the first 6,000 bytes stay in memory, the
        // rest go to files.
        for index in [3, 1, 4, 2] { held.keep(index, Self.entry(index, size: 6_000)) }
        #expect(!held.isInFile(3))
        #expect(held.isInFile(1) && held.isInFile(4) && held.isInFile(2))
        #expect(Self.spilledFiles.subtracting(before).count == 3)
        #expect(try held.take(0) == nil, "nothing kept for an entry not done")
        for index in 1...4 {
            let taken = try #require(try held.take(index))
            #expect(Array(taken.joined()) == Array(Self.entry(index, size: 6_000).joined()))
        }
        #expect(try held.take(2) == nil, "an entry is given back once")
        #expect(Self.spilledFiles.subtracting(before).isEmpty, "every file is removed once read")
    }

    @Test func aRemovedFileIsReportedNotReadAsEmpty() throws {
        let before = Self.spilledFiles
        var held = HeldOutputs(memoryLimit: 0)
        held.keep(0, Self.entry(0, size: 100))
        #expect(held.isInFile(0))
        let folder = FileManager.default.temporaryDirectory.path
        for file in Self.spilledFiles.subtracting(before) { try FileManager.default.removeItem(atPath: folder + "/" + file) }
        #expect(throws: HeldOutputs.Lost.self) { try held.take(0) }
    }

    @Test func discardingRemovesEveryFileKept() {
        let before = Self.spilledFiles
        var held = HeldOutputs(memoryLimit: 0)
        for index in 0..<3 { held.keep(index, Self.entry(index, size: 100)) }
        #expect(Self.spilledFiles.subtracting(before).count == 3)
        held.discardAll()
        #expect(Self.spilledFiles.subtracting(before).isEmpty)
    }
}
