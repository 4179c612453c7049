import FirebreakModel
import Synchronization

/// The fewest-hop paths into a scenario's reached facts, each followed back along first
/// premises when a report first reads it and kept from then on (reports read a path several
/// times: its length, its hops, its caveats). A scenario reaches thousands of nodes in a large
/// model and most reports read few of their paths, so one set of trails serves every
/// reached asset of the scenario.
final class WitnessTrails: Sendable {
    private let store: FactStore
    private let built = Mutex<[Fact: [Hop]]>([:])

    init(in store: FactStore) {
        self.store = store
    }

    /// The node of a number in the scenario's fact table.
    func node(numbered number: Int32) -> NodeID { store.node(numbered: number) }

    /// The hops into `fact`.
    func hops(to fact: Fact) -> [Hop] {
        if let known = built.withLock({ $0[fact] }) { return known }
        // Followed outside the lock: two readers of one path build the same hops.
        let hops = Self.follow(fact, in: store)
        built.withLock { $0[fact] = hops }
        return hops
    }

    /// The hops from a foothold to `fact`, following first premises.
    static func follow(_ fact: Fact, in store: FactStore) -> [Hop] {
        store.witness(of: fact).compactMap { step in
            store.derivation(of: step).map { derivation in
                Hop(rule: derivation.rule, from: derivation.origin?.node, to: step.node, capability: step.capability,
                    level: step.level, why: derivation.why, location: derivation.location, caveats: derivation.caveats)
            }
        }
    }
}
