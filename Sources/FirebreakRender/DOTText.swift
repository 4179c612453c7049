/// Escaping for DOT quoted strings.
///
/// Backslashes are doubled so that Graphviz's own escapes (`\N`, `\G`, `\l`) in a name stay
/// text; quotes are escaped; line breaks become DOT's `\n`. Names never become DOT ids:
/// nodes get synthetic ids, and names appear only inside quoted labels and tooltips.
enum DOTText {
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\r": break
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    result += " "
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
