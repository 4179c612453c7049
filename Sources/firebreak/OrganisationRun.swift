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
        var json: [UInt8]?
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
        var waiting: [Int: [UInt8]] = [:]
    }

    /// Runs every repository, reporting progress on standard error when it is a terminal.
    /// `emit` receives each repository's JSON entry in the order found, as soon as it and those
    /// before it are done: the whole output is never held at once.
    func run(_ repositories: [String], emit: (@Sendable (_ index: Int, _ json: [UInt8]) -> Void)? = nil) -> [Outcome] {
        let done = Atomic<Int>(0)
        let order = Mutex(EmissionOrder())
        let progress = isatty(STDERR_FILENO) == 1 && repositories.count > 1
        let outcomes = ParallelMap.map(Array(repositories.enumerated())) { index, path in
            var outcome = analyse(path)
            if let emit, let json = outcome.json {
                outcome.json = nil
                order.withLock { state in
                    state.waiting[index] = json
                    while let entry = state.waiting.removeValue(forKey: state.next) {
                        emit(state.next, entry)
                        state.next += 1
                    }
                }
            }
            let count = done.add(1, ordering: .relaxed).newValue
            if progress { Console.progress("simulated \(count) of \(repositories.count) repositories") }
            return outcome
        }
        if progress { Console.progress(nil) }
        return outcomes
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
        let results = scenarios.map { simulation.run($0) }
        let errors = loaded.diagnostics.filter { $0.severity == .error }.map(\.description)
        var outcome = Outcome(verdict: RepositoryVerdict(path: display, name: name(of: loaded.model, at: display), model: loaded.model,
                                                                 results: results, problems: errors),
                              diagnostics: Self.grouped(loaded.diagnostics), failed: !errors.isEmpty)
        if details {
            outcome.details = SimulationText(model: loaded.model, results: results, assumptions: simulation.assumptions, style: Console.style,
                                             allAssumptions: textOptions.all, maxPaths: textOptions.maxPaths, why: textOptions.why).text
        }
        if json {
            outcome.json = Self.encode(RepositoryEntry(path: display, problems: errors, error: nil,
                                                       report: (loaded.model, results, simulation.assumptions)))
        }
        return outcome
    }

    /// Errors each on their own; a kind of warning (the same advice) that recurs more than three
    /// times in the repository once, at its first place, with the count of the others.
    static func grouped(_ diagnostics: [Diagnostic]) -> [String] {
        let kind = { (diagnostic: Diagnostic) in diagnostic.help ?? diagnostic.message }
        let counts = Dictionary(grouping: diagnostics.filter { $0.severity == .warning }, by: kind).mapValues(\.count)
        var printed = Set<String>()
        var lines: [String] = []
        for diagnostic in diagnostics {
            guard diagnostic.severity == .warning, let count = counts[kind(diagnostic)], count > 3 else {
                lines.append(diagnostic.description)
                continue
            }
            guard printed.insert(kind(diagnostic)).inserted else { continue }
            lines.append(diagnostic.description + "\n  (and \(count - 1) more like it in this repository)")
        }
        return lines
    }

    /// A JSON entry without its final newline, keys sorted as everywhere in Firebreak's JSON.
    static func encode(_ entry: RepositoryEntry) -> [UInt8] {
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
        return out.bytes
    }

    /// The repository's own name, or its path when nothing names it (no remote, no context file).
    func name(of model: PipelineModel, at path: String) -> String {
        model.repository.name == RepositoryIdentity.unnamed ? path : model.repository.name
    }

    /// A repository's path as found under the folder the user named.
    func relative(_ path: String) -> String {
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
