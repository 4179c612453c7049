import FirebreakModel

/// The derivation the fact table keeps for a fact (the first, or as short a one with fewer
/// caveats): the premises, the sentence and the caveats as runs in the table's shared pools,
/// the rule and the file by their number in the table's lists. Plain numbers, where a
/// `Derivation` took two allocations (premises, sentence): a table of them is freed without
/// visiting each one.
struct StoredDerivation: Sendable {
    /// A premise: a fact by node number.
    struct Premise: Sendable {
        var node: Int32
        var capability: Capability
        var level: Level
    }

    /// The rule's place in the table's rule list.
    var rule: UInt16
    var premiseStart: Int32
    var premiseCount: Int32
    /// Where the derivation is written: the file's place in the table's file list, the line and column.
    var file: Int32
    var line: Int32
    var column: Int32
    var sentenceLength: Int32
    var sentenceStart: Int
    /// The caveats: a run of numbers in the table's caveat pool, each naming a text in its caveat list.
    var caveatStart: Int32
    var caveatCount: Int32
}
