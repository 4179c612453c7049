import FirebreakEngine
import FirebreakModel

/// The part of a large model worth drawing for one scenario: the reached nodes and their
/// immediate neighbours.
public enum AttackSubgraph {
    /// Models with more nodes than this are drawn as their attack subgraph unless asked otherwise.
    public static let fullModelLimit = 300

    public static func nodes(edges: [Edge], reached: [BlastRadius]) -> Set<NodeID> {
        var keep = Set(reached.flatMap { $0.reached.map(\.node) })
        for edge in edges where keep.contains(edge.from) || keep.contains(edge.to) {
            keep.insert(edge.from)
            keep.insert(edge.to)
        }
        return keep
    }
}
