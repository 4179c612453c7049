import FirebreakModel

/// A fact and its first derivation as the fact table keeps them: the node by number, the
/// premises, the sentence and the caveats as runs in the table's shared pools, the rule and the
/// file by their number in the table's lists. 56 bytes of plain numbers, where a `Fact` with its
/// `Derivation` took about 120 bytes and two allocations (premises, sentence): a table of them
/// is freed without visiting each entry.
struct StoredFact: Sendable {
    /// A premise: a fact by node number.
    struct Premise: Sendable {
        var node: Int32
        var capability: Capability
        var level: Level
    }

    var node: Int32
    var capability: Capability
    var level: Level
    /// The rule's place in the table's rule list.
    var rule: UInt16
    var depth: Int32
    /// The entry filed in the same cell before this one, -1 for none.
    var previous: Int32
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
