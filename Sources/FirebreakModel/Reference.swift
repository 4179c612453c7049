/// A name written in the model that points at another node, with where it was written.
public struct Reference: Hashable, Sendable, Comparable {
    /// The referenced node's name.
    public var name: String
    /// Where the reference was written.
    public var location: SourceLocation

    /// Creates a reference.
    public init(_ name: String, at location: SourceLocation) {
        self.name = name
        self.location = location
    }

    public static func < (lhs: Reference, rhs: Reference) -> Bool { lhs.name < rhs.name }
}
