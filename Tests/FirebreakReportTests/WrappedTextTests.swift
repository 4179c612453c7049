@testable import FirebreakReport
import Testing

/// Notes are wrapped at spaces within the width, continuation lines under the note's text.
struct WrappedTextTests {
    @Test func wordsWrapUnderTheHangingLabelAndExtraSpacesGo() {
        let lines = "one two  three four".wrapped(after: "  │ ", hanging: "note: ", width: 20)
        #expect(lines == ["  │ note: one two", "  │       three four"])
        #expect(lines.allSatisfy { $0.count <= 20 && !$0.hasSuffix(" ") })
    }

    @Test func aLeadWiderThanTheWidthGivesOneCutLine() {
        let lines = "what it opens is unknown".wrapped(after: String(repeating: "│ ", count: 12), hanging: "note: ", width: 20)
        #expect(lines.count == 1 && lines[0].count == 20 && lines[0].hasSuffix("…"))
    }
}
