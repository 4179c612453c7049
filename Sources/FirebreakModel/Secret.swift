/// A stored value that the platform hands to jobs.
public struct Secret: Sendable, Hashable {
    public var name: String
    /// When set, only jobs gated by this environment receive the secret.
    public var environment: Reference?
    /// When set, only jobs running on protected branches receive the secret.
    public var protectedBranchesOnly: Bool
    /// The identity whose credential the secret holds, if any.
    public var carries: Reference?
    public var criticality: Criticality?
    public var production: Bool
    /// Whether the value is written in the repository's files, where whoever reads the
    /// repository reads it.
    public var committed: Bool
    /// The platform that stores the secret: it reaches only that platform's jobs; nil: any job.
    public var platform: Platform?
    public var location: SourceLocation

    public init(name: String, environment: Reference?, protectedBranchesOnly: Bool, carries: Reference?,
                criticality: Criticality?, production: Bool, committed: Bool = false, platform: Platform? = nil,
                location: SourceLocation) {
        self.platform = platform
        self.name = name
        self.environment = environment
        self.protectedBranchesOnly = protectedBranchesOnly
        self.carries = carries
        self.criticality = criticality
        self.production = production
        self.committed = committed
        self.location = location
    }

    public var id: NodeID { NodeID(.secret, name) }
}
