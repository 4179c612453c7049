import ArgumentParser
import FirebreakEngine
import FirebreakImport
import FirebreakModel
import FirebreakReport
import Foundation

/// Formats `firebreak export` writes.
enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
    case opengraph, graphml, cypher
}

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the graph and every scenario's reach for BloodHound, Neo4j or any GraphML reader.",
        discussion: """
        Every node and relation of the model, and what the scenarios reach: on each node the \
        scenarios reaching it and at which level (`reached`: `scenario=level`) and those starting \
        there; as edges, the attack hops, one per relation with the scenarios and rules taking \
        it. Ids are REPOSITORY#KIND:NAME, so that many repositories load side by side; a folder \
        of repositories is exported as a whole (every repository below it; one with no name of \
        its own, from a context file or its `origin` remote, is named by its path), which is how an \
        organisation's shared runners, secrets and reusable workflows are queried across \
        repositories.

        Formats: opengraph (BloodHound OpenGraph JSON: node kinds FBJob, FBSecret, ... and FBNode; \
        relation kinds FBRunsOn, FBGrants, ...; attack hops FBCanExec, FBCanRead, ...), graphml \
        (keys kind, name, repository, criticality, crownJewel, location, reached, footholdIn; \
        edges kind, attack, level, location, scenarios, rules), cypher (a Neo4j 5 script: \
        labels FirebreakNode and the kind, relation types RUNS_ON, ..., CAN_EXEC, ...; safe to run twice).

        Examples:
          firebreak export . --format opengraph -o firebreak-opengraph.json
          firebreak export ~/src/my-org --format cypher -o org.cypher && cypher-shell -f org.cypher
          firebreak export skeleton-key.yml --format graphml -o skeleton-key.graphml
        """
    )

    @Argument(help: "A model file, a workflow file, a repository folder, or a folder of repositories.")
    var path: String

    @OptionGroup var scenarioOptions: ScenarioOptions

    @OptionGroup var input: InputOptions

    @Option(help: "opengraph, graphml or cypher.")
    var format: ExportFormat

    @Option(name: .shortAndLong, help: "The file to write (default: standard output).")
    var output: String?

    func run() throws {
        let scenarios = try scenarioOptions.scenarios()
        var graphs: [ExportGraph] = []
        var failed = false
        let repositories = RepositoryFinder.organisation(path) ?? []
        if repositories.isEmpty {
            let loaded = try SimulationInput.load(path, context: input.context)
            failed = loaded.failed
            graphs = [Self.graph(loaded.model, scenarios: scenarios)]
        } else {
            if input.context != nil { throw ValidationError("--context describes one repository; \(path) holds \(repositories.count)") }
            let limits = SimulationInput.limits
            let loaded = ParallelMap.map(repositories) { root -> (graph: ExportGraph?, diagnostics: [Diagnostic]) in
                do throws(LoadError) {
                    let result = try InputLoader.load(path: root, limits: limits)
                    // A repository with no name of its own (no context file, no `origin` remote)
                    // is named by its path below the folder, as `simulate` names it: its ids must not meet another's.
                    let label = OrganisationRun.name(of: result.model, at: OrganisationRun.relative(root, below: path))
                    return (Self.graph(result.model, scenarios: scenarios, repository: label), result.diagnostics)
                } catch {
                    return (nil, error.diagnostics)
                }
            }
            for (graph, diagnostics) in loaded {
                for diagnostic in diagnostics { Console.error(diagnostic.description) }
                failed = failed || graph == nil || diagnostics.contains { $0.severity == .error }
                if let graph { graphs.append(graph) }
            }
        }
        let text: String
        switch format {
        case .opengraph: text = OpenGraphWriter.write(graphs)
        case .graphml: text = GraphMLWriter.write(graphs)
        case .cypher: text = CypherWriter.write(graphs)
        }
        if let output {
            try OutputFile.write(Data(text.utf8), to: output, what: "export")
            Console.error("wrote \(output) (\(graphs.count) repositor\(graphs.count == 1 ? "y" : "ies"), "
                          + "\(graphs.map(\.nodes.count).reduce(0, +)) nodes, \(graphs.map(\.edges.count).reduce(0, +)) edges)")
        } else {
            Console.out(text)
        }
        if failed {
            Console.error("error: some input files could not be read; the export leaves them out")
            throw ExitCode(2)
        }
    }

    /// A model's graph with what the scenarios reach, as the simulation saw the model.
    static func graph(_ model: PipelineModel, scenarios: [Scenario], repository: String? = nil) -> ExportGraph {
        let simulation = Simulation(model: model)
        return ExportGraph(model: simulation.graph.model, results: simulation.run(scenarios), repository: repository)
    }
}
