import FirebreakEngine
import FirebreakModel

/// One repository's verdict in a run over many: what its worst scenario reaches, and the
/// crown jewels and secrets any scenario reaches, counted once each.
public struct RepositoryVerdict: Sendable {
    /// Where the repository was found, as the user's folder names it.
    public var path: String
    /// The repository's name (from its remote or context file), else its folder's.
    public var name: String
    /// The crown jewels some scenario reaches, sorted; a job's automatic token is left out (what
    /// it writes, the repository, is counted instead), so a repository with many jobs does not
    /// rank above one with fewer jobs and more at stake; so is an identity whose secret is
    /// counted.
    public var crownJewels: [NodeID]
    /// The secrets some scenario reaches (footholds left out).
    public var secrets: Int
    /// The worst scenario, as `ScenarioRanking` orders them: the most crown jewels first.
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
        // A secret and the credential it stores are one crown jewel, across scenarios too: one
        // scenario may reach the secret, another only the identity.
        func stored(_ jewels: Set<NodeID>) -> Set<NodeID> {
            Set(jewels.filter { $0.kind == .secret }.compactMap { model.secrets[$0.name]?.carries.map { NodeID(.identity, $0.name) } })
        }
        let counted = { (result: BlastRadius) -> [NodeID] in
            let jewels = Set(result.crownJewels.filter { !Self.isJobToken($0, in: model) })
            return Array(jewels.subtracting(stored(jewels)))
        }
        let union = Set(results.flatMap(counted))
        crownJewels = union.subtracting(stored(union)).sorted()
        secrets = Set(results.flatMap { $0.reached.filter { $0.node.kind == .secret && !$0.foothold }.map(\.node) }).count
        let ranked = ScenarioRanking.worstFirst(results) { counted($0).count }
        worst = ranked.first.map { ($0.scenario.id, counted($0).count, $0.score) }
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

    static func isJobToken(_ node: NodeID, in model: PipelineModel) -> Bool {
        node.kind == .identity && model.identities[node.name]?.kind == .jobToken
    }

    /// Worse first: more crown jewels, then a higher worst score, then by path.
    public static func ranked(_ verdicts: [RepositoryVerdict]) -> [RepositoryVerdict] {
        verdicts.sorted { a, b in
            (a.crownJewels.count, a.worst?.score ?? -1, b.path) > (b.crownJewels.count, b.worst?.score ?? -1, a.path)
        }
    }
}
