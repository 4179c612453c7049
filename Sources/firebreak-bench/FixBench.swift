import FirebreakEngine
import FirebreakModel
import Foundation

/// Times the fix advisor on synthetic models: candidates, the what-if of each, and the set.
/// `firebreak-bench fix [NODES...]` (default 1,000).
enum FixBench {
    static func run(_ arguments: [String]) throws {
        let sizes = arguments.isEmpty ? [1_000] : arguments.compactMap { Int($0) }
        let library = try ScenarioLibrary.load(folders: ["Scenarios/attacks"])
        print("nodes     candidates  set   search   crown jewels before → after  time(s)  peak RSS (MiB)")
        for size in sizes {
            let model = SyntheticModel.make(services: max(1, size / 16))
            let clock = ContinuousClock()
            var advice: FixAdvice!
            let time = clock.measure { advice = FixAdvisor(model: model, scenarios: library.scenarios).advise() }
            let seconds = Double(time.components.seconds) + Double(time.components.attoseconds) / 1e18
            let before = FixAdvice.total(advice.before).crownJewels, after = FixAdvice.total(advice.after).crownJewels
            print(String(format: "%-9d %-11d %-5d %-8@ %-28@ %-8.2f %.0f", model.nodes.count, advice.candidates.count,
                         advice.minimalSet.count, advice.search.rawValue as NSString, "\(before) → \(after)" as NSString, seconds,
                         Bench.peakMiB()))
        }
    }
}
