import FirebreakTestSupport
import Foundation

/// `firebreak-bench fuzz READER [EXECUTIONS] [SEED]`: mutates the reader's seed inputs and runs
/// the reader on each, in this process. Before each run the input is written to
/// `Output/fuzz/READER-current.txt`: when a run crashes, that file is the crashing input, to be
/// kept as a regression fixture.
enum FuzzRun {
    static func run(_ arguments: [String]) throws {
        guard let name = arguments.first, let reader = ReaderHarness(rawValue: name) else {
            print("usage: firebreak-bench fuzz \(ReaderHarness.allCases.map(\.rawValue).joined(separator: "|")) [EXECUTIONS] [SEED]")
            return
        }
        let executions = arguments.count > 1 ? Int(arguments[1]) ?? 100_000 : 100_000
        let seed = arguments.count > 2 ? UInt64(arguments[2]) ?? 1 : 1
        let seeds = try reader.seedTexts()
        guard !seeds.isEmpty else { print("no seed inputs for \(name)"); return }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("firebreak-fuzz-\(name)-\(getpid())").path
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        try FileManager.default.createDirectory(atPath: "Output/fuzz", withIntermediateDirectories: true)
        let current = URL(fileURLWithPath: "Output/fuzz/\(name)-current.txt")
        var mutator = InputMutator(seed: seed)
        var accepted = 0
        let clock = ContinuousClock()
        let start = clock.now
        for execution in 0..<executions {
            var text = seeds[mutator.below(seeds.count)]
            let other = seeds[mutator.below(seeds.count)]
            // Stack mutations now and then, so inputs drift further from the seeds.
            for _ in 0...mutator.below(3) { text = mutator.mutate(text, other: other) }
            try Data(text.utf8).write(to: current)
            if reader.run(text, scratch: scratch) { accepted += 1 }
            if execution > 0, execution % 100_000 == 0 {
                print("  \(execution) executions, \(String(format: "%.0f", Double(execution) / seconds(clock.now - start)))/s")
            }
        }
        let elapsed = seconds(clock.now - start)
        try? FileManager.default.removeItem(at: current)
        print(String(format: "%@: %d executions in %.1f s (%.0f/s), %d accepted, no crash, peak RSS %.0f MiB, seed %llu",
                     name, executions, elapsed, Double(executions) / elapsed, accepted, Bench.peakMiB(), seed))
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
