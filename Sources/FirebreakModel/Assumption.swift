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
    /// Other nodes whose facts rest on it, for a hop into one of them to say it too: a
    /// workflow's legacy token default, stated once for the workflow, is what each of its jobs'
    /// tokens holds. Not written out: the statement names what it is about.
    public var alsoAbout: [NodeID] = []
    /// Whether the assumption is what makes its subject a crown jewel (a valuation from
    /// evidence, as a repository taken to publish releases): a hop into the subject says it,
    /// whatever else is assumed about the subject. Not written out.
    public var valuation = false
    /// Whether every hop into the subject says it. False for one that only some paths into the
    /// subject rest on, which the rule that takes such a path says itself. Not written out.
    public var saidOnHops = true
    /// Whether the assumption is about which jobs receive its subject, a secret (the level it is
    /// defined at), with what is assumed of its worth beside it: a job that names the secret and
    /// runs as written receives it whatever its level, so that job's reading it does not rest on
    /// it; a run of a rewritten job does. Not written out.
    public var receivers = false

    private enum CodingKeys: String, CodingKey {
        case subject, statement, settle, location
    }

    /// An assumption is what it says, about what, and where: the nodes that also rest on it do
    /// not make it another one (as they are not written out).
    public static func == (lhs: Assumption, rhs: Assumption) -> Bool {
        (lhs.subject, lhs.statement, lhs.settle, lhs.location) == (rhs.subject, rhs.statement, rhs.settle, rhs.location)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(subject)
        hasher.combine(statement)
        hasher.combine(settle)
        hasher.combine(location)
    }

    public init(subject: NodeID?, statement: String, settle: String, location: SourceLocation) {
        self.subject = subject
        self.statement = statement
        self.settle = settle
        self.location = location
    }

    public static func < (lhs: Assumption, rhs: Assumption) -> Bool {
        // Equal ones aside, two that differ in any field are ordered: by where, what, about what, how settled.
        (lhs.location, lhs.statement, lhs.subject?.description ?? "", lhs.settle) < (rhs.location, rhs.statement, rhs.subject?.description ?? "", rhs.settle)
    }
}
