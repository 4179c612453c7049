import FirebreakEngine
import FirebreakModel

/// `once [NODES] [build|index|SCENARIO...]`: one simulation of a synthetic model (100,000 nodes unless told), the
/// scenarios played one after another (the model's indexes are built on two cores, as in every
/// run), for a profiler or a cache simulator to watch: `valgrind --tool=cachegrind` counts
/// instructions and cache misses the same way each run, where wall time on a shared machine
/// does not. With `build`, only the model is made, so that the difference between the two runs
/// is the simulation's; with `index`, the model is made and indexed for the rules, and no
/// scenario is played; with scenario ids, only those are played.
enum OnceBench {
    static func run(_ arguments: [String]) throws {
        let target = arguments.lazy.compactMap { Int($0) }.first ?? 100_000
        let model = SyntheticModel.make(services: max(1, target / 16))
        if arguments.contains("build") {
            print("built \(model.jobs.count) jobs")
            return
        }
        if arguments.contains("index") {
            let simulation = Simulation(model: model)
            print("indexed \(simulation.graph.jobs.count) jobs")
            return
        }
        let chosen = Set(arguments.filter { Int($0) == nil })
        let scenarios = try ScenarioLibrary.load(folders: ["Scenarios/attacks"]).scenarios
            .filter { chosen.isEmpty || chosen.contains($0.id) }
        let clock = ContinuousClock()
        var reached = 0
        let took = clock.measure {
            let simulation = Simulation(model: model)
            for scenario in scenarios { reached += simulation.run(scenario).reached.count }
        }
        print(String(format: "%d scenarios, %d reached in all, %.2f s", scenarios.count, reached, Bench.seconds(took)))
    }
}
