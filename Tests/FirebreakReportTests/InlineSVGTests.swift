import FirebreakReport
import Testing

/// A picture goes into the report only as drawing: comments and prolog dropped, ids made
/// unique per picture, and anything that could act refused.
struct InlineSVGTests {
    static let drawing = """
        <?xml version="1.0" encoding="UTF-8" standalone="no"?>
        <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
        <!-- Title: firebreak -->
        <svg width="200pt" height="100pt" viewBox="0.00 0.00 200.00 100.00" xmlns="http://www.w3.org/2000/svg">
        <g id="graph0" class="graph"><title>firebreak</title>
        <!-- n0 --&gt; <script> -->
        <g id="node1" class="node"><a xlink:title="job:&lt;script&gt;"><polygon fill="white" points="0,0 10,0 10,10"/></a>
        <text x="5" y="5">job &lt;script&gt;alert(1)&lt;/script&gt; javascript:alert(1)</text></g></g></svg>
        """

    @Test func aGraphvizDrawingIsEmbeddedWithoutCommentsAndWithItsOwnIds() throws {
        let inline = try #require(InlineSVG.embeddable(Self.drawing, idPrefix: "p1"))
        #expect(inline.hasPrefix("<svg role=\"img\" style=\"width: min(200pt, max(100%, 2400px))\""))
        #expect(!inline.contains("<!--") && !inline.contains("<?xml") && !inline.contains("DOCTYPE"))
        #expect(inline.contains("id=\"p1-graph0\"") && inline.contains("id=\"p1-node1\""))
        #expect(!inline.contains(" height=\"100pt\""), "the view box sets the height")
        #expect(inline.contains("javascript:alert(1)</text>"), "text that reads like a link stays text")
    }

    @Test(arguments: [
        #"<svg width="1pt"><script>alert(1)</script></svg>"#,
        #"<svg width="1pt" onload="alert(1)"></svg>"#,
        #"<svg width="1pt"><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>"#,
        #"<svg width="1pt"><a href="https://example.com"><text>x</text></a></svg>"#,
        #"<svg width="1pt"><foreignObject><div>x</div></foreignObject></svg>"#,
        #"<svg width="1pt"><image src="x"/></svg>"#,
        #"<svg width="1pt"><g><![CDATA[ x ]]></g></svg>"#,
        #"<svg width="1pt"><!-- unclosed </svg>"#,
        #"<svg width="1pt"><g id=x onclick=alert(1)></g></svg>"#,
    ])
    func anythingThatCouldActIsRefused(_ svg: String) {
        #expect(InlineSVG.embeddable(svg, idPrefix: "p") == nil, "\(svg)")
    }
}
