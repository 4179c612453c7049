import Yams

/// A mapping's entries read once, then looked up by key text. `Yams.Node.value(_:)` copies
/// every pair it passes (a key and its whole value) on each lookup; a reader that asks a job or
/// a step for a dozen keys copies each pair once here instead.
struct YAMLFields {
    private let entries: [(key: String, value: Yams.Node)]

    /// The entries of a mapping whose keys are scalars, in file order; none for any other node.
    init(_ node: Yams.Node) {
        guard case .mapping(let mapping) = node else {
            entries = []
            return
        }
        entries = mapping.inOrder.compactMap { key, value in key.scalarText.map { ($0, value) } }
    }

    /// The value under a key, as `Yams.Node.value(_:)` finds it: the first entry with that key text.
    subscript(_ key: String) -> Yams.Node? {
        entries.first { $0.key == key }?.value
    }
}
