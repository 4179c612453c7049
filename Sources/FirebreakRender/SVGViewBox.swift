import Foundation

/// Mends the view box of an SVG that Graphviz drew at a resolution other than 72 dpi.
///
/// Graphviz 2.x scales the drawing by dpi/72 inside the picture (`scale(1.33 1.33)` at
/// 96 dpi) and writes the width and height scaled, but leaves the view box in unscaled points,
/// so a browser shows the drawing a third too large with its right and bottom quarter cut off.
/// The view box is set to the width and height the picture declares, which the scaled drawing
/// fills exactly. A picture whose view box already matches is left as it is.
enum SVGViewBox {
    static func repaired(_ svg: String) -> String {
        guard let root = svg.range(of: "<svg"), let end = svg.range(of: ">", range: root.upperBound..<svg.endIndex) else { return svg }
        let tag = svg[root.lowerBound..<end.upperBound]
        guard let width = number(of: "width", in: tag), let height = number(of: "height", in: tag),
              let box = attribute("viewBox", in: tag) else { return svg }
        let parts = box.split(separator: " ").compactMap { Double($0) }
        guard parts.count == 4, parts[2] > 0, abs(parts[2] - width) > 0.5 || abs(parts[3] - height) > 0.5 else { return svg }
        let mended = tag.replacingOccurrences(of: "viewBox=\"\(box)\"", with: "viewBox=\"0.00 0.00 \(width) \(height)\"")
        return svg.replacingCharacters(in: root.lowerBound..<end.upperBound, with: mended)
    }

    /// The value of `name="…"` in a tag.
    static func attribute(_ name: String, in tag: Substring) -> String? {
        guard let start = tag.range(of: " \(name)=\"") ?? tag.range(of: "\n\(name)=\""),
              let close = tag.range(of: "\"", range: start.upperBound..<tag.endIndex) else { return nil }
        return String(tag[start.upperBound..<close.lowerBound])
    }

    /// A length attribute in points (`1691pt`) as a number.
    static func number(of name: String, in tag: Substring) -> Double? {
        guard let value = attribute(name, in: tag), value.hasSuffix("pt") else { return nil }
        return Double(value.dropLast(2))
    }
}
