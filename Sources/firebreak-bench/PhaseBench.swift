import FirebreakEngine
import FirebreakModel
import Foundation

/// `phases [NODES...]`: where a simulation's time goes at each size: indexing the model (which
/// uses two cores, as every run does), each scenario alone, one after another, and giving the
/// results back. The fastest of five rounds, the sizes in turn; the ratio column compares the
/// last two sizes.
enum PhaseBench {
    static func run(_ arguments: [String]) throws {
        let targets = arguments.isEmpty ? [100_000, 400_000] : arguments.compactMap { Int($0) }
        let scenarios = try ScenarioLibrary.load(folders: ["Scenarios/attacks"]).scenarios
        let models = targets.map { SyntheticModel.make(services: max(1, $0 / 16)) }
        let clock = ContinuousClock()
        let phases = ["index"] + scenarios.map(\.id) + ["release"]
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
                best[place] = zip(best[place], times).map { min($0, $1) }
            }
        }
        print("phase".padding(toLength: 28, withPad: " ", startingAt: 0)
              + models.map { String(format: "%12d", $0.nodes.count) }.joined() + (models.count > 1 ? "   ratio" : ""))
        for (index, phase) in phases.enumerated() {
            let row = models.indices.map { String(format: "%12.3f", best[$0][index]) }.joined()
            let ratio = models.count > 1 ? String(format: "%8.2f", best[models.count - 1][index] / best[models.count - 2][index]) : ""
            print(phase.padding(toLength: 28, withPad: " ", startingAt: 0) + row + ratio)
        }
        let totals = models.indices.map { best[$0].reduce(0, +) }
        print("total".padding(toLength: 28, withPad: " ", startingAt: 0) + totals.map { String(format: "%12.3f", $0) }.joined()
              + (totals.count > 1 ? String(format: "%8.2f", totals[totals.count - 1] / totals[totals.count - 2]) : ""))
    }
}
