import Foundation

/// The `${{ }}` expressions embedded in a workflow string.
enum ExpressionTemplate {
    /// One `${{ ... }}` occurrence: its inner text and where it starts in the string.
    struct Embedded: Hashable, Sendable {
        var text: String
        /// Offset of `${{` in the string, in Unicode scalars.
        var offset: Int
    }

    /// Every `${{ }}` in `text`, in order. A `}}` inside a quoted string does not close the
    /// expression (as in `format('{0}}', ...)`). An unclosed `${{` is an error at its offset.
    static func expressions(in text: String) throws(ExpressionError) -> [Embedded] {
        guard TextSearch.contains(text, "${{") else { return [] }
        return try found.value(for: text) { text in Result { () throws(ExpressionError) in try find(in: text) } }.get()
    }

    /// Texts searched before, with what they hold.
    private static let found = TextMemo<Result<[Embedded], ExpressionError>>(capacity: 20_000)

    private static func find(in text: String) throws(ExpressionError) -> [Embedded] {
        let characters = Array(text.unicodeScalars)
        var result: [Embedded] = []
        var position = 0
        while position + 2 < characters.count {
            guard characters[position] == "$", characters[position + 1] == "{", characters[position + 2] == "{" else {
                position += 1
                continue
            }
            let start = position
            position += 3
            var inString = false
            var closed = false
            var inner = String.UnicodeScalarView()
            while position < characters.count {
                let character = characters[position]
                if character == "'" { inString.toggle() }
                if !inString, character == "}", position + 1 < characters.count, characters[position + 1] == "}" {
                    closed = true
                    position += 2
                    break
                }
                inner.append(character)
                position += 1
            }
            guard closed else { throw ExpressionError(message: "`${{` is never closed with `}}`", offset: start) }
            result.append(Embedded(text: String(inner), offset: start))
        }
        return result
    }

    /// How GitHub reads an `if:` value (GitHub Docs, "Expressions": `${{ }}` is optional in
    /// `if:`, and using it turns the contents into a string, which is true when not empty).
    struct Condition: Equatable, Sendable {
        /// The expression GitHub evaluates.
        var expression: String
        /// What made the value a string that always holds, if anything did.
        var stringified: Stringified?
    }

    /// What surrounds the `${{ }}` of an `if:` that GitHub reads as a string.
    enum Stringified: Equatable, Sendable {
        /// Only whitespace, such as the line break a `|` or `>` block keeps at its end.
        case whitespace
        /// Text: the value mixes an expression written bare with `${{ }}`.
        case text
    }

    /// The expression an `if:` holds. A value without `${{` is one bare expression; a value that
    /// is one `${{ }}` and nothing else, not even whitespace, is its contents. Any other value
    /// with `${{` is a string: it always holds, and as GitHub adds `success() &&` only to a
    /// condition that calls no status function, it holds after a failure too when one of its
    /// expressions calls `always()`, `failure()` or `cancelled()`. An unclosed `${{` is left
    /// for the parser to report.
    static func condition(_ text: String) -> Condition {
        guard TextSearch.contains(text, "${{"), let found = try? expressions(in: text), !found.isEmpty else {
            return Condition(expression: TextSearch.trimmed(text), stringified: nil)
        }
        if found.count == 1, found[0].offset == 0, found[0].text.unicodeScalars.count + 5 == text.unicodeScalars.count {
            return Condition(expression: found[0].text, stringified: nil)
        }
        let trimmed = TextSearch.trimmed(text)
        let onlyWhitespace = found.count == 1 && trimmed.hasPrefix("${{") && found[0].text.unicodeScalars.count + 5 == trimmed.unicodeScalars.count
        let afterFailure = found.contains { (try? ExpressionParser.parse($0.text))?.runsAfterFailure ?? false }
        return Condition(expression: afterFailure ? "always()" : "true", stringified: onlyWhitespace ? .whitespace : .text)
    }
}
