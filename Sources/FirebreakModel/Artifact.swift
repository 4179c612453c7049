/// A build output handed from job to job.
public struct Artifact: Sendable, Hashable {
    public var name: String
    /// The resource the artifact is kept in between jobs, if any.
    public var store: Reference?
    /// Whether the artifact is signed before it is stored.
    public var signed: Bool
    public var criticality: Criticality?
    public var location: SourceLocation

    public init(name: String, store: Reference?, signed: Bool, criticality: Criticality?, location: SourceLocation) {
        self.name = name
        self.store = store
        self.signed = signed
        self.criticality = criticality
        self.location = location
    }

    public var id: NodeID { NodeID(.artifact, name) }
}
