/// Something the input did not say, and the pessimistic value Firebreak used in its place.
public struct Assumption: Hashable, Sendable, Comparable, Codable {
    /// The node the assumption is about.
    public var subject: NodeID?
    /// What was assumed, as a sentence.
    public var statement: String
    /// What to write in the input to settle it.
    public var settle: String
    /// Where the subject was declared.
    public var location: SourceLocation

    public init(subject: NodeID?, statement: String, settle: String, location: SourceLocation) {
        self.subject = subject
        self.statement = statement
        self.settle = settle
        self.location = location
    }

    public static func < (lhs: Assumption, rhs: Assumption) -> Bool {
        (lhs.location, lhs.statement) < (rhs.location, rhs.statement)
    }
}
