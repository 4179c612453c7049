@testable import FirebreakEngine
import Testing

/// A tag filter reads as GitHub applies it: the patterns that match, then those a `!` leaves out.
struct TagPatternWordingTests {
    @Test func excludedPatternsReadAsExceptions() {
        #expect(TagPushRule.patterns(["v*", "!v2.4*", "!v2.5*"]) == "'v*' but not 'v2.4*' or 'v2.5*'")
        // The control: patterns that only match read as alternatives.
        #expect(TagPushRule.patterns(["v*", "release-*"]) == "'v*' or 'release-*'")
    }
}
