import FirebreakEngine
import FirebreakModel

/// Every weak construct of a pipeline, ranked by what it opens: for each, the scenarios whose
/// paths go through it and the most critical asset those paths reach, or why it is latent
/// today. What a linter lists, with what each finding actually gives an attacker.
public struct WeaknessReport: Encodable, Sendable {
    public struct Entry: Encodable, Sendable {
        public var kind: String
        public var rule: String
        public var title: String
        public var detail: String
        public var location: String
        public var subject: String
        /// Scenarios whose paths use it, sorted.
        public var scenarios: [String]
        /// The most critical asset those paths reach, and how critical it is.
        public var opens: String?
        public var criticality: String?
        public var crownJewel: Bool
        /// Why nothing uses it today, when nothing does.
        public var latent: String?
    }

    var firebreakVersion = FirebreakVersion.current
    public var model: String
    public var file: String
    public var weaknesses: [Entry]

    /// Ranks the model's weaknesses by what the scenarios' paths through them reach.
    public init(model: PipelineModel, results: [BlastRadius]) {
        self.model = model.name
        file = model.file
        var entries: [(rank: Int, entry: Entry)] = []
        for weakness in model.allWeaknesses {
            var scenarios = Set<String>()
            var best: ReachedAsset?
            for result in results {
                for asset in result.reached where asset.path.contains(where: { Self.uses($0, weakness, startingFrom: result.footholdPlaces) }) {
                    scenarios.insert(result.scenario.id)
                    if best.map({ Self.rank(asset) > Self.rank($0) }) ?? true { best = asset }
                }
            }
            let entry = Entry(kind: weakness.kind.rawValue, rule: weakness.kind.rule, title: weakness.kind.title, detail: weakness.detail,
                              location: weakness.location.description(relativeTo: model.file), subject: weakness.subject.description,
                              scenarios: scenarios.sorted(), opens: best?.node.description, criticality: best?.criticality.rawValue,
                              crownJewel: best?.crownJewel ?? false, latent: best == nil ? Self.latentReason(weakness, in: model) : nil)
            let rank = best.map(Self.rank) ?? -1
            entries.append((rank, entry))
        }
        weaknesses = entries.enumerated().sorted { ($0.element.rank, $1.offset) > ($1.element.rank, $0.offset) }.map(\.element.entry)
    }

    /// How much an asset weighs in the ranking: crown jewels above everything else, then
    /// criticality, then what a reviewer asks about first (registries and other resources,
    /// secrets, the repository, environments, then identities such as job tokens).
    static func rank(_ asset: ReachedAsset) -> Int {
        let kinds: [NodeKind] = [.resource, .secret, .repository, .environment, .identity]
        let kind = kinds.count - (kinds.firstIndex(of: asset.node.kind) ?? kinds.count)
        return (asset.crownJewel ? 100_000 : 0) + asset.criticality.weight * 10 + kind
    }

    /// Whether a hop of some path uses the weakness: by a rule the construct feeds, at its
    /// subject or where it is written. A foothold uses every construct it starts from, though its
    /// path shows one (a job with two unpinned steps).
    static func uses(_ hop: Hop, _ weakness: Weakness, startingFrom places: [Fact: [SourceLocation]] = [:]) -> Bool {
        guard weakness.kind.rules.contains(hop.rule) else { return false }
        if hop.location == weakness.location { return true }
        if hop.from == nil, places[Fact(hop.capability, hop.to, hop.level)]?.contains(weakness.location) == true { return true }
        return !weakness.kind.matchesByPlaceOnly && (hop.to == weakness.subject || hop.from == weakness.subject)
    }

    /// Why a construct opens nothing today, from what the model says about its subject.
    static func latentReason(_ weakness: Weakness, in model: PipelineModel) -> String {
        if let because = weakness.kind.latentBecause { return because }
        if weakness.subject.kind == .job, let job = model.jobs[weakness.subject.name] {
            let events = job.triggers.compactMap { model.triggers[$0.name] }
            if !events.isEmpty, events.allSatisfy({ $0.event == .pullRequest || $0.event == .mergeRequest }) {
                return "the job runs only for pull requests, where a fork's run gets no secrets and a read-only token"
            }
            if job.guardCondition == .sound { return "the job's condition keeps outsiders' runs out" }
            if model.exposedSecrets(to: job).isEmpty, job.token?.allSatisfy({ $0.level == .read }) ?? true {
                return "the job holds no secret and its token cannot write the repository: no path goes beyond it"
            }
        }
        if weakness.kind == .scriptInjection, weakness.detail.contains("not attacker-written") {
            return "no outsider or contributor writes that value on the job's triggers"
        }
        return "no scenario's path goes through it today"
    }

    public var json: String { JSONOutput.encode(self) }
}
