import FirebreakEngine
import FirebreakImport
import FirebreakModel
import FirebreakReport
import FirebreakTestSupport
import Foundation
import Testing

/// The streaming JSON writer gives the very bytes Foundation's encoder gives for the same
/// report: the JSON contract does not depend on which one wrote it (hops written once and
/// copied where paths share them included).
struct JSONTextTests {
    static let inputs = ["Scenarios/pipelines/skeleton-key.yml", "Scenarios/pipelines/hardened.yml",
                         "Tests/FirebreakImportTests/Fixtures/gitlab-variables", "Tests/FirebreakImportTests/Fixtures/self-hosted",
                         "Tests/FirebreakImportTests/Fixtures/fix-prt-publish"]

    @Test(arguments: inputs)
    func theStreamedReportIsTheEncodedOne(input: String) throws {
        let model = try InputLoader.load(path: PackagePaths.path(input)).model
        let simulation = Simulation(model: model)
        let results = simulation.run(try Examples.library().scenarios)
        let report = SimulationReport(model: model, results: results, assumptions: simulation.assumptions)
        let streamed = String(decoding: SimulationJSON.bytes(model: model, results: results, assumptions: simulation.assumptions), as: UTF8.self)
        #expect(streamed == JSONOutput.encode(report))
        // Paths that share their first hops are what the copying is for: the inputs have them.
        #expect(results.contains { result in result.reached.contains { $0.hops > 1 } })
    }

    @Test func awkwardTextIsEscapedAsTheEncoderEscapesIt() {
        struct Sample: Encodable { var a: String; var b: [String]; var c: [String: Int]; var d: [String] }
        let awkward = "quote \" backslash \\ slash / tab \t newline \n bell \u{07} é 𝄞 <script>"
        var writer = JSONText()
        writer.beginObject()
        writer.field("a", awkward)
        writer.field("b", [awkward, ""])
        writer.key("c")
        writer.beginObject()
        writer.endObject()
        writer.field("d", [])
        writer.endObject()
        #expect(writer.text + "\n" == JSONOutput.encode(Sample(a: awkward, b: [awkward, ""], c: [:], d: [])))
    }

    /// The writer looks for bytes to escape eight at a time: each one is found at every place in
    /// and after a word, between plain ASCII and between multi-byte characters.
    @Test func aByteToEscapeIsFoundWhereverItIs() {
        struct Sample: Encodable { var a: [String] }
        var texts: [String] = []
        for special in ["\"", "\\", "\n", "\u{01}", "\u{1F}"] {
            for filler in ["abcdefgh", "éü"] {
                for place in 0...17 {
                    let before = String(repeating: filler, count: 3).prefix(place)
                    texts.append(before + special + String(repeating: filler, count: 2))
                }
            }
        }
        // Bytes just past the escaped range and high bytes, which a word-wide test could mistake.
        texts.append("!#[]^`~\u{7F} \u{80}\u{FF}ÿĀ" + String(repeating: "\u{21}\u{23}\u{5B}\u{5D}", count: 5))
        var writer = JSONText()
        writer.beginObject()
        writer.field("a", texts)
        writer.endObject()
        #expect(writer.text + "\n" == JSONOutput.encode(Sample(a: texts)))
    }
}
