import FirebreakModel
import Synchronization

/// The fewest-hop path into one reached fact, followed back along first premises when a
/// report first reads it and kept from then on (reports read a path several times: its length,
/// its hops, its caveats). A scenario reaches thousands of nodes in a large model and most
/// reports read few of their paths.
final class WitnessTrail: Sendable {
    private let store: FactStore
    private let fact: Fact
    private let built = Mutex<[Hop]?>(nil)

    init(to fact: Fact, in store: FactStore) {
        self.fact = fact
        self.store = store
    }

    var hops: [Hop] {
        built.withLock { cached in
            if let cached { return cached }
            let hops = Self.follow(fact, in: store)
            cached = hops
            return hops
        }
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
