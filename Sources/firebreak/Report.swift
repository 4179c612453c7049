import ArgumentParser
import FirebreakEngine
import FirebreakModel
import FirebreakReport
import FirebreakRender
import Foundation

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write one self-contained HTML page: verdict, pictures, paths, weaknesses, the fix.",
        discussion: """
        The page opens with the verdict table, then gives each scenario that starts here (worst \
        first) its story, the picture of what it reaches, and the paths to its crown jewels hop \
        by hop, each with its rule, the input line it rests on, the assumptions it needs and the \
        control that would have cut it. Then the weaknesses ranked by what they open, the fix \
        advisor's smallest set with its patch, and every assumption.

        The file needs nothing else: no network, no font, no script (a content security policy \
        forbids them); every name is escaped. It reads on a projector and prints a page per \
        scenario. Input files that could not be read are listed at the top, and the command \
        then exits 2 after writing the page.

        Examples:
          firebreak report Scenarios/pipelines/skeleton-key.yml -o skeleton-key.html
          firebreak report . --scenario malicious-fork-pr --scenario compromised-build-step
          firebreak report . --no-fix --no-pictures -o quick.html
        """
    )

    @Argument(help: "A model file, a workflow file or a repository folder.")
    var path: String

    @OptionGroup var scenarioOptions: ScenarioOptions

    @OptionGroup var input: InputOptions

    @Option(name: .shortAndLong, help: "The HTML file to write. Default: Output/<model>-report.html")
    var output: String?

    @Flag(inversion: .prefixedNo, help: "Draw each scenario's attack view with Graphviz.")
    var pictures = true

    @Flag(inversion: .prefixedNo, help: "Run the fix advisor and include its smallest set and patch.")
    var fix = true

    @Option(name: .customLong("max-paths"), help: "Paths shown in full per scenario; everything reached is listed below them.")
    var maxPaths = 12

    @Option(help: "Seconds each picture's layout may take before it is left out.")
    var timeout: Int = 60

    func validate() throws {
        if timeout < 1 { throw ValidationError("--timeout must be at least 1 second") }
        if maxPaths < 1 { throw ValidationError("--max-paths must be at least 1") }
        if let output, (output as NSString).pathExtension.lowercased() != "html" {
            throw ValidationError("the report is HTML: end '\(output)' in .html")
        }
    }

    func run() throws {
        let scenarios = try scenarioOptions.scenarios()
        let loaded = try SimulationInput.load(path, context: input.context)
        let model = loaded.model
        let simulation = Simulation(model: model)
        let results = simulation.run(scenarios)
        var drawn: [String: HTMLReport.Picture] = [:]
        if pictures {
            // In page order; a scenario that reaches exactly what one above it reaches is not drawn again.
            var shown: [Set<NodeID>: String] = [:]
            for result in HTMLReport.ranked(results) where !result.footholds.isEmpty {
                let reached = Set(result.reached.map(\.node))
                if let earlier = shown[reached] {
                    drawn[result.scenario.id] = .omitted("it reaches the very nodes \(earlier) reaches, drawn above")
                    continue
                }
                let drawing = picture(model: model, result: result)
                if case .svg = drawing { shown[reached] = result.scenario.id }
                drawn[result.scenario.id] = drawing
            }
        }
        let fixReport = fix
            ? FixRun(model: model, input: try FixRun.patchInput(path: path, model: model, context: input.context, applying: false),
                     scenarios: scenarios, keeps: []).report
            : nil
        var report = HTMLReport(model: model, results: results, assumptions: simulation.assumptions,
                                weaknesses: WeaknessReport(model: model, results: results), fix: fixReport, pictures: drawn,
                                problems: loaded.diagnostics.filter { $0.severity == .error }.map(\.description), maxPaths: maxPaths)
        let destination = output ?? "Output/\(String(model.name.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_" }))-report.html"
        try OutputFile.write(Data(report.html().utf8), to: destination, what: "report")
        let drawnCount = drawn.values.filter { if case .svg = $0 { true } else { false } }.count
        Console.out("wrote \(destination) (\(results.count) scenarios, \(drawnCount) pictures)\n")
        if loaded.failed {
            Console.error("error: some input files could not be read; the report leaves them out and lists them at the top")
            throw ExitCode(2)
        }
    }

    /// One scenario's attack view as SVG, or why it is left out: a picture that fails or runs
    /// past the time limit does not stop the report.
    private func picture(model: PipelineModel, result: BlastRadius) -> HTMLReport.Picture {
        let (dot, nodes) = AttackPicture.dot(model: model, result: result, title: AttackPicture.title(model: model, result: result),
                                             full: false, large: false)
        do {
            let svg = try AttackPicture.draw(dot: dot, nodes: nodes, format: .svg, layout: nil, timeout: timeout)
            return .svg(String(decoding: svg, as: UTF8.self))
        } catch let failure as InputFailure {
            Console.error("warning: \(result.scenario.id): the picture is left out: \(failure.message)")
            return .omitted("the layout failed or ran past \(timeout) s; `firebreak render --scenario \(result.scenario.id) --focus KIND:NAME` draws one path")
        } catch {
            return .omitted("\(error)")
        }
    }
}
