import FirebreakModel
import Foundation
import Testing

/// A location keeps its line and column in 32 bits each, and reads and writes as before.
@Suite struct SourceLocationTests {
    @Test func encodesAndDecodesItsFileLineAndColumn() throws {
        let location = SourceLocation(file: ".github/workflows/ci.yml", line: 120_000, column: 7)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(location), as: UTF8.self)
        #expect(json == #"{"column":7,"file":".github\/workflows\/ci.yml","line":120000}"#)
        #expect(try JSONDecoder().decode(SourceLocation.self, from: Data(json.utf8)) == location)
        #expect(location.description == ".github/workflows/ci.yml:120000:7")
    }

    @Test func ordersByFileThenLineThenColumn() {
        let a = SourceLocation(file: "a.yml", line: 9, column: 40)
        let b = SourceLocation(file: "a.yml", line: 10, column: 1)
        let c = SourceLocation(file: "b.yml", line: 1, column: 1)
        #expect([c, b, a].sorted() == [a, b, c])
        #expect(SourceLocation.implicit("a.yml").description == "a.yml")
    }

    @Test func aLineBeyond32BitsIsTheLargestNotACrash() {
        var location = SourceLocation(file: "x.yml", line: Int.max, column: -5)
        #expect(location.line == Int(Int32.max))
        #expect(location.column == -5)
        location.line = 3
        #expect(location.line == 3)
    }
}
