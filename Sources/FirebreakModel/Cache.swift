/// A cache that jobs save and restore by key.
public struct Cache: Sendable, Hashable {
    /// Which runs write the cache, and so whose restores a side-branch run can poison.
    public enum Scope: String, Sendable, Hashable, CaseIterable {
        /// Every run that saves it writes what every later restore gets.
        case shared
        /// Only runs on the default branch or a protected branch write it: GitLab's protected
        /// cache, and GitHub's default-branch cache, which side branches read but never write.
        case protected
        /// Only runs on side branches (neither the default branch nor protected) write and
        /// read it: GitLab's cache for unprotected refs.
        case unprotected
    }

    public var name: String
    /// The cache key as written.
    public var key: String?
    public var criticality: Criticality?
    public var scope: Scope
    public var location: SourceLocation

    public init(name: String, key: String?, criticality: Criticality?, scope: Scope = .shared, location: SourceLocation) {
        self.name = name
        self.key = key
        self.criticality = criticality
        self.scope = scope
        self.location = location
    }

    public var id: NodeID { NodeID(.cache, name) }
}
