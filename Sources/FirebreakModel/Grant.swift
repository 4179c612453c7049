/// What an identity may do to a resource or repository.
public struct Grant: Sendable, Hashable {
    /// The resource or repository, by id.
    public var target: NodeID
    public var level: AccessLevel
    public var location: SourceLocation

    public init(target: NodeID, level: AccessLevel, location: SourceLocation) {
        self.target = target
        self.level = level
        self.location = location
    }
}
