import Foundation

/// Firebreak and zizmor on the same repositories, one process each, side by side: wall time and
/// peak memory, the fastest of five runs each, the runs taken in turn so that both tools see the
/// same quiet and busy spells of a shared machine. `firebreak-bench corpus [DIR]` (default: the
/// shared corpus beside the project). zizmor audits the GitHub workflows of the repositories
/// that have them, offline (`zizmor --offline --format json REPO...`); Firebreak imports the same
/// repositories (a hard-linked copy of them in a temporary folder) and plays all ten scenarios
/// (`simulate FOLDER --format json`), which is the comparison; it is also timed on the whole
/// corpus, GitLab projects included, which zizmor does not read. zizmor is skipped, with a
/// note, when it is not on PATH (`pip install zizmor==1.32.0`).
enum CorpusBench {
    /// One run: its wall time, its own peak memory and its wait status.
    struct Measure {
        var seconds: Double
        var peakMiB: Double
        var status: Int32

        /// Whether the process ended by exiting (not by a signal).
        var exited: Bool { status & 0x7f == 0 }
        /// "exit N", or the signal that ended it.
        var ending: String { exited ? String((status >> 8) & 0xff) : "sig \(status & 0x7f)" }
    }

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
        let all = try FileManager.default.contentsOfDirectory(atPath: corpus).sorted()
            .map { (corpus as NSString).appendingPathComponent($0) }
            .filter { isFolder($0) }
        let repositories = all.filter { FileManager.default.fileExists(atPath: ($0 as NSString).appendingPathComponent(".github/workflows")) }
        let same = (NSTemporaryDirectory() as NSString).appendingPathComponent("firebreak-corpus-\(getpid())")
        defer { try? FileManager.default.removeItem(atPath: same) }
        try linkRepositories(repositories, into: same)
        let scenarios = ["FIREBREAK_SCENARIOS": FileManager.default.currentDirectoryPath + "/Scenarios/attacks"]
        let zizmor = which("zizmor")
        var ours: Measure?, whole: Measure?, theirs: Measure?
        for _ in 0..<5 {
            ours = better(ours, spawn([firebreak, "simulate", same, "--format", "json"], environment: scenarios))
            if let zizmor { theirs = better(theirs, spawn([zizmor, "--offline", "--format", "json"] + repositories, environment: [:])) }
            whole = better(whole, spawn([firebreak, "simulate", corpus, "--format", "json"], environment: scenarios))
        }
        guard let ours, let whole else { return }
        print("corpus: \(corpus), \(all.count) repositories, \(repositories.count) of them with GitHub workflows (what zizmor reads)")
        print("tool       seconds  peak MiB  exit  command")
        print(line("firebreak", ours, "firebreak simulate FOLDER --format json (the same \(repositories.count) repositories)"))
        guard zizmor != nil, let theirs else {
            print("zizmor: not on PATH, skipped (pip install zizmor==1.32.0)")
            print(line("firebreak", whole, "firebreak simulate \(corpus) --format json (all \(all.count), GitLab included)"))
            return
        }
        print(line("zizmor", theirs, "zizmor --offline --format json REPO... (\(repositories.count))"))
        print(line("firebreak", whole, "firebreak simulate \(corpus) --format json (all \(all.count), GitLab included)"))
        print(String(format: "firebreak / zizmor on the same %d repositories: time %.2f×, peak memory %.2f×",
                     repositories.count, ours.seconds / theirs.seconds, ours.peakMiB / theirs.peakMiB))
        print(String(format: "firebreak on all %d / zizmor on its %d: time %.2f×, peak memory %.2f×",
                     all.count, repositories.count, whole.seconds / theirs.seconds, whole.peakMiB / theirs.peakMiB))
    }

    /// The run to report of two: one that exited rather than one a signal ended (a crash is
    /// not fast), else the faster.
    static func better(_ kept: Measure?, _ run: Measure) -> Measure {
        guard let kept else { return run }
        if kept.exited != run.exited { return kept.exited ? kept : run }
        return run.seconds < kept.seconds ? run : kept
    }

    /// Fills `folder` with the given repositories and nothing else: hard links where the file
    /// system allows, else copies.
    static func linkRepositories(_ repositories: [String], into folder: String) throws {
        try? FileManager.default.removeItem(atPath: folder)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for repository in repositories {
            let target = (folder as NSString).appendingPathComponent((repository as NSString).lastPathComponent)
            do {
                try FileManager.default.linkItem(atPath: repository, toPath: target)
            } catch {
                try? FileManager.default.removeItem(atPath: target)
                try FileManager.default.copyItem(atPath: repository, toPath: target)
            }
        }
    }

    static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    static func line(_ tool: String, _ measure: Measure, _ command: String) -> String {
        // The exit status says the run did its work: Firebreak exits 2 when some file could not
        // be read (the corpus copy has two), zizmor with a code for its findings.
        tool.padding(toLength: 10, withPad: " ", startingAt: 0) + String(format: " %7.2f  %8.0f  ", measure.seconds, measure.peakMiB)
            + measure.ending.padding(toLength: 6, withPad: " ", startingAt: 0) + command
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
        guard posix_spawn(&pid, command[0], &actions, nil, argv, envp) == 0 else { return Measure(seconds: .infinity, peakMiB: 0, status: 127 << 8) }
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
