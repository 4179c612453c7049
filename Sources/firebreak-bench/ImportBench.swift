import FirebreakImport
import Foundation

/// `firebreak-bench import [SECRETS]`: imports a synthetic repository holding GitHub workflows
/// and a `.gitlab-ci.yml` that name SECRETS distinct secrets and variables in all (default
/// 20,000, half per platform), and prints the import's time and peak memory.
enum ImportBench {
    static func run(_ arguments: [String]) throws {
        let secrets = arguments.first.flatMap { Int($0) } ?? 20_000
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("firebreak-import-bench-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let bytes = try write(root: root, secrets: secrets)
        let clock = ContinuousClock()
        var jobs = 0, found = 0, assumptions = 0
        let elapsed = try clock.measure {
            let model = try InputLoader.load(path: root).model
            jobs = model.jobs.count
            found = model.secrets.count
            assumptions = model.assumptions.count
        }
        print(String(format: "import of %d bytes: %d jobs, %d secrets, %d assumptions in %.2f s, peak RSS %.0f MiB",
                     bytes, jobs, found, assumptions, FuzzRun.seconds(elapsed), Bench.peakMiB()))
    }

    /// Writes the repository: GitHub jobs naming ten secrets each, GitLab jobs using twenty
    /// variables each. Returns the bytes written.
    static func write(root: String, secrets: Int) throws -> Int {
        let workflows = (root as NSString).appendingPathComponent(".github/workflows")
        try FileManager.default.createDirectory(atPath: workflows, withIntermediateDirectories: true)
        var bytes = 0
        let github = secrets / 2
        var next = 0
        var file = 0
        while next < github {
            var text = "on: [push, pull_request]\npermissions: {contents: read}\njobs:\n"
            for job in 0..<20 where next < github {
                text += "  job\(job):\n    runs-on: ubuntu-latest\n    steps:\n"
                for _ in 0..<10 where next < github {
                    text += "      - run: ./deploy.sh\n        env: {TOKEN: \"${{ secrets.GH_SECRET_\(next) }}\"}\n"
                    next += 1
                }
            }
            try text.write(toFile: "\(workflows)/w\(file).yml", atomically: true, encoding: .utf8)
            bytes += text.utf8.count
            file += 1
        }
        var gitlab = "stages: [build]\n"
        var variable = 0
        var job = 0
        while variable < secrets - github {
            gitlab += "job\(job):\n  script:\n"
            for _ in 0..<20 where variable < secrets - github {
                gitlab += "    - ./upload --token \"$GL_VARIABLE_\(variable)\"\n"
                variable += 1
            }
            job += 1
        }
        try gitlab.write(toFile: (root as NSString).appendingPathComponent(".gitlab-ci.yml"), atomically: true, encoding: .utf8)
        return bytes + gitlab.utf8.count
    }
}
