import FirebreakModel
import Testing

/// The word-at-a-time check for plain ASCII agrees with the byte-by-byte definition: a text
/// it calls plain holds nothing a terminal would act on.
struct InertTextTests {
    static func plainByDefinition(_ bytes: [UInt8]) -> Bool {
        bytes.allSatisfy { (0x20...0x7E).contains($0) || $0 == 0x0A || $0 == 0x09 }
    }

    @Test func everyByteInEveryPositionIsJudgedAsOneByOne() {
        // Each byte value at each offset of a 19-byte text (two whole words and a tail), among
        // plain letters, newlines, tabs, spaces and tildes (the ends of the printable range).
        for filler in [UInt8(ascii: "a"), 0x0A, 0x09, 0x20, 0x7E] {
            for offset in 0..<19 {
                for value in UInt8.min...UInt8.max {
                    var bytes = [UInt8](repeating: filler, count: 19)
                    bytes[offset] = value
                    let fast = bytes.withUnsafeBufferPointer { InertText.isPlainASCII($0) }
                    #expect(fast == Self.plainByDefinition(bytes), "byte \(value) at \(offset) among \(filler)")
                }
            }
        }
    }

    @Test func controlAndBidirectionalTextIsNotPlain() {
        for text in ["json \u{1B}[2J", "DEL \u{7F}", "\u{202E}evil", "caf\u{E9}", "C1 \u{85}"] {
            let plain = Array(text.utf8).withUnsafeBufferPointer { InertText.isPlainASCII($0) }
            #expect(!plain, "\(text.debugDescription)")
        }
        let json = Array("{\n  \"a\" : \"b\\tc\"\n}\n".utf8)
        #expect(json.withUnsafeBufferPointer { InertText.isPlainASCII($0) })
    }
}
