import FirebreakEngine
import FirebreakModel
import FirebreakRender
import FirebreakTestSupport
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

@Suite struct DOTWriterTests {
    static let fixtures = PackagePaths.path("Tests/FirebreakRenderTests/Fixtures")

    static func small() throws -> (PipelineModel, BlastRadius) {
        let model = try ModelLoader().load(path: "\(fixtures)/small.yml")
        let result = try Examples.run("malicious-fork-pr", on: model)
        return (model, result)
    }

    /// The DOT Firebreak writes is compared byte for byte; FIREBREAK_RECORD=1 rewrites the golden file and fails.
    @Test func goldenDOTForASmallModel() throws {
        let (model, result) = try Self.small()
        var dot = DOTWriter(model: model).write(.init(result: result, title: "small"))
        dot = dot.replacingOccurrences(of: Self.fixtures + "/", with: "")
        let golden = "\(Self.fixtures)/small-malicious-fork-pr.dot"
        if ProcessInfo.processInfo.environment["FIREBREAK_RECORD"] != nil {
            try dot.write(toFile: golden, atomically: true, encoding: .utf8)
            Issue.record("recorded \(golden); check it and run again without FIREBREAK_RECORD")
            return
        }
        #expect(dot == (try String(contentsOfFile: golden, encoding: .utf8)))
        #expect(dot == DOTWriter(model: model).write(.init(result: result, title: "small"))
            .replacingOccurrences(of: Self.fixtures + "/", with: ""), "the same input gives the same DOT")
    }

    @Test func renderedSVGIsXMLAndHoldsEveryReachedNode() throws {
        let (model, result) = try Self.small()
        let svg = try Graphviz.render(dot: DOTWriter(model: model).write(.init(result: result)), format: .svg)
        let document = try XMLDocument(data: svg)
        let texts = try document.nodes(forXPath: "//*[local-name()='text']").compactMap(\.stringValue)
        #expect(!result.reached.isEmpty)
        for asset in result.reached {
            #expect(texts.contains(asset.node.name), "\(asset.node) is not drawn")
        }
        #expect(result.crownJewels.contains(NodeID(.resource, "cluster")))
    }

    @Test func hostileNamesProduceWellFormedSVGWithoutScript() throws {
        let hostile = "a\"b<script>{}\\n|\\\\N"
        let yaml = """
        firebreak: 1
        repository: {name: acme/x, visibility: public}
        triggers: {t: {event: pull_request}}
        runners: {"r<b>": {hosting: self-hosted, lifecycle: persistent}}
        jobs:
          \(String(reflecting: hostile)): {triggers: [t], runsOn: "r<b>"}
        """
        let model = try ModelLoader().load(text: yaml, file: "hostile.yml")
        #expect(model.jobs.keys.contains { $0.contains("<script>") })
        let result = try Examples.run("malicious-fork-pr", on: model)
        let dot = DOTWriter(model: model).write(.init(result: result))
        let svg = try Graphviz.render(dot: dot, format: .svg)
        let text = String(decoding: svg, as: UTF8.self)
        #expect(!text.contains("<script"))
        _ = try XMLDocument(data: svg)
        #expect(text.contains("&lt;script&gt;"))
    }

    @Test func comparisonPanelsShareTheirNodes() throws {
        let (model, result) = try Self.small()
        let text = try String(contentsOfFile: "\(Self.fixtures)/small.yml", encoding: .utf8)
            .replacingOccurrences(of: "lifecycle: persistent", with: "lifecycle: ephemeral")
        let fixed = try ModelLoader().load(text: text, file: "fixed.yml")
        let after = try Examples.run("malicious-fork-pr", on: fixed)
        #expect(after.score < result.score)
        let dot = DOTWriter(model: model).writeComparison(after: fixed, before: .init(result: result), after: .init(result: after), title: "t")
        func declarations(_ prefix: String) -> [String] {
            dot.components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { $0.range(of: "^\(prefix)[0-9]+ \\[", options: .regularExpression) != nil }
                .map { $0.replacingOccurrences(of: prefix, with: "").components(separatedBy: " [")[0] }
        }
        #expect(!declarations("p0_").isEmpty)
        #expect(declarations("p0_") == declarations("p1_"), "both panels declare the same nodes in the same order")
        let svg = try Graphviz.render(dot: dot, format: .svg)
        _ = try XMLDocument(data: svg)
    }

    @Test func layoutChoiceFollowsSize() {
        #expect(LayoutChoice.engine(nodes: 100, edges: 200) == "dot")
        #expect(LayoutChoice.engine(nodes: 5_000, edges: 10_000) == "sfdp")
    }
}
