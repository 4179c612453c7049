import FirebreakEngine
import FirebreakModel
import Foundation

/// Measures the simulator on synthetic models of growing size: time of all scenarios (the
/// fastest of three runs, the scenarios in parallel) and the process's peak memory. Run from the package root: `swift run -c release firebreak-bench`.
/// Also `import [SECRETS]` (a synthetic repository's import), `fix [NODES]` (the fix advisor),
/// `render [NODES]`, `render-repo [DIR] [SCENARIO]`, `corpus [DIR]` (against zizmor) and `fuzz READER`.
@main
struct Bench {
    static func main() throws {
        let arguments = CommandLine.arguments.dropFirst()
        let commands: [String: ([String]) throws -> Void] = [
            "fuzz": FuzzRun.run, "import": ImportBench.run, "fix": FixBench.run, "corpus": CorpusBench.run,
            "render-repo": RepositoryRenderBench.run,
            "render": { try RenderBench.run(sizes: $0.isEmpty ? [10_000] : $0.compactMap { Int($0) }) },
        ]
        if let name = arguments.first, let command = commands[name] {
            try command(Array(arguments.dropFirst()))
            return
        }
        let targets = arguments.isEmpty ? [1_000, 10_000, 100_000] : arguments.compactMap { Int($0) }
        let library = try ScenarioLibrary.load(folders: ["Scenarios/attacks"])
        print("nodes     edges     services  build(s)  simulate(s)  cpu(s)  per-scenario(ms)  reached(total)  peak RSS (MiB)")
        for target in targets {
            // About 16 nodes per service.
            let services = max(1, target / 16)
            let clock = ContinuousClock()
            var model: PipelineModel!
            let buildTime = clock.measure { model = SyntheticModel.make(services: services) }
            let nodes = model.nodes.count, edges = model.edges.count
            var reached = 0
            // The fastest of three runs: on a shared machine the slower ones measure the neighbours.
            var simulateTime = Duration.seconds(Int64.max)
            var cpu = Double.infinity
            for _ in 0..<3 {
                reached = 0
                let before = cpuSeconds()
                simulateTime = min(simulateTime, clock.measure {
                    let simulation = Simulation(model: model)
                    for result in simulation.run(library.scenarios) { reached += result.reached.count }
                })
                cpu = min(cpu, cpuSeconds() - before)
            }
            let seconds = { (d: Duration) in Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18 }
            print(String(format: "%-9d %-9d %-9d %-9.2f %-12.2f %-7.2f %-17.1f %-15d %.0f", nodes, edges, services, seconds(buildTime),
                         seconds(simulateTime), cpu, seconds(simulateTime) * 1000 / Double(library.scenarios.count), reached, peakMiB()))
        }
        print("peak RSS is the process's high-water mark so far (sizes run smallest first).")
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
