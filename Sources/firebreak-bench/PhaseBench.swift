import FirebreakEngine
import FirebreakModel
import Foundation

/// `phases [NODES...]`: where a simulation's time goes at each size: indexing the model (which
/// uses two cores, as every run does), each scenario alone, one after another, and giving the
/// results back; then, as a run plays them, all the scenarios at once on every core (on a large
/// model the cores share the memory's bandwidth and the last-level cache, so that this is more
/// than the sum of the scenarios divided by the cores). The fastest of five rounds, the sizes in
/// turn; the ratio column compares the last two sizes.
enum PhaseBench {
    static func run(_ arguments: [String]) throws {
        let targets = arguments.isEmpty ? [100_000, 400_000] : arguments.compactMap { Int($0) }
        let scenarios = try ScenarioLibrary.load(folders: ["Scenarios/attacks"]).scenarios
        let models = targets.map { SyntheticModel.make(services: max(1, $0 / 16)) }
        let clock = ContinuousClock()
        let phases = ["index"] + scenarios.map(\.id) + ["release", "all at once, on every core"]
        var best = Array(repeating: Array(repeating: Double.infinity, count: phases.count), count: models.count)
        for _ in 0..<5 {
            for (place, model) in models.enumerated() {
                var times: [Double] = []
                var simulation: Simulation!
                times.append(Bench.seconds(clock.measure { simulation = Simulation(model: model) }))
                var results: [BlastRadius] = []
                for scenario in scenarios {
                    times.append(Bench.seconds(clock.measure { results.append(simulation.run(scenario)) }))
                }
                times.append(Bench.seconds(clock.measure { results = []; simulation = nil }))
                let together = Simulation(model: model)
                times.append(Bench.seconds(clock.measure { results = together.run(scenarios) }))
                results = []
                best[place] = zip(best[place], times).map { min($0, $1) }
            }
        }
        func line(_ label: String, _ values: [Double]) {
            let ratio = values.count > 1 ? String(format: "%8.2f", values[values.count - 1] / values[values.count - 2]) : ""
            print(label.padding(toLength: 28, withPad: " ", startingAt: 0) + values.map { String(format: "%12.3f", $0) }.joined() + ratio)
        }
        print("phase".padding(toLength: 28, withPad: " ", startingAt: 0)
              + models.map { String(format: "%12d", $0.nodes.count) }.joined() + (models.count > 1 ? "   ratio" : ""))
        for (index, phase) in phases.enumerated().dropLast() { line(phase, models.indices.map { best[$0][index] }) }
        line("total, one after another", models.indices.map { best[$0].dropLast().reduce(0, +) })
        line(phases.last!, models.indices.map { best[$0].last! })
    }
}
