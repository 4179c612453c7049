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

    /// Every node the scenario reaches has a drawn attack edge into it, from the attacker or
    /// from the node before it on its path.
    @Test func everyReachedNodeHasAnAttackEdgeIntoIt() throws {
        let (model, result) = try Self.small()
        let dot = DOTWriter(model: model).write(.init(result: result))
        var ids: [String: String] = [:]
        var attacked = Set<String>()
        for line in dot.split(separator: "\n").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            if line.contains(" -> "), line.contains("color=\"#c0392b\", penwidth=2.5") {
                let target = line.components(separatedBy: " -> ")[1].components(separatedBy: " ")[0]
                attacked.insert(target)
            } else if let range = line.range(of: "tooltip=\""), !line.contains(" -> ") {
                let id = line.components(separatedBy: " ")[0]
                let tooltip = line[range.upperBound...].prefix { $0 != "\"" }
                ids[String(tooltip)] = id
            }
        }
        #expect(result.reached.count > 3)
        for asset in result.reached {
            let id = try #require(ids[asset.node.description], "\(asset.node) is drawn")
            #expect(attacked.contains(id), "\(asset.node) has an attack edge into it")
        }
    }

    /// Each attack hop says, on hover, the control that would have cut it.
    @Test func attackHopsCarryTheControlThatCutsThem() throws {
        let (model, result) = try Self.small()
        let dot = DOTWriter(model: model).write(.init(result: result))
        let hops = dot.split(separator: "\n").filter { $0.contains("penwidth=2.5") && $0.contains(" -> ") && !$0.contains("legend") }
        #expect(!hops.isEmpty)
        #expect(hops.allSatisfy { $0.contains("cut by: ") })
        #expect(dot.contains("runner-hijack: cut by: Ephemeral runners"))
    }

    /// The legend draws each kind in its shape: no shape name is written out as text.
    @Test func theLegendDrawsShapesRatherThanNamingThem() throws {
        let (model, result) = try Self.small()
        let dot = DOTWriter(model: model).write(.init(result: result))
        for shape in ["cds", "invhouse", "box3d", "folder", "note", "component", "tab", "hexagon", "octagon", "doubleoctagon",
                      "parallelogram", "trapezium", "cylinder", "ellipse"] {
            #expect(!dot.contains("label=\"\(shape)\"") && !dot.contains(">\(shape)<"), "\(shape) written as text")
        }
        let legend = try #require(dot.components(separatedBy: "subgraph cluster_legend {").last)
        for kind in Set(model.nodes.map(\.id.kind)) {
            #expect(legend.contains("label=\"\(kind.rawValue)\""), "\(kind) has a sample node")
        }
        #expect(legend.contains("shape=cylinder") && legend.contains("style=\"filled,diagonals\""))
    }

    /// Before and after a fix: each panel labels its boundaries from its own model, the before
    /// panel strikes through what the fix removed, and the caption counts it.
    @Test func aComparisonDrawsEachPanelFromItsOwnModelAndMarksTheCut() throws {
        let before = try Examples.model("skeleton-key")
        let after = before.applying([ModelChange(.ephemeralRunner, NodeID(.runner, "shared-pool"))])
        let old = try Examples.run("malicious-fork-pr", on: before), new = try Examples.run("malicious-fork-pr", on: after)
        let dot = DOTWriter(model: before).writeComparison(after: after, before: .init(result: old), after: .init(result: new), title: "fix")
        let panels = dot.components(separatedBy: "subgraph cluster_panel_1 {")
        #expect(panels.count == 2)
        #expect(panels[0].contains("runner pool shared-pool (self-hosted, persistent)"))
        #expect(panels[1].contains("runner pool shared-pool (self-hosted, ephemeral)"))
        #expect(!panels[1].contains("(self-hosted, persistent)"), "the after panel shows the after model's runner")
        #expect(panels[0].contains("xlabel=\"✂ ") && !panels[1].contains("✂"), "cut hops are struck through on the before panel only")
        let gone = Set(old.reached.map(\.node)).subtracting(new.reached.map(\.node)).count
        let jewels = Set(old.crownJewels).subtracting(new.crownJewels).count
        #expect(gone > 0 && jewels > 0)
        #expect(dot.contains("fix cut \(gone) paths") && dot.contains("removed \(jewels) crown jewel"))
    }

    /// The attack view draws the reached nodes and counts the rest, per trust boundary.
    @Test func theAttackViewCountsWhatIsNotReached() throws {
        let model = try Examples.model("hardened")
        let result = try Examples.run("compromised-build-step", on: model)
        let reached = Set(result.reached.map(\.node))
        let dot = DOTWriter(model: model).write(.init(result: result, only: reached, summarize: true))
        for node in model.nodes.map(\.id) {
            #expect(dot.contains("tooltip=\"\(node.description)\"") == reached.contains(node), "\(node)")
        }
        let unreached = model.nodes.count - reached.count
        let counted = dot.components(separatedBy: " more not reached:").dropLast()
            .compactMap { Int($0.components(separatedBy: "label=\"").last ?? "") }.reduce(0, +)
        #expect(counted == unreached, "every node left out is counted once")
        #expect(dot.contains("5 steps, 1 job, 1 runner"), "a runner pool's note counts what it holds")
        #expect(!dot.contains("label=\"step\""), "the legend shows only the kinds drawn")
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

    /// Every shape a foothold can have draws with numbers only: Graphviz writes `nan` points
    /// when asked to cut a cylinder's corners, which a browser reports as an error.
    @Test func everyFootholdShapeDrawsWithoutNaN() throws {
        let model = try Examples.model("skeleton-key")
        let library = try Examples.library()
        var kinds = Set<NodeKind>()
        for scenario in library.scenarios {
            let result = Simulation(model: model).run(scenario)
            kinds.formUnion(result.footholds.map(\.node.kind))
            let only = Set(result.reached.map(\.node))
            let svg = try Graphviz.render(dot: DOTWriter(model: model).write(.init(result: result, only: only, summarize: true)), format: .svg)
            #expect(!String(decoding: svg, as: UTF8.self).contains("nan"), "\(scenario.id)")
        }
        #expect(kinds.contains(.resource), "a registry foothold (a cylinder) is among them")
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

    @Test func aLayoutThatWouldRunPastItsTimeoutIsForeseen() {
        #expect(LayoutChoice.estimatedSeconds(engine: "dot", nodes: 574, edges: 1_200) < 10)
        #expect(LayoutChoice.estimatedSeconds(engine: "dot", nodes: 5_000, edges: 12_000) > 120)
        #expect(LayoutChoice.estimatedSeconds(engine: "sfdp", nodes: 2_358, edges: 5_000) < 10)
    }

    @Test func layoutChoiceFollowsSize() {
        #expect(LayoutChoice.engine(nodes: 100, edges: 200) == "dot")
        #expect(LayoutChoice.engine(nodes: 5_000, edges: 10_000) == "sfdp")
    }
}
