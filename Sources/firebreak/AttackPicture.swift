import FirebreakEngine
import FirebreakModel
import FirebreakRender
import Foundation

/// Drawing a model, with a scenario's attack view: the DOT text, then the picture within a
/// time limit. Shared by `render` and `report`.
enum AttackPicture {
    /// The title of one scenario's picture: model, scenario, score and crown jewels.
    static func title(model: PipelineModel, result: BlastRadius) -> String {
        let jewels = "\(result.crownJewels.count) crown jewel\(result.crownJewels.count == 1 ? "" : "s")"
        return "\(model.name): \(result.scenario.id) (score \(result.score), \(jewels))"
    }

    /// The DOT text of the model, or of what `result` reaches (all of the model with `full`),
    /// and how many nodes it draws.
    static func dot(model: PipelineModel, result: BlastRadius?, title: String, full: Bool, large: Bool) -> (text: String, nodes: Int) {
        let only = full ? nil : result.map { Set($0.reached.map(\.node)) }
        let text = DOTWriter(model: model).write(.init(result: result, only: only, title: title, summarize: only != nil, large: large))
        return (text, only?.count ?? model.nodes.count)
    }

    /// The picture of `dot` in `format`, laid out by `layout` (else by size) in a child process
    /// stopped after `timeout` seconds; warns first when the layout may run past it.
    static func draw(dot: String, nodes: Int, format: OutputFormat, layout: String?, timeout: Int) throws -> Data {
        if format == .dot { return Data(dot.utf8) }
        // The edges Firebreak drew, counted, not guessed: long edges are what make dot slow.
        let edges = dot.components(separatedBy: " -> ").count - 1
        let engine = layout ?? LayoutChoice.engine(nodes: nodes, edges: edges)
        let estimate = LayoutChoice.estimatedSeconds(engine: engine, nodes: nodes, edges: edges)
        if estimate > Double(timeout) {
            Console.error("warning: laying out \(nodes) nodes and \(edges) edges with \(engine) may take about \(Int(estimate)) s, more than --timeout \(timeout); --focus NODE draws one path, --layout sfdp is faster")
        }
        return try BoundedRender.render(dot: dot, format: format, layout: engine, timeout: timeout)
    }
}
