import FirebreakModel
import Foundation
import Testing

/// Texts are equal when their UTF-8 bytes are, whatever their storage.
@Suite struct ExactTextTests {
    @Test func equalBytesAreEqualAndOtherBytesAreNot() {
        let long = String(repeating: "assumed: the runner keeps state between jobs ", count: 3)
        #expect(ExactText(long) == ExactText(String(decoding: Array(long.utf8), as: UTF8.self)))
        #expect(ExactText(long) != ExactText(long + "."), "a longer text")
        #expect(ExactText(long + "a") != ExactText(long + "b"), "as long, one byte apart")
        #expect(ExactText("") == ExactText(""))
        #expect(ExactText("caf\u{E9}") != ExactText("cafe\u{301}"), "Unicode-equivalent, other bytes")
        #expect(Set([ExactText("caf\u{E9}"), ExactText("caf\u{E9}"), ExactText("cafe\u{301}")]).count == 2)
    }

    /// On Darwin a text from Foundation may be bridged; on Linux it is native like any other.
    @Test func aTextFromFoundationComparesByItsBytesToo() {
        let bridged = NSString(string: "workflows/ci.yml") as String
        #expect(ExactText(bridged) == ExactText("workflows/ci.yml"))
        #expect(ExactText(bridged) != ExactText("workflows/cd.yml"))
    }
}
