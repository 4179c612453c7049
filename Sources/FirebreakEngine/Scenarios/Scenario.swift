import FirebreakModel

/// An attack scenario: who the attacker is, where they start, and the story behind it.
/// Scenarios are data (`Scenarios/attacks/*.yml`); the engine knows none by name.
public struct Scenario: Sendable, Hashable {
    public var id: String
    public var title: String
    /// A paragraph a trainer can read aloud.
    public var narrative: String
    /// Who the attacker is and what they can do at the start.
    public var attacker: String
    public var footholds: [FootholdSelector]
    public var references: [String]
    /// The hop the scenario is about, when it is about one (a poisoned cache): a report says how
    /// many crown jewels the attacker reaches through it, since a foothold may reach some
    /// without it.
    public var through: Mechanism?
    /// What the importers do not read that this attacker could use, said beside a "not
    /// applicable" so that it does not read as an all-clear: one paragraph, its lines joined.
    public var unseen: String?
    /// What the attacker also gets that no input names, said under the scenario's score in every
    /// report, so that a count of what is reached does not read as all there is: one sentence.
    public var uncounted: String?
    public var location: SourceLocation

    /// A kind of hop, and how a report names it.
    public struct Mechanism: Sendable, Hashable {
        /// A hop of this capability (`poison`: into a cache).
        public var capability: Capability
        /// What a report calls it: "a poisoned cache".
        public var says: String

        public init(capability: Capability, says: String) {
            self.capability = capability
            self.says = says
        }
    }

    public init(id: String, title: String, narrative: String, attacker: String, footholds: [FootholdSelector],
                references: [String], through: Mechanism? = nil, unseen: String? = nil, uncounted: String? = nil,
                location: SourceLocation) {
        self.id = id
        self.title = title
        self.narrative = narrative
        self.attacker = attacker
        self.footholds = footholds
        self.references = references
        self.through = through
        self.unseen = unseen
        self.uncounted = uncounted
        self.location = location
    }
}
