import FirebreakTestSupport
import Foundation
import Testing

/// The gate job the README shows, its shell script run as written against repositories built
/// here: what users copy must work.
@Suite struct ReadmeGateJobTests {
    /// The `run:` script of the README's `Gate` step, pointed at the binary under test.
    static func gateScript() throws -> String {
        let readme = try String(contentsOfFile: PackagePaths.path("README.md"), encoding: .utf8)
        let lines = readme.components(separatedBy: "\n")
        let step = try #require(lines.firstIndex(of: "      - name: Gate"))
        let run = try #require(lines[step...].firstIndex(of: "        run: |"))
        let body = lines[(run + 1)...].prefix { $0.hasPrefix("          ") || $0.isEmpty }
        let script = body.map { String($0.dropFirst(min(10, $0.count))) }.joined(separator: "\n")
        #expect(script.contains("firebreak=/tmp/firebreak/.build/release/firebreak"))
        return script.replacingOccurrences(of: "firebreak=/tmp/firebreak/.build/release/firebreak", with: "firebreak='\(CommandRunner.binary)'")
    }

    /// Runs the script in `repository` as the job would: BASE_REF set, a step summary file.
    static func runJob(in repository: ScratchRepository) throws -> (status: Int32, summary: String) {
        let summary = (repository.root as NSString).appendingPathComponent("../summary.md")
        try Data().write(to: URL(fileURLWithPath: summary))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-e", "-c", try gateScript()]
        process.currentDirectoryURL = URL(fileURLWithPath: repository.root)
        var environment = ProcessInfo.processInfo.environment
        environment["BASE_REF"] = "main"
        environment["GITHUB_STEP_SUMMARY"] = summary
        environment["NO_COLOR"] = "1"
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return (process.terminationStatus, try String(contentsOfFile: summary, encoding: .utf8))
    }

    @Test func theJobPassesAnUnchangedPipelineAndFailsAWiderOne() throws {
        let source = try ScratchRepository(named: "upstream", files: [".github/workflows/ci.yml": SampleWorkflow.build()])
        try source.initialise()
        try source.commit("ci")
        let clone = try ScratchRepository(cloning: source, as: "checkout")
        let unchanged = try Self.runJob(in: clone)
        #expect(unchanged.status == 0)
        #expect(unchanged.summary.hasPrefix("## ✅ Firebreak gate passed"))
        let sarif = try Data(contentsOf: URL(fileURLWithPath: clone.root + "/firebreak.sarif"))
        #expect((try JSONSerialization.jsonObject(with: sarif) as? [String: Any])?["version"] as? String == "2.1.0")

        try clone.write(".github/workflows/ci.yml",
                        SampleWorkflow.build(then: "uses: someone/deployer@main\nwith: {token: \"${{ secrets.DEPLOY_TOKEN }}\"}"))
        let wider = try Self.runJob(in: clone)
        #expect(wider.status == 1)
        #expect(wider.summary.hasPrefix("## ❌ Firebreak gate failed"))
        #expect(wider.summary.contains("secret:DEPLOY_TOKEN"))
    }
}
