import FirebreakModel

/// One thing the attacker can do: a capability on a node, at a level.
public struct Fact: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var capability: Capability
    public var node: NodeID
    public var level: Level

    public init(_ capability: Capability, _ node: NodeID, _ level: Level = .full) {
        self.capability = capability
        self.node = node
        self.level = level
    }

    /// Parses `capability kind:name [level]`, as rule examples and tests write facts.
    public init?(parsing text: String) {
        let words = text.split(separator: " ").map(String.init)
        guard words.count == 2 || words.count == 3, let capability = Capability(rawValue: words[0]),
              let node = NodeID(parsing: words[1]) else { return nil }
        let level = words.count == 3 ? Level(rawValue: words[2]) : .full
        guard let level else { return nil }
        self.init(capability, node, level)
    }

    /// `capability kind:name`, with the level unless it is `full`.
    public var description: String {
        level == .full ? "\(capability.rawValue) \(node)" : "\(capability.rawValue) \(node) \(level.rawValue)"
    }

    public static func < (lhs: Fact, rhs: Fact) -> Bool {
        (lhs.node, lhs.capability, lhs.level) < (rhs.node, rhs.capability, rhs.level)
    }
}
