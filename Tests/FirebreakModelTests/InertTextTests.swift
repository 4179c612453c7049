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

    static func showableByDefinition(_ bytes: [UInt8]) -> Bool {
        // Well formed exactly when decoding needs no repair; then no scalar may be unsafe.
        guard let text = String(validating: bytes, as: UTF8.self) else { return false }
        return !text.unicodeScalars.contains(where: InertText.isUnsafe)
    }

    @Test func showableTextIsWellFormedWithNothingUnsafe() {
        let cases: [(String, [UInt8])] = [
            ("an em dash and an arrow", Array("hop \u{2014} then \u{2192} on".utf8)),
            ("an emoji", Array("ship \u{1F680} it, twelve bytes on".utf8)),
            ("a right-to-left override", Array("name \u{202E}cod.exe".utf8)),
            ("a C1 control", Array("next line \u{85} here".utf8)),
            ("an escape", Array("json \u{1B}[2J".utf8)),
            ("a carriage return", Array("a\r\nb".utf8)),
            ("a stray continuation byte", [0x61, 0x80, 0x62]),
            ("a truncated dash", [0x61, 0xE2, 0x80]),
            ("an overlong slash", [0xC0, 0xAF]),
            ("an overlong three-byte form", [0xE0, 0x80, 0xAF]),
            ("an overlong four-byte form", [0xF0, 0x80, 0x80, 0xAF]),
            ("a surrogate", [0xED, 0xA0, 0x80]),
            ("past U+10FFFF", [0xF4, 0x90, 0x80, 0x80]),
            ("a lead byte past F4", [0xF5, 0x80, 0x80, 0x80]),
            ("an invalid byte", [0x61, 0xFF]),
        ]
        for (name, bytes) in cases {
            let fast = bytes.withUnsafeBufferPointer(InertText.isShowable)
            #expect(fast == Self.showableByDefinition(bytes), "\(name)")
        }
        #expect(Array("plain {\n\t\"json\" : 1\n}\n".utf8).withUnsafeBufferPointer(InertText.isShowable))
        #expect(Array("hop \u{2014} then \u{2192} on".utf8).withUnsafeBufferPointer(InertText.isShowable))
        #expect(!Array("name \u{202E}cod.exe".utf8).withUnsafeBufferPointer(InertText.isShowable))
    }

    @Test func everyTwoByteAndThreeByteLeadInEveryPositionIsJudgedAsDecoding() {
        // Each lead byte, followed by continuation bytes that make its smallest and its largest
        // scalar and by a plain letter, at each offset of a 19-byte text.
        for lead in UInt8(0x80)...UInt8.max {
            for tail: [UInt8] in [[0x80, 0x80, 0x80], [0xBF, 0xBF, 0xBF], [0x80, 0x61, 0x61], [0x61, 0x61, 0x61], [0x85, 0x80, 0x80], [0x80, 0xAE, 0x80]] {
                for offset in 0..<16 {
                    var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 19)
                    bytes.replaceSubrange(offset..<offset + 4, with: [lead] + tail)
                    let fast = bytes.withUnsafeBufferPointer(InertText.isShowable)
                    #expect(fast == Self.showableByDefinition(bytes), "lead \(lead) tail \(tail) at \(offset)")
                }
            }
        }
    }
}
