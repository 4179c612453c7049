import FirebreakEngine
import FirebreakImport
import FirebreakModel
import FirebreakRender
import Foundation

/// Times drawing real repositories as `firebreak render` does by default (the whole model, or
/// a scenario's attack view) to PNG, with the picture's size:
/// `firebreak-bench render-repo DIR [SCENARIO]` (default: astral-sh/ruff of the shared corpus).
enum RepositoryRenderBench {
    static func run(_ arguments: [String]) throws {
        let path = arguments.first ?? "../shared/corpus/astral-sh__ruff"
        guard FileManager.default.fileExists(atPath: path) else {
            print("skipped: \(path) is not here (the shared corpus is beside the project on the development machine only)")
            return
        }
        let library = try ScenarioLibrary.load(folders: ["Scenarios/attacks"])
        let scenarios: [Scenario?] = arguments.count > 1 ? [library.scenario(id: arguments[1])] : [nil] + library.scenarios.map { $0 }
        let model = try InputLoader.load(path: path).model
        print("picture                                  drawn   engine  seconds  pixels")
        for scenario in scenarios {
            let clock = ContinuousClock()
            var png = Data()
            var drawn = 0, engine = ""
            let time = try clock.measure {
                let result = scenario.map { Simulation(model: model).run($0) }
                let only = result.map { Set($0.reached.map(\.node)) }
                drawn = only?.count ?? model.nodes.count
                let dot = DOTWriter(model: model).write(.init(result: result, only: only, title: model.name, summarize: only != nil))
                engine = LayoutChoice.engine(nodes: drawn, edges: dot.components(separatedBy: " -> ").count - 1)
                png = try Graphviz.render(dot: dot, format: .png, layout: engine)
            }
            let seconds = Double(time.components.seconds) + Double(time.components.attoseconds) / 1e18
            let size = png.count >= 24 ? png[16..<24].withUnsafeBytes { Array($0) } : []
            let width = size.count == 8 ? size[0..<4].reduce(0) { $0 << 8 | Int($1) } : 0
            let height = size.count == 8 ? size[4..<8].reduce(0) { $0 << 8 | Int($1) } : 0
            let name = scenario?.id ?? "(whole model)"
            let padded = { (text: String, width: Int) in text.padding(toLength: max(width, text.count), withPad: " ", startingAt: 0) }
            print(padded(name, 40) + " " + padded(String(drawn), 7) + " " + padded(engine, 7) + " "
                  + padded(String(format: "%.2f", seconds), 8) + " \(width)x\(height)")
        }
    }
}
