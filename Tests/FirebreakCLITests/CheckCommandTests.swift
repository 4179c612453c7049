import Foundation
import FirebreakTestSupport
import Testing

/// `firebreak check`, as a participant runs it.
@Suite struct CheckCommandTests {
    static let exercise = "Scenarios/exercises/02-keep-forks-off-the-deploy-runner"

    @Test func theStartIsNotYetAndTheSolutionPasses() throws {
        let start = try CommandRunner.run(["check", Self.exercise, "\(Self.exercise)/start.yml", "--hint"])
        #expect(start.status == 1)
        #expect(start.stdout.hasPrefix("not yet: 02-keep-forks-off-the-deploy-runner"))
        #expect(start.stdout.contains("still reached in malicious-fork-pr: resource:cluster via foothold → fork-pull-request → runner-hijack"))
        #expect(start.stdout.contains("  hint: "))
        let solution = try CommandRunner.run(["check", Self.exercise, "\(Self.exercise)/solution/model.yml"])
        #expect(solution.status == 0 && solution.stdout.hasPrefix("passed: 02-keep-forks-off-the-deploy-runner"))
        let brief = try CommandRunner.run(["check", Self.exercise])
        #expect(brief.status == 0 && brief.stdout.contains("goal: No crown jewel is reachable in malicious-fork-pr"))
    }
}
