@testable import FirebreakImport
import Testing

/// What the import remembers of a text it has read is told apart by the text's bytes: a text
/// Unicode calls equivalent (a precomposed `é`, or `e` and a combining accent) but spelled with
/// other scalars gets its own reading, with offsets counted in its own scalars.
struct TextMemoTests {
    @Test func equivalentTextsWithOtherScalarsAreReadEachOnItsOwn() throws {
        let composed = "\u{E9}\necho ${{ github.event.issue.title }}"
        let decomposed = "e\u{301}\necho ${{ github.event.issue.title }}"
        #expect(composed == decomposed, "Swift's strings call them equal")
        let first = try ExpressionTemplate.expressions(in: composed)
        let second = try ExpressionTemplate.expressions(in: decomposed)
        #expect(first.map(\.offset) == [7])
        #expect(second.map(\.offset) == [8], "the decomposed text has one scalar more before the expression")
    }

    @Test func aMemoStartsOverPastItsBoundAndStillAnswers() {
        let memo = TextMemo<Int>(capacity: 2, maximumBytes: 10)
        var computed = 0
        for text in ["a", "b", "c", "a", "0123456789ab", "a"] {
            let value = memo.value(for: text) { computed += 1; return $0.utf8.count }
            #expect(value == text.utf8.count)
        }
        #expect(computed >= 4, "entries past the bound are computed again")
    }

    @Test func anEmptyNeedleIsFoundNowhereAsWithFoundation() {
        #expect(!"abc".contains(""))
        #expect("abc".contains("b"))
    }
}
