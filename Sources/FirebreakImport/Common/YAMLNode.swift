import FirebreakModel
import Yams

/// Reading helpers for CI files, which are read leniently (unknown keys are the platform's
/// business) but within the same bounds as models.
extension Yams.Node {
    /// The value under a key, comparing keys by their text (so the key `on` is found whatever
    /// YAML 1.1 thinks of it).
    func value(_ key: String) -> Yams.Node? {
        guard case .mapping(let mapping) = self else { return nil }
        for (k, v) in mapping.inOrder where k.scalarText == key { return v }
        return nil
    }

    /// The entries of a mapping with their key texts, in file order.
    var entries: [(key: String, keyNode: Yams.Node, value: Yams.Node)] {
        guard case .mapping(let mapping) = self else { return [] }
        return mapping.inOrder.compactMap { k, v in k.scalarText.map { ($0, k, v) } }
    }

    /// The text of a scalar.
    var scalarText: String? {
        if case .scalar(let scalar) = self { return scalar.string }
        return nil
    }

    /// A scalar's text, or the texts of a sequence of scalars.
    var texts: [String] {
        switch self {
        case .scalar(let scalar): return scalar.string.isEmpty ? [] : [scalar.string]
        case .sequence(let sequence): return sequence.compactMap(\.scalarText)
        default: return []
        }
    }

    var items: [Yams.Node] {
        if case .sequence(let sequence) = self { return Array(sequence) }
        return []
    }

    var isMapping: Bool {
        if case .mapping = self { return true }
        return false
    }

    func location(_ file: String) -> SourceLocation {
        guard let mark else { return .implicit(file) }
        return SourceLocation(file: file, line: mark.line, column: mark.column)
    }

    /// Whether the tree, with every alias expanded, holds more than `limit` nodes. Counting
    /// stops at the limit, so an alias bomb costs no more than the limit to detect.
    func expands(beyond limit: Int) -> Bool {
        var count = 0
        var stack = [self]
        while let node = stack.popLast() {
            count += 1
            if count > limit { return true }
            switch node {
            case .scalar, .alias: break
            case .sequence(let sequence): stack.append(contentsOf: sequence)
            case .mapping(let mapping):
                for (key, value) in mapping.inOrder { stack.append(key); stack.append(value) }
            }
        }
        return false
    }

    /// Calls `body` with every scalar below this node (keys included), visiting at most what the
    /// budget allows; returns false when the budget ran out.
    @discardableResult
    func forEachScalar(budget: inout Int, _ body: (String, Yams.Node) -> Void) -> Bool {
        budget -= 1
        guard budget > 0 else { return false }
        switch self {
        case .scalar(let scalar):
            body(scalar.string, self)
        case .sequence(let sequence):
            for item in sequence where !item.forEachScalar(budget: &budget, body) { return false }
        case .mapping(let mapping):
            for (key, value) in mapping.inOrder {
                if !key.forEachScalar(budget: &budget, body) || !value.forEachScalar(budget: &budget, body) { return false }
            }
        case .alias:
            break
        }
        return true
    }
}

extension Yams.Node.Mapping {
    /// The pairs in file order, read one at a time: iterating a mapping itself first copies
    /// every pair into a new array, and the importers look keys up in every mapping they read.
    var inOrder: LazyMapSequence<Range<Int>, (key: Yams.Node, value: Yams.Node)> {
        (startIndex..<endIndex).lazy.map { self[$0] }
    }
}
