import Foundation

/// Firebreak and zizmor on the same corpus, one process each, side by side: wall time and peak
/// memory, the fastest of three runs each. `firebreak-bench corpus [DIR]` (default: the shared
/// corpus beside the project). Firebreak imports every repository (GitHub and GitLab) and plays
/// all ten scenarios (`simulate DIR --format json`); zizmor audits the GitHub workflows of the
/// same repositories offline (`zizmor --offline --format json REPO...`). zizmor is skipped,
/// with a note, when it is not on PATH (`pip install zizmor==1.32.0`).
enum CorpusBench {
    struct Measure { var seconds: Double; var peakMiB: Double; var status: Int32 }

    static func run(_ arguments: [String]) throws {
        let corpus = arguments.first ?? "../shared/corpus"
        guard FileManager.default.fileExists(atPath: corpus) else {
            print("skipped: \(corpus) is not here (the shared corpus is beside the project on the development machine only)")
            return
        }
        let firebreak = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("firebreak").path
        guard FileManager.default.isExecutableFile(atPath: firebreak) else {
            print("build the firebreak binary first: swift build -c release --product firebreak")
            return
        }
        let repositories = try FileManager.default.contentsOfDirectory(atPath: corpus).sorted()
            .map { (corpus as NSString).appendingPathComponent($0) }
            .filter { FileManager.default.fileExists(atPath: ($0 as NSString).appendingPathComponent(".github/workflows")) }
        print("corpus: \(corpus), \(repositories.count) repositories with GitHub workflows")
        print("tool       seconds  peak MiB  command")
        let ours = best(of: 3, [firebreak, "simulate", corpus, "--format", "json"],
                        environment: ["FIREBREAK_SCENARIOS": FileManager.default.currentDirectoryPath + "/Scenarios/attacks"])
        print(line("firebreak", ours, "firebreak simulate \(corpus) --format json"))
        guard let zizmor = which("zizmor") else {
            print("zizmor: not on PATH, skipped (pip install zizmor==1.32.0)")
            return
        }
        let theirs = best(of: 3, [zizmor, "--offline", "--format", "json"] + repositories, environment: [:])
        print(line("zizmor", theirs, "zizmor --offline --format json REPO... (\(repositories.count))"))
        print(String(format: "firebreak / zizmor: time %.2f×, peak memory %.2f×", ours.seconds / theirs.seconds, ours.peakMiB / theirs.peakMiB))
    }

    static func line(_ tool: String, _ measure: Measure, _ command: String) -> String {
        tool.padding(toLength: 10, withPad: " ", startingAt: 0) + String(format: " %7.2f  %8.0f  ", measure.seconds, measure.peakMiB) + command
    }

    static func best(of runs: Int, _ command: [String], environment: [String: String]) -> Measure {
        (0..<runs).map { _ in spawn(command, environment: environment) }.min { $0.seconds < $1.seconds }!
    }

    /// Runs a command with its output discarded and returns its wall time and its own peak
    /// resident memory (from `wait4`, so only this child is counted).
    static func spawn(_ command: [String], environment: [String: String]) -> Measure {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var merged = ProcessInfo.processInfo.environment
        merged.merge(environment) { $1 }
        let argv = command.map { strdup($0) } + [nil]
        let envp = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let start = ContinuousClock.now
        guard posix_spawn(&pid, command[0], &actions, nil, argv, envp) == 0 else { return Measure(seconds: .infinity, peakMiB: 0, status: -1) }
        var status: Int32 = 0
        var usage = rusage()
        wait4(pid, &status, 0, &usage)
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return Measure(seconds: seconds, peakMiB: Double(usage.ru_maxrss) / 1024, status: status)
    }

    static func which(_ name: String) -> String? {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
