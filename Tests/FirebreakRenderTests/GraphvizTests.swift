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
