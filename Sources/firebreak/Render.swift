import ArgumentParser
import FirebreakEngine
import FirebreakModel
import FirebreakRender
import Foundation

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Draw a pipeline and a scenario's blast radius with Graphviz (svg, png, pdf or dot).",
        discussion: """
        Clusters are trust boundaries: runner pools with their jobs, network zones with their \
        resources, environments with their secrets. With --scenario, the picture is the attack \
        view: the footholds (cut corners), every reached node (filled by level: pale for a \
        sandboxed run, red for full control; crown jewels with a thick red border) and the red \
        numbered path into each; what is not reached is counted in one grey note per trust \
        boundary. --full draws the whole model, the unreached in grey. A legend beside the \
        graph draws every shape and fill used.

        The format follows the output file's extension; a picture is at most 4,000 pixels on \
        its longest side (a larger layout is scaled down). Without a scenario the whole model is \
        drawn. The layout is dot up to \(LayoutChoice.dotNodeLimit) nodes and sfdp beyond, unless --layout \
        says otherwise; a layout that runs past --timeout is stopped.

        Examples:
          firebreak render skeleton-key.yml --scenario malicious-fork-pr
          firebreak render hardened.yml -o Output/hardened.png
          firebreak render . --scenario compromised-build-step -o build.pdf
          firebreak render skeleton-key.yml --compare hardened.yml \\
            --scenario malicious-fork-pr
        """
    )

    @Argument(help: "A model file, a workflow file or a repository folder.")
    var path: String

    @OptionGroup var input: InputOptions

    @Option(name: .customLong("scenario"), help: "The scenario whose blast radius to draw.")
    var scenarioID: String?

    @Option(name: .customLong("scenarios"), help: "A folder of your own scenario files (repeatable).")
    var scenarioFolders: [String] = []

    @Option(help: "A second model drawn beside the first, with the same placement (needs --scenario).")
    var compare: String?

    @Option(name: .shortAndLong, help: "Output file; .svg, .png, .pdf or .dot. Default: Output/<model>[-<scenario>].svg")
    var output: String?

    @Flag(help: "Draw the whole model (with --scenario: the unreached nodes too, in grey), however large.")
    var full = false

    @Option(help: "With --scenario: draw only the path to this node (KIND:NAME, e.g. secret:NPM_TOKEN).")
    var focus: String?

    @Flag(help: "Projector mode: larger fonts and thicker lines, for a room.")
    var large = false

    @Option(help: "Graphviz layout engine: dot, sfdp, neato, fdp, circo, twopi. Default: by size.")
    var layout: String?

    @Option(help: "Seconds the layout may take before it is stopped.")
    var timeout: Int = 120

    func validate() throws {
        if compare != nil, scenarioID == nil { throw ValidationError("--compare draws two blast radii: name one with --scenario") }
        if let focus {
            guard scenarioID != nil, compare == nil else { throw ValidationError("--focus draws the path to one node of a scenario: give --scenario, without --compare") }
            guard NodeID(parsing: focus) != nil else { throw ValidationError("--focus takes a node as KIND:NAME, e.g. secret:NPM_TOKEN") }
        }
        if timeout < 1 { throw ValidationError("--timeout must be at least 1 second") }
        if let output, OutputFormat(pathExtension: (output as NSString).pathExtension) == nil {
            throw ValidationError("cannot tell the format of '\(output)': end it in .svg, .png, .pdf or .dot")
        }
    }

    func run() throws {
        let loaded = try SimulationInput.load(path, context: input.context)
        let model = loaded.model
        let scenario = try scenarioID.map { try ScenarioLocator.select([$0], from: ScenarioLocator.library(extra: scenarioFolders))[0] }
        var result = scenario.map { Simulation(model: model).run($0) }
        if let focus = focus.flatMap(NodeID.init(parsing:)), let whole = result {
            // Only the path to the one asset: its hops, as the scenario reached them.
            guard let asset = whole.asset(focus) else {
                throw ValidationError("\(focus) is not reached in \(whole.scenario.id); `firebreak simulate` lists what is")
            }
            let onPath = Set(asset.path.flatMap { [$0.from, $0.to].compactMap { $0 } })
            result!.reached = whole.reached.filter { onPath.contains($0.node) }
        }
        let dot: String
        var nodeCount = model.nodes.count
        if let compare, let scenario {
            let other = try SimulationInput.load(compare, context: input.context).model
            let otherResult = Simulation(model: other).run(scenario)
            let only = attackView([result!, otherResult])
            nodeCount = only?.count ?? Set(model.nodes.map(\.id)).union(other.nodes.map(\.id)).count
            dot = DOTWriter(model: model).writeComparison(after: other,
                before: .init(result: result, only: only, title: "before: \(model.name), score \(result!.score)", summarize: only != nil,
                              large: large),
                after: .init(result: otherResult, only: only, title: "after: \(other.name), score \(otherResult.score)", summarize: only != nil,
                             large: large),
                title: "\(scenario.id): \(scenario.title)")
        } else {
            let title = result.map { AttackPicture.title(model: model, result: $0) } ?? model.name
            (dot, nodeCount) = AttackPicture.dot(model: model, result: result, title: focus.map { "\(title) — the path to \($0)" } ?? title,
                                                 full: full, large: large)
        }
        let destination = output ?? defaultPath(model: model.name, other: compare, scenario: scenarioID)
        let format = OutputFormat(pathExtension: (destination as NSString).pathExtension) ?? .svg
        let data = try AttackPicture.draw(dot: dot, nodes: nodeCount, format: format, layout: layout, timeout: timeout)
        try OutputFile.write(data, to: destination, what: "picture")
        Console.out("wrote \(destination) (\(nodeCount) nodes)\n")
        if loaded.failed { throw ExitCode(2) }
    }

    /// The attack view: what the scenarios reach (footholds included), unless --full.
    func attackView(_ results: [BlastRadius]) -> Set<NodeID>? {
        full ? nil : Set(results.flatMap { $0.reached.map(\.node) })
    }

    func defaultPath(model: String, other: String?, scenario: String?) -> String {
        var name = model
        if let other { name += "-vs-" + ((other as NSString).lastPathComponent as NSString).deletingPathExtension }
        if let scenario { name += "-\(scenario)" }
        let safe = String(name.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_" })
        return "Output/\(safe).svg"
    }
}
