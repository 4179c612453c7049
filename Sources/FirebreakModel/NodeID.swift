/// A node's stable identity, written `kind:name`, unique in a model.
public struct NodeID: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    /// The node's kind.
    public var kind: NodeKind
    /// The user-given name, unique within its kind.
    public var name: String

    /// Creates an id from its parts.
    public init(_ kind: NodeKind, _ name: String) {
        self.kind = kind
        self.name = name
    }

    /// Parses `kind:name`; nil when the kind is unknown or the name empty.
    public init?(parsing text: String) {
        guard let colon = text.firstIndex(of: ":"),
              let kind = NodeKind(rawValue: String(text[..<colon])) else { return nil }
        let name = String(text[text.index(after: colon)...])
        guard !name.isEmpty else { return nil }
        self.init(kind, name)
    }

    /// `kind:name`.
    public var description: String { "\(kind.rawValue):\(name)" }

    /// By kind name, then by name. The kinds are compared by name only when they differ: most
    /// comparisons in a sort are between ids of one kind.
    public static func < (lhs: NodeID, rhs: NodeID) -> Bool {
        lhs.kind == rhs.kind ? lhs.name < rhs.name : lhs.kind.rawValue < rhs.kind.rawValue
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let id = NodeID(parsing: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a node id: \(text)"))
        }
        self = id
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
