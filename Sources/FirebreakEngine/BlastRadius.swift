import FirebreakModel

/// One hop of a witness path: which rule took the attacker from one node to the next, why,
/// and where the input stated the fact the rule used.
public struct Hop: Sendable, Hashable {
    public var rule: String
    /// The node the hop starts from; nil for the foothold, where the attacker starts.
    public var from: NodeID?
    public var to: NodeID
    public var capability: Capability
    public var level: Level
    public var why: String
    public var location: SourceLocation
    public var caveats: [String]

    public init(rule: String, from: NodeID?, to: NodeID, capability: Capability, level: Level, why: String,
                location: SourceLocation, caveats: [String] = []) {
        self.rule = rule
        self.from = from
        self.to = to
        self.capability = capability
        self.level = level
        self.why = why
        self.location = location
        self.caveats = caveats
    }
}

/// Something the attacker reaches in one scenario, with the fewest-hop path that reaches it.
public struct ReachedAsset: Sendable, Hashable {
    // The node, capability and level name the fact whose path `path` follows: fixed once made.
    /// The node, by its number in the scenario's fact table: a scenario on a large model
    /// reaches hundreds of thousands, and a copy of each name was a visit to each.
    public var node: NodeID { trails.node(numbered: number) }
    private let number: Int32
    /// The capability that marks this kind of node reached, at the highest level held.
    public let capability: Capability
    public let level: Level
    public var criticality: Criticality
    public var crownJewel: Bool
    /// Whether the attacker started here.
    public var foothold: Bool
    /// Whether what is reached expires with a credential: the hop that reaches it holds or
    /// uses a short-lived one. A secret read through an expiring token stays read.
    public var timeBounded: Bool
    /// Rule hops from the foothold (the foothold itself is not counted).
    public var hops: Int
    /// The hops from a foothold to this node, fewest first; built when first read.
    public var path: [Hop] { trails.hops(to: fact) }
    let trails: WitnessTrails

    init(numbered number: Int32, capability: Capability, level: Level, criticality: Criticality, crownJewel: Bool, foothold: Bool,
         timeBounded: Bool, hops: Int, trails: WitnessTrails) {
        self.number = number
        self.capability = capability
        self.level = level
        self.criticality = criticality
        self.crownJewel = crownJewel
        self.foothold = foothold
        self.timeBounded = timeBounded
        self.hops = hops
        self.trails = trails
    }

    public static func == (lhs: ReachedAsset, rhs: ReachedAsset) -> Bool {
        (lhs.node, lhs.capability, lhs.level, lhs.criticality, lhs.hops) == (rhs.node, rhs.capability, rhs.level, rhs.criticality, rhs.hops)
            && (lhs.crownJewel, lhs.foothold, lhs.timeBounded) == (rhs.crownJewel, rhs.foothold, rhs.timeBounded) && lhs.path == rhs.path
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(node)
        hasher.combine(level)
        hasher.combine(hops)
    }

    /// Every caveat along the path, in order, once each; an expiring credential on the way
    /// only when the last hop is the one that expires.
    public var caveats: [String] { Self.caveats(along: path) }

    /// The caveats of a path, as `caveats` gives them, for a caller that already holds the path.
    public static func caveats(along path: [Hop]) -> [String] { caveats(ofHops: path.map(\.caveats)) }

    /// The caveats of a path given as each hop's caveats, in order.
    public static func caveats(ofHops hops: [[String]]) -> [String] {
        // Most paths carry none, the rest a few: a short list is searched rather than long
        // sentences hashed; past a few dozen (a model may state many assumptions about a node), a set.
        guard hops.contains(where: { !$0.isEmpty }) else { return [] }
        var kept: [String] = []
        var seen: Set<String>?
        for (index, caveats) in hops.enumerated() {
            for caveat in caveats where caveat != Caveat.timeBounded || index == hops.count - 1 {
                if seen == nil, kept.count == 32 { seen = Set(kept) }
                let new = seen != nil ? seen!.insert(caveat).inserted : !kept.contains(caveat)
                if new { kept.append(caveat) }
            }
        }
        return kept
    }

    /// The fact that marks the node reached, at the level reached.
    public var fact: Fact { Fact(capability, node, level) }
}

/// Everything one scenario reaches in one model.
public struct BlastRadius: Sendable {
    public var scenario: Scenario
    /// Where the attacker starts, each fact once (two third-party steps of one job are one foothold), sorted.
    public var footholds: [Fact]
    /// Every place each foothold starts from, in the input's order: a job with two third-party
    /// steps starts at either, though its path shows one (the most movable reference).
    public var footholdPlaces: [Fact: [SourceLocation]] = [:]
    /// Reached assets, most critical first, then by id.
    public var reached: [ReachedAsset]
    /// Sum of the criticality weights of the reached assets.
    public var score: Int
    /// Crown jewels reached, sorted.
    public var crownJewels: [NodeID]
    /// The full derivation, for explanation.
    public var facts: FactStore

    /// The asset reached for a node, if any.
    public func asset(_ id: NodeID) -> ReachedAsset? { reached.first { $0.node == id } }

    /// Counts of reached assets per node kind.
    public var countsByKind: [NodeKind: Int] {
        Dictionary(grouping: reached, by: \.node.kind).mapValues(\.count)
    }

    /// The crown jewels the scenario starts at (write access to the registry releases go to):
    /// held from the start, so not counted as reached; a report says it starts there.
    public var crownJewelsHeldAtStart: [NodeID] { reached.filter { $0.foothold && $0.crownJewel }.map(\.node) }

    /// How many crown jewels the fewest-hop paths reach through the hop the scenario is about
    /// (`Scenario.through`): nil for a scenario about no hop. A jewel the foothold reaches as
    /// soon without it does not count.
    public var crownJewelsThroughMechanism: Int? {
        guard let mechanism = scenario.through else { return nil }
        return reached.filter { asset in
            asset.crownJewel && !asset.foothold && asset.path.contains { $0.capability == mechanism.capability }
        }.count
    }
}
