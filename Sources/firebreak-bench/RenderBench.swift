import FirebreakEngine
import FirebreakModel
import FirebreakRender
import Foundation

/// Times drawing a scenario's attack view (what it reaches; the rest counted per boundary) on
/// synthetic models: `firebreak-bench render 10000`.
enum RenderBench {
    static func run(sizes: [Int]) throws {
        let library = try ScenarioLibrary.load(folders: ["Scenarios/attacks"])
        guard let scenario = library.scenario(id: "compromised-runner") else { return }
        print("nodes     drawn     engine  simulate(s)  dot-text(s)  layout+svg(s)  svg(KiB)")
        for target in sizes {
            let model = SyntheticModel.make(services: max(1, target / 16))
            let clock = ContinuousClock()
            var result: BlastRadius!
            let simulate = clock.measure { result = Simulation(model: model).run(scenario) }
            var dot = ""
            var drawn = 0
            let write = clock.measure {
                let only = Set(result.reached.map(\.node))
                drawn = only.count
                dot = DOTWriter(model: model).write(.init(result: result, only: only, title: model.name, summarize: true))
            }
            let engine = LayoutChoice.engine(nodes: drawn, edges: drawn * 2)
            var svg = Data()
            let render = try clock.measure { svg = try Graphviz.render(dot: dot, format: .svg, layout: engine) }
            let seconds = { (d: Duration) in Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18 }
            print(String(format: "%-9d %-9d %-7@ %-12.2f %-12.2f %-14.2f %d", model.nodes.count, drawn, engine, seconds(simulate),
                         seconds(write), seconds(render), svg.count / 1024))
        }
    }
}
