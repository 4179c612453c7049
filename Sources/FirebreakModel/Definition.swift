/// A pipeline definition file or an included template.
public struct Definition: Sendable, Hashable {
    /// Where the definition comes from.
    public enum Source: Sendable, Hashable {
        /// A file in this repository, read from the branch being built.
        case local
        /// A template or reusable workflow from elsewhere, at a version.
        case external(repository: String, ref: String?, pin: PinState)
    }

    public var name: String
    public var path: String
    /// Teams or people that CODEOWNERS names for this file.
    public var owners: [String]
    public var source: Source
    /// For an external definition not read, where Firebreak read what it is taken to hold (a
    /// widely used component's published file); nil when what it holds is unknown.
    public var takenAs: String?
    public var location: SourceLocation

    public init(name: String, path: String, owners: [String], source: Source, location: SourceLocation) {
        self.name = name
        self.path = path
        self.owners = owners
        self.source = source
        self.location = location
    }

    public var id: NodeID { NodeID(.definition, name) }

    /// Whether someone outside the repository controls the definition's content.
    public var isExternal: Bool {
        if case .external = source { return true }
        return false
    }

    /// The pin state of an external definition; local files are read from the built ref.
    public var pin: PinState? {
        if case .external(_, _, let pin) = source { return pin }
        return nil
    }
}
