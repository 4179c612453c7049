/// A network segment.
public struct Zone: Sendable, Hashable {
    public var name: String
    public var location: SourceLocation

    public init(name: String, location: SourceLocation) {
        self.name = name
        self.location = location
    }

    public var id: NodeID { NodeID(.zone, name) }
}
