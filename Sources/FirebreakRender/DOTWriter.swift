import FirebreakEngine
import FirebreakModel

/// Writes a model, and optionally one scenario's blast radius, as DOT.
///
/// Trust boundaries are clusters: each runner pool holds the jobs it runs, each zone the
/// resources inside it, each environment the secrets scoped to it. With a scenario, footholds
/// get cut corners, reached nodes are filled by level, the witness path to every reached node
/// is drawn as bold red numbered edges, and unreached nodes are faded (or, left out by
/// `only`, counted per boundary). Everything is sorted, so the same input gives the same DOT.
public struct DOTWriter {
    /// What to draw.
    public struct Options {
        /// The scenario result to overlay, if any.
        public var result: BlastRadius?
        /// Only these nodes (nil: all).
        public var only: Set<NodeID>?
        /// A title above the picture.
        public var title: String?
        /// Whether the nodes left out by `only` are counted in one summary node per trust
        /// boundary ("12 more: 9 jobs, 3 steps, not reached").
        public var summarize: Bool
        /// Projector mode: larger fonts and thicker lines, for a room.
        public var large: Bool

        public init(result: BlastRadius? = nil, only: Set<NodeID>? = nil, title: String? = nil, summarize: Bool = false,
                    large: Bool = false) {
            self.result = result
            self.only = only
            self.title = title
            self.summarize = summarize
            self.large = large
        }
    }

    let model: PipelineModel

    /// The longest side of a picture, in inches at 96 dpi: 4,000 pixels.
    public static let maximumInches = "41.66"

    public init(model: PipelineModel) {
        self.model = model
    }

    /// One picture.
    public func write(_ options: Options) -> String {
        let content = PanelContent(nodes: model.nodes.map(\.id), edges: model.edges, clusters: Self.clusters(of: model))
        var lines = ["digraph firebreak {"]
        lines += header(title: options.title, large: options.large)
        lines += panel(content, options, prefix: "n", indent: "  ")
        lines += legend(kinds: Set(content.nodes.filter { options.only?.contains($0) ?? true }.map(\.kind)), scenario: options.result != nil,
                        large: options.large)
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// This model and another side by side. Both panels hold the union of the two graphs'
    /// nodes and edges, what a model lacks drawn invisible, so that `dot` places every node at
    /// the same spot in both and what changed stands out. Each panel labels its boundaries from
    /// its own model; on the before panel, the relations and attack hops the change removed are
    /// drawn cut (dashed grey, ✂), and the caption counts what the fix took away.
    public func writeComparison(after other: PipelineModel, before: Options, after: Options, title: String?) -> String {
        let beforeEdges = model.edges, afterEdges = other.edges
        let nodes = Array(Set(model.nodes.map(\.id)).union(other.nodes.map(\.id))).sorted()
        let edges = Array(Set(beforeEdges.map(EdgeKey.init)).union(afterEdges.map(EdgeKey.init))).sorted()
            .map { key in (beforeEdges + afterEdges).first { EdgeKey($0) == key }! }
        var clusters = Self.clusters(of: model)
        let placed = Set(clusters.flatMap(\.members))
        for cluster in Self.clusters(of: other) {
            let rest = cluster.members.filter { !placed.contains($0) }
            if rest.first == cluster.owner {
                clusters.append(Cluster(key: "b" + cluster.key, label: cluster.label, colour: cluster.colour, members: rest))
            }
        }
        var allHops = Self.attackHops(before.result)
        allHops.merge(Self.attackHops(after.result)) { min($0, $1) }
        let beforeHops = Self.attackHops(before.result), afterHops = Self.attackHops(after.result)
        let cutHops = Set(beforeHops.keys).subtracting(afterHops.keys)
        let cutEdges = Set(beforeEdges.map(EdgeKey.init)).subtracting(afterEdges.map(EdgeKey.init))
        var lines = ["digraph firebreak {"]
        lines += header(title: Self.caption(title, before: before.result, after: after.result, cutHops: cutHops.count), direction: "TB",
                        large: before.large)
        let panels = [(before, model, beforeEdges, "before"), (after, other, afterEdges, "after")]
        for (index, (options, panelModel, panelEdges, label)) in panels.enumerated() {
            // The same boundaries in both panels (so that they lay out alike), each labelled by its own model.
            let own = Dictionary(Self.clusters(of: panelModel).map { ($0.owner, $0.label) }, uniquingKeysWith: { first, _ in first })
            var content = PanelContent(nodes: nodes, edges: edges, clusters: clusters.map { cluster in
                var labelled = cluster
                labelled.label = own[cluster.owner] ?? cluster.label
                return labelled
            })
            content.present = Set(panelModel.nodes.map(\.id))
            content.presentEdges = Set(panelEdges.map(EdgeKey.init))
            content.attackHops = allHops
            if index == 0 {
                content.cutEdges = cutEdges
                content.cutHops = cutHops
            }
            lines.append("  subgraph cluster_panel_\(index) {")
            lines.append("    label=\(DOTText.quoted(options.title ?? label)); fontsize=18; style=solid; color=\"#888888\";")
            lines += panel(content, options, prefix: "p\(index)_", indent: "    ")
            lines.append("  }")
        }
        lines += legend(kinds: Set(nodes.filter { before.only?.contains($0) ?? true }.map(\.kind)), scenario: true, large: before.large,
                        topDown: true)
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    private func header(title: String?, direction: String = "LR", large: Bool = false) -> [String] {
        // At most 4,000 pixels on a side at 96 dpi: a larger layout is scaled down to fit.
        // For a projector, fonts about twice as large and every line twice as thick.
        let (graphFont, nodeFont, edgeFont, titleFont, pen) = large ? (20, 18, 16, 28, 2) : (12, 10, 9, 16, 1)
        var lines = ["  graph [rankdir=\(direction), fontname=\"Helvetica\", fontsize=\(graphFont), nodesep=\(large ? 0.4 : 0.25), ranksep=\(large ? 0.9 : 0.6), newrank=true, compound=true, forcelabels=true, size=\"\(Self.maximumInches),\(Self.maximumInches)\", dpi=96];",
                     "  node [fontname=\"Helvetica\", fontsize=\(nodeFont), style=filled, fillcolor=white, penwidth=\(pen)];",
                     "  edge [fontname=\"Helvetica\", fontsize=\(edgeFont), arrowsize=\(large ? 1.0 : 0.7), penwidth=\(pen)];"]
        if let title { lines.append("  label=\(DOTText.quoted(title)); labelloc=t; fontsize=\(titleFont);") }
        return lines
    }

    // MARK: Panel

    struct EdgeKey: Hashable, Comparable {
        var kind: String, from: NodeID, to: NodeID
        init(_ edge: Edge) { (kind, from, to) = (edge.kind.rawValue, edge.from, edge.to) }
        static func < (a: EdgeKey, b: EdgeKey) -> Bool { (a.from, a.kind, a.to) < (b.from, b.kind, b.to) }
    }

    /// What one panel draws: its nodes and edges, and which of them its model really has.
    struct PanelContent {
        var nodes: [NodeID]
        var edges: [Edge]
        var clusters: [Cluster]
        var present: Set<NodeID>?
        var presentEdges: Set<EdgeKey>?
        /// For comparisons: the attack hops of both panels, so both lay out alike.
        var attackHops: [AttackHop: Int]?
        /// On the before panel: relations and attack hops the change removed, drawn cut.
        var cutEdges: Set<EdgeKey> = []
        var cutHops: Set<AttackHop> = []
    }

    /// The comparison's title with what the fix took away: "fix cut N paths, removed M crown jewels".
    static func caption(_ title: String?, before: BlastRadius?, after: BlastRadius?, cutHops: Int) -> String? {
        guard let before, let after else { return title }
        let gone = Set(before.reached.map(\.node)).subtracting(after.reached.map(\.node)).count
        let jewels = Set(before.crownJewels).subtracting(after.crownJewels).count
        let summary = "fix cut \(gone) path\(gone == 1 ? "" : "s") (\(cutHops) hop\(cutHops == 1 ? "" : "s")), removed \(jewels) crown jewel\(jewels == 1 ? "" : "s")"
        return title.map { "\($0)\n\(summary)" } ?? summary
    }

    private func panel(_ content: PanelContent, _ options: Options, prefix: String, indent: String) -> [String] {
        let nodes = content.nodes.filter { options.only?.contains($0) ?? true }
        let ids = Dictionary(uniqueKeysWithValues: nodes.enumerated().map { ($1, "\(prefix)\($0)") })
        let reached = Dictionary(uniqueKeysWithValues: (options.result?.reached ?? []).map { ($0.node, $0) })
        func line(_ node: NodeID) -> String {
            let text = nodeLine(node, id: ids[node]!, asset: reached[node], scenario: options.result != nil)
            return content.present.map { $0.contains(node) } ?? true ? text : text.replacingOccurrences(of: "];", with: ", style=invis];")
        }
        var lines: [String] = []
        var placed = Set<NodeID>()
        for cluster in content.clusters {
            let members = cluster.members.filter { ids[$0] != nil }
            guard !members.isEmpty else { continue }
            // A boundary is drawn only where its own runner, zone or environment exists.
            let visible = content.present.map { $0.contains(cluster.owner) } ?? true
            lines.append("\(indent)subgraph cluster_\(prefix)\(cluster.key) {")
            lines.append("\(indent)  label=\(DOTText.quoted(cluster.label)); style=\(visible ? "\"rounded,dashed\"" : "invis"); color=\(DOTText.quoted(cluster.colour)); fontcolor=\(DOTText.quoted(cluster.colour));")
            for member in members {
                lines.append("\(indent)  " + line(member))
                placed.insert(member)
            }
            lines.append("\(indent)}")
        }
        for node in nodes where !placed.contains(node) {
            lines.append(indent + line(node))
        }
        if options.summarize, let only = options.only {
            lines += summaries(content, only: only, present: content.present, prefix: prefix, indent: indent)
        }
        for edge in content.edges {
            guard let from = ids[edge.from], let to = ids[edge.to] else { continue }
            var attributes = EdgeStyle.attributes(edge.kind)
            if options.result != nil, reached[edge.from] == nil || reached[edge.to] == nil {
                attributes = "color=\"\(NodeStyle.faded)\", style=dotted"
            }
            if let present = content.presentEdges, !present.contains(EdgeKey(edge)) { attributes = "style=invis" }
            if content.cutEdges.contains(EdgeKey(edge)) {
                attributes = "color=\"\(NodeStyle.faded)\", style=dashed, fontcolor=\"#888888\", xlabel=\"✂\""
            }
            let label = edge.kind == .grants ? edge.level.map { "\(edge.kind.rawValue) \($0.rawValue)" } ?? "" : ""
            let tooltip = "\(edge.from) \(edge.kind.rawValue) \(edge.to) (\(edge.location))"
            lines.append("\(indent)\(from) -> \(to) [\(attributes), tooltip=\(DOTText.quoted(tooltip)), label=\(DOTText.quoted(label))];")
        }
        if let result = options.result {
            let drawn = Self.attackHops(result)
            lines += attackLines(drawn: drawn, all: content.attackHops ?? drawn, cut: content.cutHops, scenario: result.scenario.id,
                                 ids: ids, prefix: prefix, indent: indent)
        }
        return lines
    }

    /// One grey note per trust boundary (and one for the rest) counting the nodes left out.
    private func summaries(_ content: PanelContent, only: Set<NodeID>, present: Set<NodeID>?, prefix: String, indent: String) -> [String] {
        var lines: [String] = []
        var counted = Set<NodeID>()
        func note(_ left: [NodeID]) -> String {
            let kinds = Dictionary(grouping: left, by: \.kind).sorted { ($1.value.count, $0.key.rawValue) < ($0.value.count, $1.key.rawValue) }
            let parts = kinds.map { kind, nodes in "\(nodes.count) \(nodes.count == 1 ? kind.rawValue : kind.plural)" }
            let rows = stride(from: 0, to: parts.count, by: 4).map { parts[$0..<min($0 + 4, parts.count)].joined(separator: ", ") }
            return "\(left.count) more not reached:\n" + rows.joined(separator: ",\n")
        }
        func summary(_ id: String, _ left: [NodeID]) -> String {
            "\(id) [shape=note, style=\"filled,dashed\", color=\"\(NodeStyle.faded)\", fontcolor=\"\(NodeStyle.fadedText)\", fillcolor=white, label=\(DOTText.quoted(note(left)))];"
        }
        let drawn = { (node: NodeID) in present?.contains(node) ?? true }
        for cluster in content.clusters {
            let left = cluster.members.filter { !only.contains($0) && drawn($0) }
            counted.formUnion(cluster.members)
            guard !left.isEmpty, cluster.members.contains(where: { only.contains($0) }) else { continue }
            lines.append("\(indent)subgraph cluster_\(prefix)\(cluster.key) { \(summary("\(prefix)\(cluster.key)_more", left)) }")
            counted.formUnion(left)
        }
        let rest = content.nodes.filter { !only.contains($0) && drawn($0) && !counted.contains($0) }
            + content.clusters.filter { cluster in !cluster.members.contains(where: { only.contains($0) }) }
                .flatMap { $0.members.filter { drawn($0) } }
        if !rest.isEmpty { lines.append(indent + summary("\(prefix)more", Array(Set(rest)).sorted())) }
        return lines
    }

    private func nodeLine(_ node: NodeID, id: String, asset: ReachedAsset?, scenario: Bool) -> String {
        let style = NodeStyle.of(node.kind)
        var styles = ["filled"] + (style.extraStyle.map { [$0] } ?? [])
        var attributes = ["shape=\(style.shape)"]
        let name = node.name.count > 40 ? node.name.prefix(38) + "…" : node.name
        // What the attacker holds goes in an external label, placed after layout, so that two
        // panels of the same graph lay out alike whatever each one reached.
        let label = "\(node.kind.rawValue)\n\(name)"
        var colour = style.colour
        var fill = "white"
        if scenario {
            if let asset {
                fill = NodeStyle.fill(for: asset.level)
                var note = "\(asset.capability.rawValue) \(asset.level.rawValue)"
                if asset.foothold {
                    // Graphviz cannot cut a cylinder's corners (it draws NaN lines): the label says it.
                    if style.shape != "cylinder" { styles.append("diagonals") }
                    note = "FOOTHOLD: " + note
                }
                attributes.append("xlabel=\(DOTText.quoted(note))")
                if asset.crownJewel {
                    attributes.append("penwidth=3")
                    colour = NodeStyle.attack
                    styles.append("bold")
                }
            } else {
                colour = NodeStyle.faded
                attributes.append("fontcolor=\"\(NodeStyle.fadedText)\"")
            }
        }
        attributes += ["style=\(DOTText.quoted(styles.joined(separator: ",")))", "color=\(DOTText.quoted(colour))",
                       "fillcolor=\(DOTText.quoted(fill))", "label=\(DOTText.quoted(label))", "tooltip=\(DOTText.quoted(node.description))"]
        return "\(id) [\(attributes.joined(separator: ", "))];"
    }

    /// One numbered hop of a witness path to a crown jewel (or to a foothold).
    struct AttackHop: Hashable, Comparable {
        var from: NodeID?
        var to: NodeID
        var rule: String

        static func < (a: AttackHop, b: AttackHop) -> Bool {
            (a.from?.description ?? "", a.to, a.rule) < (b.from?.description ?? "", b.to, b.rule)
        }
    }

    /// The hops of the path to every reached node, each with the lowest position it has in a
    /// path: every reached node has a drawn way in from the attacker.
    static func attackHops(_ result: BlastRadius?) -> [AttackHop: Int] {
        var numbers: [AttackHop: Int] = [:]
        for asset in result?.reached ?? [] {
            for (index, hop) in asset.path.enumerated() where hop.from != hop.to {
                let key = AttackHop(from: hop.from, to: hop.to, rule: hop.rule)
                numbers[key] = min(numbers[key] ?? .max, index)
            }
        }
        return numbers
    }

    /// The attacker node and the attack hops: `drawn` hops visible, the rest of `all` invisible.
    private func attackLines(drawn: [AttackHop: Int], all: [AttackHop: Int], cut: Set<AttackHop>, scenario: String,
                             ids: [NodeID: String], prefix: String, indent: String) -> [String] {
        let attacker = "\(prefix)attacker"
        var lines = ["\(indent){ rank=min; \(attacker); }",
                     "\(indent)\(attacker) [shape=diamond, style=filled, fillcolor=\"\(NodeStyle.attack)\", fontcolor=white, color=\"\(NodeStyle.attack)\", label=\(DOTText.quoted("attacker\n\(scenario)"))];"]
        for hop in all.keys.sorted(by: { (all[$0]!, $0) < (all[$1]!, $1) }) {
            guard let to = ids[hop.to] else { continue }
            let from = hop.from.flatMap { ids[$0] } ?? attacker
            let number = drawn[hop] ?? all[hop]!
            var label = number == 0 ? "start" : "\(number). \(hop.rule)"
            var style = drawn[hop] == nil ? "style=invis" : "color=\"\(NodeStyle.attack)\", penwidth=2.5, fontcolor=\"\(NodeStyle.attack)\""
            if drawn[hop] != nil, cut.contains(hop) {
                // A hop the fix removed: still drawn where it was, struck through.
                style = "color=\"#999999\", style=dashed, penwidth=2, fontcolor=\"#888888\""
                label = "✂ " + label
            }
            // Hovering a hop says what would have cut it: the rule's control.
            let control = RuleCatalogue.rule(id: hop.rule).map { type(of: $0).description.control }
                ?? (hop.rule == "foothold" ? "where the scenario starts" : hop.rule)
            lines.append("\(indent)\(from) -> \(to) [\(style), xlabel=\(DOTText.quoted(label)), tooltip=\(DOTText.quoted("\(hop.rule): cut by: \(control)"))];")
        }
        return lines
    }

    // MARK: Clusters

    struct Cluster {
        var key: String
        var label: String
        var colour: String
        /// The runner, zone or environment the boundary stands for; the first member.
        var members: [NodeID]
        var owner: NodeID { members[0] }
    }

    /// Runner pools with their jobs, zones with their resources, environments with their secrets.
    static func clusters(of model: PipelineModel) -> [Cluster] {
        var clusters: [Cluster] = []
        for (index, runner) in model.runners.values.sorted(by: { $0.name < $1.name }).enumerated() {
            let jobs = model.sortedJobs.filter { $0.runsOn?.name == runner.name }.map(\.id)
            let steps = model.sortedJobs.filter { $0.runsOn?.name == runner.name }.flatMap { $0.steps.map(\.id) }
            clusters.append(Cluster(key: "runner\(index)", label: "runner pool \(runner.name) (\(runner.hosting.rawValue), \(runner.lifecycle.rawValue))",
                                    colour: NodeStyle.of(.runner).colour, members: [runner.id] + jobs + steps))
        }
        for (index, zone) in model.zones.values.sorted(by: { $0.name < $1.name }).enumerated() {
            let resources = model.resources.values.filter { $0.zone?.name == zone.name }.map(\.id).sorted()
            clusters.append(Cluster(key: "zone\(index)", label: "network zone \(zone.name)", colour: NodeStyle.of(.zone).colour,
                                    members: [zone.id] + resources))
        }
        for (index, environment) in model.environments.values.sorted(by: { $0.name < $1.name }).enumerated() {
            let secrets = model.secrets.values.filter { $0.environment?.name == environment.name }.map(\.id).sorted()
            clusters.append(Cluster(key: "env\(index)", label: "environment \(environment.name)", colour: NodeStyle.of(.environment).colour,
                                    members: [environment.id] + secrets))
        }
        return clusters
    }

    // MARK: Legend

    /// The legend as a boundary of sample nodes drawn the way the picture draws them: each node
    /// kind in its own shape and colour, then the fills and marks of a scenario.
    private func legend(kinds: Set<NodeKind>, scenario: Bool, large: Bool = false, topDown: Bool = false) -> [String] {
        var samples: [String] = []
        for kind in NodeKind.allCases where kinds.contains(kind) {
            let style = NodeStyle.of(kind)
            let styles = (["filled"] + (style.extraStyle.map { [$0] } ?? [])).joined(separator: ",")
            samples.append("shape=\(style.shape), style=\(DOTText.quoted(styles)), color=\(DOTText.quoted(style.colour)), fillcolor=white, label=\(DOTText.quoted(kind.rawValue))")
        }
        if scenario {
            let fills: [(Level, String)] = [(.untrusted, "reached in a sandboxed run"), (.unprotected, "reached in a side branch's run"),
                                            (.read, "reached: read"), (.write, "reached: write"),
                                            (.full, "reached: deploy, admin, full")]
            for (level, label) in fills {
                samples.append("shape=box, style=filled, color=\"#555555\", fillcolor=\(DOTText.quoted(NodeStyle.fill(for: level))), label=\(DOTText.quoted(label))")
            }
            samples.append("shape=box, style=filled, color=\(DOTText.quoted(NodeStyle.faded)), fontcolor=\(DOTText.quoted(NodeStyle.fadedText)), fillcolor=white, label=\"not reached\"")
            samples.append("shape=box, style=\"filled,bold\", penwidth=3, color=\(DOTText.quoted(NodeStyle.attack)), fillcolor=white, label=\"crown jewel reached\"")
            samples.append("shape=box, style=\"filled,diagonals\", color=\"#555555\", fillcolor=white, label=\"foothold\"")
        }
        var lines = ["  subgraph cluster_legend {",
                     "    label=\"legend\"; style=\"rounded\"; color=\"#999999\"; fontcolor=\"#555555\"; fontsize=11;",
                     "    node [fontsize=\(large ? 14 : 9), width=0.3, height=0.25, margin=\"0.05,0.02\"];"]
        for (index, attributes) in samples.enumerated() {
            lines.append("    legend\(index) [\(attributes)];")
        }
        var column = (0..<samples.count).map { "legend\($0);" }
        if scenario {
            lines.append("    legend_from [shape=point, width=0.05, color=\(DOTText.quoted(NodeStyle.attack))];")
            lines.append("    legend_to [shape=plaintext, style=\"\", label=\"attack hop\"];")
            lines.append("    legend_from -> legend_to [color=\(DOTText.quoted(NodeStyle.attack)), penwidth=2.5, fontcolor=\(DOTText.quoted(NodeStyle.attack)), xlabel=\"n. rule\"];")
            column += ["legend_from;", "legend_to;"]
        }
        // One column, in order: the same rank across a left-to-right picture, a chain down a top-down one.
        if column.count > 1, topDown {
            let chain = (0..<samples.count).map { "legend\($0)" } + (scenario ? ["legend_from"] : [])
            lines.append("    " + chain.joined(separator: " -> ") + " [style=invis];")
        } else if column.count > 1 {
            lines.append("    { rank=same; " + column.joined(separator: " ") + " }")
        }
        lines.append("  }")
        return lines
    }
}

extension NodeKind {
    /// The kind's name for more than one node.
    var plural: String {
        switch self {
        case .identity: "identities"
        case .branch: "branches"
        default: rawValue + "s"
        }
    }
}
