import FirebreakModel

/// What the advisor found: the controls on the paths, ranked, the smallest set that keeps
/// the crown jewels out of reach, and what still reaches them.
public struct FixAdvice: Sendable {
    /// Crown jewels and score of one scenario.
    public struct Outcome: Sendable, Hashable {
        public var scenario: String
        public var crownJewels: [NodeID]
        public var score: Int

        public init(scenario: String, crownJewels: [NodeID], score: Int) {
            self.scenario = scenario
            self.crownJewels = crownJewels
            self.score = score
        }

        /// The outcome of one scenario's blast radius.
        public init(_ result: BlastRadius) {
            self.init(scenario: result.scenario.id, crownJewels: result.crownJewels, score: result.score)
        }
    }

    /// A crown jewel the set leaves reachable, with the path that still reaches it.
    public struct Remaining: Sendable, Hashable {
        public var scenario: String
        public var crownJewel: NodeID
        public var path: [Hop]
        /// The `--keep` constraints that forbid the controls on the path.
        public var blockedBy: [String]
        /// Controls on the path that the input's files cannot express (settings made by hand).
        public var byHand: [ModelChange]
        /// Controls on the path that would take away what a job's own steps use, with those
        /// uses: the job must be split first (its writing step in a job that runs nothing else).
        public var needed: [ModelChange] = []
        public var neededBy: [String] = []

        /// Whether the model has no control on the path at all.
        public var uncontrolled: Bool { blockedBy.isEmpty && byHand.isEmpty && needed.isEmpty }
    }

    public var before: [Outcome]
    /// The scenarios as played on the input as it is, `before`'s results in full: what a
    /// report says a clean verdict rests on.
    public var played: [BlastRadius]
    /// The predicted outcome with the minimal set in place.
    public var after: [Outcome]
    /// Every control found on a path to a crown jewel, ranked by what it removes alone.
    public var candidates: [FixCandidate]
    /// The smallest set found, in rank order.
    public var minimalSet: [FixCandidate]
    /// How the set was found.
    public enum Search: String, Sendable, Codable {
        /// The smallest set that cuts every path found, by exhaustive search.
        case exact
        /// By exhaustive search, then smaller: changes that others made unnecessary (by
        /// lowering what a crown jewel is worth rather than cutting its path) were dropped.
        case pruned
        /// By the greedy bound (too many candidates for an exhaustive search), then pruned.
        case greedy
    }

    public var search: Search
    public var remaining: [Remaining]

    /// Whether a `--keep` stands between the set and the goal.
    public var blockedByKeeps: Bool { remaining.contains { !$0.blockedBy.isEmpty } }

    /// Crown jewels reached, counted once per scenario.
    public static func total(_ outcomes: [Outcome]) -> (crownJewels: Int, score: Int) {
        (outcomes.reduce(0) { $0 + $1.crownJewels.count }, outcomes.reduce(0) { $0 + $1.score })
    }
}
