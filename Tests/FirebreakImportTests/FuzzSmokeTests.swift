import FirebreakTestSupport
import Foundation
import Testing

/// A short, seeded run of the fuzzer over every reader of untrusted text: mutated models,
/// context files, scenarios, workflows, GitLab files and baselines are rejected or read, never
/// a crash (`make fuzz` runs the same harness for as long as you like).
@Suite struct FuzzSmokeTests {
    @Test(arguments: ReaderHarness.allCases)
    func mutatedInputsNeverCrash(_ reader: ReaderHarness) throws {
        let seeds = try reader.seedTexts()
        #expect(!seeds.isEmpty, "\(reader) has seed inputs")
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("firebreak-fuzz-test-\(reader)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        var mutator = InputMutator(seed: 2026)
        var accepted = 0
        for _ in 0..<120 {
            let text = mutator.mutate(seeds[mutator.below(seeds.count)], other: seeds[mutator.below(seeds.count)])
            if reader.run(text, scratch: scratch) { accepted += 1 }
        }
        // Some mutants stay valid: the harness really reaches the readers' insides.
        #expect(accepted > 0)
    }

    @Test func theMutatorIsDeterministic() {
        var first = InputMutator(seed: 42), second = InputMutator(seed: 42)
        let text = "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n"
        #expect((0..<50).map { _ in first.mutate(text, other: text) } == (0..<50).map { _ in second.mutate(text, other: text) })
    }
}
