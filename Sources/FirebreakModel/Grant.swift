/// What an identity may do to a resource or repository.
public struct Grant: Sendable, Hashable {
    /// The resource or repository, by id.
    public var target: NodeID
    public var level: AccessLevel
    /// Whether the target grants it to an OIDC token of the job's workflow file (trusted
    /// publishing to a package registry): the registry checks the workflow, and the
    /// environment only where it says so (`Resource.trustedPublisherEnvironment`), never the job.
    public var trustedPublishing: Bool
    public var location: SourceLocation

    public init(target: NodeID, level: AccessLevel, trustedPublishing: Bool = false, location: SourceLocation) {
        self.target = target
        self.level = level
        self.trustedPublishing = trustedPublishing
        self.location = location
    }
}
