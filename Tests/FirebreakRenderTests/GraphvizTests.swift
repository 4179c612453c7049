import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import FirebreakRender
import Testing

@Suite struct GraphvizTests {
    @Test func rendersATwoNodeGraphToSVGInProcess() throws {
        let svg = try Graphviz.render(dot: #"digraph g { build -> deploy [label="produces"]; }"#, format: .svg)
        let text = String(decoding: svg, as: UTF8.self)
        #expect(text.contains("<svg"))
        #expect(text.contains(">build</text>"))
        #expect(text.contains(">deploy</text>"))
        // The SVG is well-formed XML.
        _ = try XMLDocument(data: svg)
    }

    /// At 96 dpi (every Firebreak picture) the drawing is scaled inside the picture; the view
    /// box must span what the picture declares, or a browser cuts off its right and bottom.
    @Test func anSVGDrawnAt96DPIShowsItsWholeDrawing() throws {
        let svg = try Graphviz.render(dot: #"digraph g { graph [dpi=96]; build -> deploy; }"#, format: .svg)
        let text = String(decoding: svg, as: UTF8.self)
        func attribute(_ name: String) -> String {
            guard let start = text.range(of: " \(name)=\""), let end = text.range(of: "\"", range: start.upperBound..<text.endIndex) else { return "" }
            return String(text[start.upperBound..<end.lowerBound])
        }
        let width = try #require(Double(attribute("width").replacingOccurrences(of: "pt", with: "")))
        let height = try #require(Double(attribute("height").replacingOccurrences(of: "pt", with: "")))
        #expect(text.contains("scale(1.33"), "the drawing is scaled for 96 dpi inside the picture")
        let box = attribute("viewBox").split(separator: " ").compactMap { Double($0) }
        #expect(box.count == 4)
        #expect(abs(box[2] - width) < 0.5 && abs(box[3] - height) < 0.5, "viewBox \(box) for \(width)×\(height)pt")
    }

    @Test func rendersPNGWithItsSignature() throws {
        let png = try Graphviz.render(dot: "digraph g { a -> b }", format: .png)
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    }

    @Test func anUnknownLayoutIsAFirebreakError() {
        #expect {
            _ = try Graphviz.render(dot: "digraph g { a -> b }", format: .svg, layout: "no-such-engine")
        } throws: { error in
            let message = (error as? RenderError)?.description ?? ""
            return message.contains("cannot lay out with 'no-such-engine'") && message.contains("dot")
        }
    }

    @Test func brokenDOTIsAFirebreakError() {
        #expect(throws: RenderError.self) { try Graphviz.render(dot: "digraph g { a -> ", format: .svg) }
    }
}
