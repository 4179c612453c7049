/// A cache that jobs save and restore by key.
public struct Cache: Sendable, Hashable {
    public var name: String
    /// The cache key as written.
    public var key: String?
    public var criticality: Criticality?
    public var location: SourceLocation

    public init(name: String, key: String?, criticality: Criticality?, location: SourceLocation) {
        self.name = name
        self.key = key
        self.criticality = criticality
        self.location = location
    }

    public var id: NodeID { NodeID(.cache, name) }
}
