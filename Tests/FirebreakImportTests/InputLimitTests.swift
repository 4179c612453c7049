import FirebreakImport
import FirebreakModel
import FirebreakTestSupport
import Foundation
import Testing

/// Limits on what one run reads: bytes per file, files in all, jobs in all. Each is an error at
/// the place it was hit, naming the option that raises it, and the rest is still analysed.
struct InputLimitTests {
    @Test func aFileLargerThanTheLimitIsRefusedBeforeItIsRead() throws {
        let big = String(repeating: "a", count: 3 * 1024 * 1024)
        let repository = try ScratchRepository(files: [".github/workflows/huge.yml": big, ".github/workflows/ci.yml": SampleWorkflow.build()])
        let imported = try InputLoader.load(path: repository.root)
        let error = try #require(imported.diagnostics.first { $0.severity == .error })
        #expect(error.location.file.hasSuffix("huge.yml") && error.message.contains("more than the 2097152 bytes"))
        #expect(error.help?.contains("--max-file-bytes") == true)
        #expect(imported.model.jobs["ci/build"] != nil, "the other workflow is still analysed")
        let raised = try InputLoader.load(path: repository.root, limits: InputLimits(fileBytes: 4 * 1024 * 1024))
        #expect(!raised.diagnostics.contains { $0.message.contains("bytes Firebreak reads") })
    }

    @Test func aWorkflowWithMoreJobsThanTheLimitIsRefusedAtItsJobs() throws {
        let jobs = (0..<30).map { "  j\($0): {runs-on: ubuntu-latest, steps: [{run: make}]}" }.joined(separator: "\n")
        let repository = try ScratchRepository(files: [".github/workflows/many.yml": "on: push\njobs:\n\(jobs)\n"])
        let imported = try InputLoader.load(path: repository.root, limits: InputLimits(jobs: 20))
        let error = try #require(imported.diagnostics.first { $0.severity == .error })
        #expect(error.location.line == 3 && error.message.contains("30 jobs, more than the 20"))
        #expect(error.help?.contains("--max-jobs") == true)
    }

    @Test func moreFilesThanTheLimitAreRefusedOneByOne() throws {
        var files: [String: String] = [:]
        for index in 0..<5 { files[".github/workflows/w\(index).yml"] = SampleWorkflow.build() }
        let repository = try ScratchRepository(files: files)
        let imported = try InputLoader.load(path: repository.root, limits: InputLimits(files: 3))
        let refused = imported.diagnostics.filter { $0.message.contains("more than 3 files read in one run") }
        #expect(refused.count == 2)
        #expect(imported.model.definitions.count == 3)
    }

    @Test func aHundredThousandJobsAndFiftyMegabytesAreRejectedQuickly() throws {
        var lines = ["on: push", "jobs:"]
        for index in 0..<100_000 { lines.append("  j\(index): {}") }
        let many = try ScratchRepository(files: [".github/workflows/many.yml": lines.joined(separator: "\n")])
        let clock = ContinuousClock()
        let start = clock.now
        let imported = try InputLoader.load(path: many.root)
        #expect(imported.diagnostics.contains { $0.message.contains("100000 jobs") })
        // Generous for a debug build; the release figure (under a second) is in the README.
        #expect(clock.now - start < .seconds(30))
        let huge = try ScratchRepository(files: [".gitlab-ci.yml": String(repeating: "#", count: 50 * 1024 * 1024)])
        let refused = try InputLoader.load(path: huge.root)
        #expect(refused.diagnostics.contains { $0.message.contains("52428800 bytes") })
    }
}
