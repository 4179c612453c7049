import FirebreakEngine
import FirebreakModel
import Foundation

/// Measures the simulator on synthetic models of growing size: time of all scenarios (the
/// fastest of five rounds, the sizes in turn, the scenarios in parallel) and the process's peak memory. Run from the package root: `swift run -c release firebreak-bench`.
/// Also `phases [NODES...]` (where one simulation's time goes, scenario by scenario), `once NODES [build|index]` (one run, for a cache simulator), `import [SECRETS]` (a synthetic repository's import), `fix [NODES]` (the fix advisor),
/// `render [NODES]`, `render-repo [DIR] [SCENARIO]`, `corpus [DIR]` (against zizmor) and `fuzz READER`.
@main
struct Bench {
    /// Runs the command asked for; an error (a scenario folder not found from the current
    /// folder, a bad size) is printed and ends the run with exit 1, not a crash.
    static func main() {
        do {
            try run()
        } catch {
            FileHandle.standardError.write(Data("firebreak-bench: \(error)\n".utf8))
            exit(1)
        }
    }

    static func run() throws {
        let arguments = CommandLine.arguments.dropFirst()
        let commands: [String: ([String]) throws -> Void] = [
            "fuzz": FuzzRun.run, "import": ImportBench.run, "fix": FixBench.run, "corpus": CorpusBench.run,
            "render-repo": RepositoryRenderBench.run, "phases": PhaseBench.run, "once": OnceBench.run,
            "render": { try RenderBench.run(sizes: $0.isEmpty ? [10_000] : $0.compactMap { Int($0) }) },
        ]
        if let name = arguments.first, let command = commands[name] {
            try command(Array(arguments.dropFirst()))
            return
        }
        let targets = arguments.isEmpty ? [1_000, 10_000, 100_000] : arguments.compactMap { Int($0) }
        let library = try ScenarioLibrary.load(folders: ["Scenarios/attacks"])
        let clock = ContinuousClock()
        // About 16 nodes per service.
        var sizes = targets.map { SizeRun(services: max(1, $0 / 16)) }
        // The fastest of five rounds, each round every size once, smallest first: on a shared
        // machine the slower runs measure the neighbours, and taking the sizes in turn lets
        // each see the same quiet and busy spells, so that their ratio is the program's. A
        // model is made just before its first run, so the first round's memory is its own.
        for round in 0..<5 {
            for index in sizes.indices {
                if round == 0 {
                    let services = sizes[index].services
                    sizes[index].buildTime = clock.measure { sizes[index].model = SyntheticModel.make(services: services) }
                }
                sizes[index].measure(library.scenarios, clock: clock)
                if round == 0 { sizes[index].peak = peakMiB() }
            }
        }
        // Counted after the runs, so that no list of nodes is in memory during them.
        for index in sizes.indices { sizes[index].nodes = sizes[index].model.nodes.count }
        print("nodes     edges     services  build(s)  edges(s)  simulate(s)  cpu(s)  per-scenario(ms)  reached(total)  peak RSS (MiB)")
        for size in sizes {
            let model = size.model!
            // The model's edges, sorted, as `graph`, `export` and `render` list them: one timing, not the fastest of five.
            var edges = 0
            let edgesTime = clock.measure { edges = model.edges.count }
            print(String(format: "%-9d %-9d %-9d %-9.2f %-9.2f %-12.2f %-7.2f %-17.1f %-15d %.0f", size.nodes, edges,
                         size.services, seconds(size.buildTime), seconds(edgesTime), seconds(size.simulateTime), size.cpu,
                         seconds(size.simulateTime) * 1000 / Double(library.scenarios.count), size.reached, size.peak))
        }
        print("peak RSS is the process's high-water mark after the size's first run (sizes run smallest first).")
        // How the time grows from each size to the next: as the node count grows, for a simulator
        // that scales. Two estimates: the fastest run of each size, and the median of the rounds'
        // own ratios (each round runs both sizes back to back, in the same spell of a shared
        // machine; the fastest of five short runs is luckier than the fastest of five long ones).
        for (smaller, larger) in zip(sizes, sizes.dropFirst()) {
            let paired = zip(larger.rounds, smaller.rounds).map { $0 / $1 }.sorted()
            print(String(format: "time(%d nodes) / time(%d nodes): %.2f for %.2f times the nodes (CPU: %.2f); median of the rounds' ratios: %.2f (%@)",
                         larger.nodes, smaller.nodes, seconds(larger.simulateTime) / seconds(smaller.simulateTime),
                         Double(larger.nodes) / Double(smaller.nodes), larger.cpu / smaller.cpu,
                         paired[paired.count / 2], paired.map { String(format: "%.2f", $0) }.joined(separator: " ")))
        }
    }

    /// One model size: its model and the best of its runs so far.
    struct SizeRun {
        let services: Int
        var model: PipelineModel!
        /// The model's node count, counted once (listing the nodes sorts them all).
        var nodes = 0
        var buildTime = Duration.zero
        var simulateTime = Duration.seconds(Int64.max)
        /// Every round's time, in seconds.
        var rounds: [Double] = []
        var cpu = Double.infinity
        var reached = 0
        var peak = 0.0

        /// Prepares the model and plays every scenario once, keeping the fastest time.
        mutating func measure(_ scenarios: [Scenario], clock: ContinuousClock) {
            let model = model!
            var reached = 0
            let before = cpuSeconds()
            let took = clock.measure {
                let simulation = Simulation(model: model)
                for result in simulation.run(scenarios) { reached += result.reached.count }
            }
            simulateTime = min(simulateTime, took)
            rounds.append(Bench.seconds(took))
            cpu = min(cpu, cpuSeconds() - before)
            self.reached = reached
        }
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// CPU time this process has used, user and system, in seconds: steadier than wall time on a shared machine.
    static func cpuSeconds() -> Double {
        let usage = ownUsage()
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    static func peakMiB() -> Double {
        Double(ownUsage().ru_maxrss) / 1024
    }

    /// This process's resource usage so far.
    private static func ownUsage() -> rusage {
        var usage = rusage()
        #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        return usage
    }
}
