import FirebreakEngine
import FirebreakModel

/// How one scenario's blast radius changed between two runs. Results compare as sets: an
/// asset newly reached, or reached at a higher level, is growth whatever the score does.
public struct ScenarioComparison: Sendable, Equatable, Encodable {
    /// One asset whose reach changed.
    public struct Change: Sendable, Equatable, Encodable {
        public var id: String
        public var kind: String
        public var criticality: String
        public var crownJewel: Bool
        /// Level before, or nil when newly reached.
        public var before: String?
        /// Level after, or nil when no longer reached.
        public var after: String?
        /// For a removed or lowered asset: the first hop of its old path that no longer holds.
        public var cut: SimulationReport.HopEntry?
        /// The model changes at the cut hop's nodes that cut it, when both models are known.
        public var changedBy: [String]?
        /// For a new or raised asset: its path now.
        public var path: [SimulationReport.HopEntry]?
    }

    public var id: String
    public var title: String
    public var scoreBefore: Int?
    public var scoreAfter: Int?
    public var crownJewelsBefore: [String]
    public var crownJewelsAfter: [String]
    /// Assets no longer reached.
    public var removed: [Change]
    /// Assets newly reached.
    public var added: [Change]
    /// Assets reached at a higher level.
    public var raised: [Change]
    /// Assets reached at a lower level.
    public var lowered: [Change]

    /// Whether anything is newly reached or reached at a higher level (or the scenario is new).
    public var grew: Bool { !added.isEmpty || !raised.isEmpty || scoreBefore == nil }

    /// One line saying what happened.
    public var verdict: String {
        if scoreBefore == nil { return "new scenario: everything it reaches is growth" }
        if scoreAfter == nil { return "scenario no longer played" }
        let shrank = !removed.isEmpty || !lowered.isEmpty
        switch (grew, shrank) {
        case (false, false): return "unchanged"
        case (false, true): return "shrank: \(removed.count) no longer reached, \(lowered.count) at a lower level"
        case (true, false): return "grew: \(added.count) newly reached, \(raised.count) at a higher level"
        case (true, true): return "changed: \(added.count) newly reached, \(raised.count) higher, \(removed.count) no longer reached, \(lowered.count) lower"
        }
    }
}

/// Compares the scenarios of two simulation reports of the same pipeline.
public struct ReportComparison: Sendable, Encodable {
    public var firebreakVersion = FirebreakVersion.current
    public var before: String
    public var after: String
    public var scenarios: [ScenarioComparison]

    /// Whether any scenario grew.
    public var grew: Bool { scenarios.contains(where: \.grew) }

    public init(before: SimulationReport, after: SimulationReport, beforeLabel: String? = nil, afterLabel: String? = nil) {
        self.before = beforeLabel ?? before.file
        self.after = afterLabel ?? after.file
        let ids = Set(before.scenarios.map(\.id)).union(after.scenarios.map(\.id)).sorted()
        scenarios = ids.map { id in
            Self.compare(before.scenarios.first { $0.id == id }, after.scenarios.first { $0.id == id }, id: id)
        }
    }

    static func compare(_ before: SimulationReport.ScenarioEntry?, _ after: SimulationReport.ScenarioEntry?, id: String) -> ScenarioComparison {
        let old = Dictionary(uniqueKeysWithValues: (before?.reached ?? []).map { ($0.id, $0) })
        let new = Dictionary(uniqueKeysWithValues: (after?.reached ?? []).map { ($0.id, $0) })
        func change(_ entry: SimulationReport.ReachedEntry, before: String?, after: String?, cut: SimulationReport.HopEntry?,
                    path: [SimulationReport.HopEntry]?) -> ScenarioComparison.Change {
            .init(id: entry.id, kind: entry.kind, criticality: entry.criticality, crownJewel: entry.crownJewel,
                  before: before, after: after, cut: cut, changedBy: nil, path: path)
        }
        var removed: [ScenarioComparison.Change] = [], added: [ScenarioComparison.Change] = []
        var raised: [ScenarioComparison.Change] = [], lowered: [ScenarioComparison.Change] = []
        for (id, entry) in old.sorted(by: { $0.key < $1.key }) {
            guard let now = new[id] else {
                removed.append(change(entry, before: entry.level, after: nil, cut: firstLostHop(entry.path, in: new), path: nil))
                continue
            }
            let was = Level(rawValue: entry.level), isNow = Level(rawValue: now.level)
            if let was, let isNow, isNow > was {
                raised.append(change(now, before: entry.level, after: now.level, cut: nil, path: now.path))
            } else if let was, let isNow, isNow < was {
                lowered.append(change(entry, before: entry.level, after: now.level, cut: firstLostHop(entry.path, in: new), path: nil))
            }
        }
        for (id, entry) in new.sorted(by: { $0.key < $1.key }) where old[id] == nil {
            added.append(change(entry, before: nil, after: entry.level, cut: nil, path: entry.path))
        }
        let rank = { (change: ScenarioComparison.Change) in
            (change.crownJewel ? 0 : 1, -(Criticality(rawValue: change.criticality)?.weight ?? 0), change.id)
        }
        let order = { (a: ScenarioComparison.Change, b: ScenarioComparison.Change) in rank(a) < rank(b) }
        removed.sort(by: order)
        added.sort(by: order)
        raised.sort(by: order)
        lowered.sort(by: order)
        return ScenarioComparison(id: id, title: after?.title ?? before?.title ?? id, scoreBefore: before?.score, scoreAfter: after?.score,
                                  crownJewelsBefore: before?.crownJewelsReached ?? [], crownJewelsAfter: after?.crownJewelsReached ?? [],
                                  removed: removed, added: added, raised: raised, lowered: lowered)
    }

    /// The first hop of an old path whose gain no longer holds in the new result: the hop the fix cut.
    static func firstLostHop(_ path: [SimulationReport.HopEntry], in new: [String: SimulationReport.ReachedEntry]) -> SimulationReport.HopEntry? {
        path.first { hop in
            guard let now = new[hop.to] else { return true }
            // A started run shows as the job reached; any level will do.
            guard hop.capability != Capability.start.rawValue else { return false }
            guard let level = Level(rawValue: now.level), let gained = Level(rawValue: hop.level) else { return true }
            return level < gained
        }
    }
}
