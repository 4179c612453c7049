/// Text made safe for an HTML page or an XML document: every character that could open markup,
/// end an attribute or start an entity is written as an entity, so a name from a model is only
/// ever text.
enum MarkupText {
    /// `text` escaped for an element's content or a double- or single-quoted attribute value.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }

    /// An id usable in a fragment link: letters, digits and `-` kept, anything else `_`.
    static func anchor(_ text: String) -> String {
        String(text.unicodeScalars.map { scalar in
            (("0"..."9").contains(scalar) || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || scalar == "-")
                ? Character(scalar) : "_"
        })
    }
}
