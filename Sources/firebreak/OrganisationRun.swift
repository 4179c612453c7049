import FirebreakEngine
import FirebreakImport
import FirebreakModel
import FirebreakReport
import Foundation
import Synchronization

/// `simulate` over a folder of repositories: each found repository imported and simulated in
/// parallel, its verdict kept (and its full report when asked), in the order found.
struct OrganisationRun {
    /// One repository's outcome: its verdict, what its import said, and its full report if asked.
    struct Outcome: Sendable {
        var verdict: RepositoryVerdict
        /// The diagnostics, located, in the order the import gave them; a warning repeated many
        /// times in one repository is printed once with how many more there are.
        var diagnostics: [String]
        var failed: Bool
        var details: String?
        /// The repository's JSON entry, encoded where it was analysed (without a final newline).
        var json: [[UInt8]]?
    }

    /// A repository in the JSON output: its path, its problems, and its report when it was analysed.
    struct RepositoryEntry {
        var path: String
        var problems: [String]
        var error: String?
        var report: (model: PipelineModel, results: [BlastRadius], assumptions: [Assumption])?
    }

    let folder: String
    let scenarios: [Scenario]
    let details: Bool
    let json: Bool
    let textOptions: (all: Bool, maxPaths: Int, why: Bool)

    /// The order of emission: the next repository to write and those done before their turn.
    struct EmissionOrder {
        var next = 0
        /// Entries done before their turn: 64 MiB in memory, the rest in a temporary file.
        var waiting = HeldOutputs(memoryLimit: 64 << 20)
    }

    /// Runs every repository, reporting progress on standard error when it is a terminal.
    /// `emit` receives each repository's JSON entry, made inert (`Console.inert(bytes:)`), in the
    /// order found, as soon as it and those before it are done: the whole output is never held
    /// at once.
    func run(_ repositories: [String], emit: (@Sendable (_ index: Int, _ json: [[UInt8]]) -> Void)? = nil) -> [Outcome] {
        let done = Atomic<Int>(0)
        let order = Mutex(EmissionOrder())
        let progress = isatty(STDERR_FILENO) == 1 && repositories.count > 1
        // The largest repositories start first, so that none is left running alone at the end;
        // the outcomes keep the order found, and `emit` sees that order too.
        let schedule = Self.largestFirst(repositories)
        let scheduled = ParallelMap.map(schedule) { index in
            let path = repositories[index]
            var outcome = analyse(path)
            if let emit, let json = outcome.json?.map(Console.inert(bytes:)) {
                outcome.json = nil
                order.withLock { state in
                    if index == state.next {
                        emit(index, json)
                        state.next += 1
                    } else {
                        state.waiting.keep(index, json)
                    }
                    do throws(HeldOutputs.Lost) {
                        while let entry = try state.waiting.take(state.next) {
                            emit(state.next, entry)
                            state.next += 1
                        }
                    } catch {
                        state.waiting.discardAll()
                        Console.error("error: the output of \(repositories[state.next]) is lost: \(error.message)")
                        Foundation.exit(2)
                    }
                }
            }
            let count = done.add(1, ordering: .relaxed).newValue
            if progress { Console.progress("simulated \(count) of \(repositories.count) repositories") }
            return outcome
        }
        if progress { Console.progress(nil) }
        var outcomes = scheduled
        for (place, index) in schedule.enumerated() { outcomes[index] = scheduled[place] }
        return outcomes
    }

    /// The repositories' indexes, the one with the most pipeline text first: its `.github` and
    /// `.gitlab` folders and the YAML files near its root (where GitLab pipelines keep their includes).
    static func largestFirst(_ repositories: [String]) -> [Int] {
        let sizes = ParallelMap.map(repositories, pipelineBytes)
        return repositories.indices.sorted { sizes[$0] != sizes[$1] ? sizes[$0] > sizes[$1] : $0 < $1 }
    }

    @Sendable private static func pipelineBytes(_ root: String) -> Int {
        let files = FileManager.default
        var total = 0
        func size(_ path: String) -> Int {
            var status = stat()
            return stat(path, &status) == 0 ? Int(status.st_size) : 0
        }
        for folder in [".github", ".gitlab"] {
            let base = (root as NSString).appendingPathComponent(folder)
            for file in files.enumerator(atPath: base)?.allObjects as? [String] ?? [] {
                total += size((base as NSString).appendingPathComponent(file))
            }
        }
        for entry in (try? files.contentsOfDirectory(atPath: root)) ?? [] where !entry.hasPrefix(".git") || entry == ".gitlab-ci.yml" {
            let path = (root as NSString).appendingPathComponent(entry)
            if entry.hasSuffix(".yml") || entry.hasSuffix(".yaml") { total += size(path); continue }
            for file in (try? files.contentsOfDirectory(atPath: path)) ?? [] where file.hasSuffix(".yml") || file.hasSuffix(".yaml") {
                total += size((path as NSString).appendingPathComponent(file))
            }
        }
        return total
    }

    /// Imports and simulates one repository; a failure is its verdict, not the run's end.
    func analyse(_ path: String) -> Outcome {
        let display = relative(path)
        let loaded: ImportResult
        do throws(LoadError) {
            loaded = try InputLoader.load(path: path, display: display, limits: SimulationInput.limits)
        } catch {
            let message = error.description
            return Outcome(verdict: RepositoryVerdict(path: display, failure: message), diagnostics: [message], failed: true,
                           json: json ? Self.encode(RepositoryEntry(path: display, problems: [], error: message, report: nil)) : nil)
        }
        let simulation = Simulation(model: loaded.model)
        // In parallel too: when the last repositories are all that is left, their scenarios share the cores.
        let results = simulation.run(scenarios)
        let errors = loaded.diagnostics.filter { $0.severity == .error }.map(\.description)
        var outcome = Outcome(verdict: RepositoryVerdict(path: display, name: Self.name(of: loaded.model, at: display), model: loaded.model,
                                                                 results: results, problems: errors),
                              diagnostics: DiagnosticGroups.lines(loaded.diagnostics, scope: "this repository"), failed: !errors.isEmpty)
        if details {
            outcome.details = SimulationText(model: loaded.model, results: results, assumptions: simulation.assumptions, style: Console.style,
                                             allAssumptions: textOptions.all, maxPaths: textOptions.maxPaths, why: textOptions.why,
                                             problems: errors.count).text
        }
        if json {
            outcome.json = Self.encode(RepositoryEntry(path: display, problems: errors, error: nil,
                                                       report: (loaded.model, results, simulation.assumptions)))
        }
        return outcome
    }

    /// A JSON entry without its final newline, keys sorted as everywhere in Firebreak's JSON.
    static func encode(_ entry: RepositoryEntry) -> [[UInt8]] {
        var out = JSONText()
        out.beginObject()
        if let error = entry.error { out.field("error", error) }
        out.field("path", entry.path)
        out.field("problems", entry.problems)
        if let report = entry.report {
            out.key("report")
            SimulationJSON.write(model: report.model, results: report.results, assumptions: report.assumptions, into: &out)
        }
        out.endObject()
        out.endPiece()
        return out.chunks
    }

    /// The repository's own name, or its path when nothing names it (no remote, no context file).
    static func name(of model: PipelineModel, at path: String) -> String {
        model.repository.name == RepositoryIdentity.unnamed ? path : model.repository.name
    }

    /// A repository's path as found under the folder the user named.
    func relative(_ path: String) -> String { Self.relative(path, below: folder) }

    /// A repository's path as found under `folder`.
    static func relative(_ path: String, below folder: String) -> String {
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
