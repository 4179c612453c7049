/// Splits an expression's text into tokens, each with its character offset.
struct ExpressionLexer {
    enum Kind: Hashable, Sendable {
        case number(Double)
        case string(String)
        case identifier(String)
        case symbol(String)
        case end
    }

    struct Token: Hashable, Sendable {
        var kind: Kind
        var offset: Int
    }

    static func tokens(_ text: String) throws(ExpressionError) -> [Token] {
        let characters = Array(text.unicodeScalars)
        var tokens: [Token] = []
        var position = 0
        func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
            position + ahead < characters.count ? characters[position + ahead] : nil
        }
        while let character = peek() {
            let start = position
            if character == " " || character == "\n" || character == "\t" || character == "\r" || (!character.isASCII && character.properties.isWhitespace) {
                position += 1
                continue
            }
            if character == "'" {
                var value = String.UnicodeScalarView()
                position += 1
                while true {
                    guard let next = peek() else { throw ExpressionError(message: "unterminated string literal", offset: start) }
                    position += 1
                    if next == "'" {
                        if peek() == "'" { value.append("'"); position += 1 } else { break }
                    } else {
                        value.append(next)
                    }
                }
                tokens.append(Token(kind: .string(String(value)), offset: start))
                continue
            }
            if isDigit(character) || (character == "-" && peek(1).map(isDigit) == true) || (character == "." && peek(1).map(isDigit) == true) {
                var text = String(character)
                position += 1
                while let next = peek(), isDigit(next) || isLetter(next) || next == "." || ((next == "-" || next == "+") && (text.last == "e" || text.last == "E")) {
                    text.unicodeScalars.append(next)
                    position += 1
                }
                let lowered = text.lowercased()
                let value: Double?
                if lowered.hasPrefix("0x") || lowered.hasPrefix("-0x") {
                    let negative = lowered.hasPrefix("-")
                    value = Int(lowered.dropFirst(negative ? 3 : 2), radix: 16).map { Double(negative ? -$0 : $0) }
                } else {
                    value = Double(text)
                }
                guard let value else { throw ExpressionError(message: "'\(text)' is not a number", offset: start) }
                tokens.append(Token(kind: .number(value), offset: start))
                continue
            }
            if isLetter(character) || character == "_" {
                var name = String.UnicodeScalarView()
                while let next = peek(), isLetter(next) || isDigit(next) || next == "_" || next == "-" {
                    name.append(next)
                    position += 1
                }
                tokens.append(Token(kind: .identifier(String(name)), offset: start))
                continue
            }
            let pair = peek(1).map { String(String.UnicodeScalarView([character, $0])) } ?? ""
            if ["==", "!=", "<=", ">=", "&&", "||"].contains(pair) {
                tokens.append(Token(kind: .symbol(pair), offset: start))
                position += 2
                continue
            }
            guard "!<>()[],.*".unicodeScalars.contains(character) else {
                throw ExpressionError(message: "unexpected character '\(character)'", offset: start)
            }
            tokens.append(Token(kind: .symbol(String(character)), offset: start))
            position += 1
        }
        tokens.append(Token(kind: .end, offset: characters.count))
        return tokens
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }
    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) }
        return scalar.properties.isAlphabetic
    }
}
