/// A typed relation between two nodes, with where the model stated it.
public struct Edge: Hashable, Sendable, Comparable {
    /// The relations of the pipeline graph.
    public enum Kind: String, CaseIterable, Sendable, Codable {
        case runsOn = "runs-on"
        case exposes, carries, grants, trusts, reaches
        case `in`
        case produces, consumes, restores, saves, triggers, needs
        case gatedBy = "gated-by"
        case defines, protects, uses, holds, reviews, stores
    }

    public var kind: Kind
    public var from: NodeID
    public var to: NodeID
    /// The level of a `grants` edge.
    public var level: AccessLevel?
    public var location: SourceLocation

    public init(_ kind: Kind, from: NodeID, to: NodeID, level: AccessLevel? = nil, location: SourceLocation) {
        self.kind = kind
        self.from = from
        self.to = to
        self.level = level
        self.location = location
    }

    public static func < (lhs: Edge, rhs: Edge) -> Bool {
        (lhs.from, lhs.kind.rawValue, lhs.to) < (rhs.from, rhs.kind.rawValue, rhs.to)
    }
}
