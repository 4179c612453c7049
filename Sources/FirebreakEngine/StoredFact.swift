import FirebreakModel

/// A fact as the fact table files it: what the fixpoint and the lookups read, 16 bytes of plain
/// numbers, so that a large scenario's table of them stays in the processor's cache. How the
/// fact was derived is kept apart, in a `StoredDerivation` at the same place.
struct StoredFact: Sendable {
    var node: Int32
    /// The fact about the same node filed before this one, -1 for none: a node's facts form a
    /// chain from its latest, a few links long (one per capability and level held).
    var previous: Int32
    var depth: Int32
    var capability: Capability
    var level: Level
    /// How many caveats the derivation carries, saturated at `UInt16.max` (then the
    /// derivation's own count is exact).
    var caveats: UInt16
}
