import Foundation
import FirebreakTestSupport
import Testing

/// `firebreak play`, as a trainer uses it for a handout.
@Suite struct PlayTests {
    static let golden = PackagePaths.path("Tests/FirebreakCLITests/Golden/play-hardened-compromised-build-step.txt")

    /// The whole narration of one scenario, byte for byte; FIREBREAK_RECORD=1 rewrites it and fails.
    @Test func allPrintsTheWholeNarration() throws {
        let result = try CommandRunner.run(["play", "Scenarios/pipelines/hardened.yml", "--scenario", "compromised-build-step", "--all"])
        #expect(result.status == 0, "\(result.stderr)")
        if ProcessInfo.processInfo.environment["FIREBREAK_RECORD"] != nil {
            try result.stdout.write(toFile: Self.golden, atomically: true, encoding: .utf8)
            Issue.record("recorded \(Self.golden); read it and run again without FIREBREAK_RECORD")
            return
        }
        #expect(result.stdout == (try String(contentsOfFile: Self.golden, encoding: .utf8)))
    }

    /// Output that is not a terminal never waits for Enter, and each hop says what would have stopped it.
    @Test func outputToAPipeIsTheWholeNarration() throws {
        let result = try CommandRunner.run(["play", "Scenarios/pipelines/skeleton-key.yml", "--scenario", "malicious-fork-pr"])
        #expect(result.status == 0)
        #expect(!result.stdout.contains("[Enter"))
        #expect(result.stdout.contains("1. The attacker starts: act actor:outsider"))
        #expect(result.stdout.contains("what would have stopped it:"))
        #expect(result.stdout.hasSuffix("(score 272).\n"))
    }
}
