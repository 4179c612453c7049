import Foundation

/// Regular expressions over CI text, compiled once.
enum Patterns {
    static func regex(_ pattern: String) -> NSRegularExpression {
        // The patterns are literals in this file; a failure is a programming error caught by the tests.
        try! NSRegularExpression(pattern: pattern)
    }

    /// All first capture groups of `regex` in `text`.
    static func captures(_ regex: NSRegularExpression, in text: String) -> [String] {
        let range = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: range).compactMap { match in
            guard match.numberOfRanges > 1, let captured = Range(match.range(at: 1), in: text) else { return nil }
            return String(text[captured])
        }
    }

    static func matches(_ regex: NSRegularExpression, _ text: String) -> Bool {
        regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}
