@testable import FirebreakImport
import Testing

/// Scripts are split into lines and words by Unicode scalars; the pieces are those a split by
/// characters gives, on the line endings and white space real files hold.
struct TextSplitTests {
    static let texts = [
        "npm ci\nnpm test\n", "make build\r\nmake release\r\n", "one\n\n\ntwo", "\u{2028}a\u{2029}b\u{85}c\u{0B}d\u{0C}e\r",
        "  echo  \t done  ", "tag\u{A0}v1\u{3000}x", "e\u{301} \u{1F600}\nwhy not", "", "\n\r\n", "no separators",
        // Scalars whose UTF-8 starts as NEL's, LS's or PS's does (C2, E2 80) but that are not line breaks.
        "a\u{80}b\u{A0}c", "x\u{2027}y\u{202A}z\u{2000}w", "ends in NEL\u{85}", "\u{2029}", "é\u{2028}ü\u{85}",
    ]

    @Test func linesAreThoseCharactersGive() {
        for text in Self.texts {
            #expect(TextSplit.lines(text) == text.split(whereSeparator: \.isNewline), "\(text.debugDescription)")
        }
        #expect(TextSplit.lines("make build\r\nmake release\r\n") == ["make build", "make release"])
    }

    @Test func wordsAreThoseCharactersGive() {
        for text in Self.texts {
            #expect(TextSplit.words(text) == text.split(whereSeparator: \.isWhitespace), "\(text.debugDescription)")
        }
        #expect(TextSplit.words("actions/checkout@v4 \n  # pinned") == ["actions/checkout@v4", "#", "pinned"])
    }

    @Test func aSliceIsSplitWithinItsBounds() {
        let text = "skip\nfirst line\nsecond line\nskip"
        let slice = text.dropFirst(5).dropLast(5)
        #expect(TextSplit.lines(slice) == ["first line", "second line"])
    }
}
