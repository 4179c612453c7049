/// A Graphviz SVG picture made fit to sit inside an HTML page.
///
/// The XML prolog, document type and comments go (comments repeat node names, and an HTML
/// parser ends a comment differently from an XML one); every `id` gets the picture's prefix,
/// so several pictures on one page do not share ids. Then every element and attribute is
/// checked against what Graphviz draws: a picture holding a script, an event handler, a link
/// or embedded foreign content is refused rather than embedded.
public enum InlineSVG {
    /// Elements Graphviz's SVG renderer writes for the pictures Firebreak draws.
    static let allowedElements: Set<String> = [
        "svg", "g", "title", "text", "a", "polygon", "polyline", "path", "ellipse", "rect", "circle", "line",
        "defs", "lineargradient", "radialgradient", "stop", "tspan",
    ]

    /// The picture ready for an HTML page, or nil when it holds anything that could act.
    public static func embeddable(_ svg: String, idPrefix: String) -> String? {
        guard let start = svg.range(of: "<svg") else { return nil }
        var body = String(svg[start.lowerBound...])
        while let open = body.range(of: "<!--") {
            guard let close = body.range(of: "-->", range: open.upperBound..<body.endIndex) else { return nil }
            body.removeSubrange(open.lowerBound..<close.upperBound)
        }
        guard isInert(body) else { return nil }
        body = body.replacingOccurrences(of: " id=\"", with: " id=\"\(idPrefix)-")
        // Never wider than drawn, and a large picture at least page-wide and up to 2,400 pixels, in a
        // frame that scrolls: its labels stay readable; the view box keeps the proportions.
        if let width = body.range(of: "<svg width=\""), let close = body.range(of: "\"", range: width.upperBound..<body.endIndex) {
            let drawn = body[width.upperBound..<close.lowerBound]
            body.replaceSubrange(width.lowerBound..<close.upperBound,
                                 with: "<svg role=\"img\" style=\"width: min(\(drawn), max(100%, 2400px))\"")
            if let height = body.range(of: " height=\""), let end = body.range(of: "\"", range: height.upperBound..<body.endIndex) {
                body.removeSubrange(height.lowerBound..<end.upperBound)
            }
        }
        return body.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Whether every tag is an allowed element whose attributes are neither event handlers nor
    /// links. Graphviz escapes `<` in text and `"` in attribute values, so tags are found by
    /// scanning for `<` and reading up to the matching `>` outside quotes.
    static func isInert(_ svg: String) -> Bool {
        let scalars = Array(svg.unicodeScalars)
        var index = 0
        while index < scalars.count {
            guard scalars[index] == "<" else { index += 1; continue }
            index += 1
            if index < scalars.count, scalars[index] == "/" { index += 1 }
            if index < scalars.count, scalars[index] == "!" || scalars[index] == "?" { return false }
            var name = ""
            while index < scalars.count, !isSpace(scalars[index]), scalars[index] != ">", scalars[index] != "/" {
                name.unicodeScalars.append(scalars[index])
                index += 1
            }
            guard allowedElements.contains(name.lowercased()) else { return false }
            // Attributes, up to the tag's end.
            while index < scalars.count, scalars[index] != ">" {
                if isSpace(scalars[index]) || scalars[index] == "/" { index += 1; continue }
                var attribute = ""
                while index < scalars.count, !isSpace(scalars[index]), !["=", ">", "/"].contains(scalars[index]) {
                    attribute.unicodeScalars.append(scalars[index])
                    index += 1
                }
                let lowered = attribute.lowercased()
                if lowered.hasPrefix("on") || lowered.contains("href") { return false }
                if index < scalars.count, scalars[index] == "=" {
                    index += 1
                    guard index < scalars.count, scalars[index] == "\"" || scalars[index] == "'" else { return false }
                    let quote = scalars[index]
                    index += 1
                    while index < scalars.count, scalars[index] != quote { index += 1 }
                    index += 1
                }
            }
            index += 1
        }
        return true
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" }
}
