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

    /// The expression an `if:` holds: `${{ }}` around the whole value is optional.
    static func condition(_ text: String) -> String {
        let trimmed = TextSearch.trimmed(text)
        if trimmed.hasPrefix("${{"), trimmed.hasSuffix("}}"), let only = try? expressions(in: trimmed), only.count == 1,
           only[0].offset == 0, only[0].text.count + 5 == trimmed.count {
            return only[0].text
        }
        return trimmed
    }
}
