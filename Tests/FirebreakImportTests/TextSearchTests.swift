@testable import FirebreakImport
import Foundation
import Testing

/// The byte-level text search and replacement give what Foundation gives for the ASCII
/// needles the importers use, on scripts with continued lines, pipes and text beyond ASCII.
struct TextSearchTests {
    static let texts = [
        "curl -sSL https://x.test/i.sh \\\n  | bash", "make \\\r\nall", "a || b | c ||| d", "é\\\n🙂 \\\\\n", "", "\\", "||",
        "no needle here", "curl x||wget y",
    ]

    @Test(arguments: ["\\\n", "\\\r\n", "||", "curl"])
    func replacingIsFoundationsReplacing(needle: String) {
        for text in Self.texts {
            #expect(TextSearch.replacing(needle, with: " ", in: text) == text.replacingOccurrences(of: needle, with: " "), "\(text.debugDescription)")
            #expect(TextSearch.contains(text, needle) == text.contains(needle), "\(text.debugDescription)")
        }
    }
}
