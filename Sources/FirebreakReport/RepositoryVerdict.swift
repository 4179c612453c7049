import FirebreakEngine
import FirebreakModel

/// One repository's verdict in a run over many: what its worst scenario reaches, and the
/// crown jewels and secrets any scenario reaches, counted once each.
public struct RepositoryVerdict: Sendable {
    /// Where the repository was found, as the user's folder names it.
    public var path: String
    /// The repository's name (from its remote or context file), else its folder's.
    public var name: String
    /// The crown jewels some scenario reaches, sorted.
    public var crownJewels: [NodeID]
    /// The secrets some scenario reaches (footholds left out).
    public var secrets: Int
    /// The scenario reaching the most crown jewels, then the highest score.
    public var worst: (scenario: String, crownJewels: Int, score: Int)?
    /// How many scenarios reach a crown jewel.
    public var scenariosReachingCrownJewels: Int
    /// Input problems, located: the verdict leaves out what could not be read.
    public var problems: [String]
    /// Why nothing could be analysed, when the import failed as a whole.
    public var failure: String?

    /// The verdict of a repository that was imported and simulated; `name` is how the table
    /// names it (its remote's or context file's name; the path when it has none).
    public init(path: String, name: String, model: PipelineModel, results: [BlastRadius], problems: [String]) {
        self.path = path
        self.name = name
        crownJewels = Array(Set(results.flatMap(\.crownJewels))).sorted()
        secrets = Set(results.flatMap { $0.reached.filter { $0.node.kind == .secret && !$0.foothold }.map(\.node) }).count
        let ranked = results.sorted { ($0.crownJewels.count, $0.score, $1.scenario.id) > ($1.crownJewels.count, $1.score, $0.scenario.id) }
        worst = ranked.first.map { ($0.scenario.id, $0.crownJewels.count, $0.score) }
        scenariosReachingCrownJewels = results.filter { !$0.crownJewels.isEmpty }.count
        self.problems = problems
        failure = nil
    }

    /// The verdict of a repository that could not be imported.
    public init(path: String, failure: String) {
        self.path = path
        name = path
        crownJewels = []
        secrets = 0
        worst = nil
        scenariosReachingCrownJewels = 0
        problems = []
        self.failure = failure
    }

    /// Worse first: more crown jewels, then a higher worst score, then by path.
    public static func ranked(_ verdicts: [RepositoryVerdict]) -> [RepositoryVerdict] {
        verdicts.sorted { a, b in
            (a.crownJewels.count, a.worst?.score ?? -1, b.path) > (b.crownJewels.count, b.worst?.score ?? -1, a.path)
        }
    }
}
