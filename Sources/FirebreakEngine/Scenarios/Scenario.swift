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
    public var location: SourceLocation

    public init(id: String, title: String, narrative: String, attacker: String, footholds: [FootholdSelector],
                references: [String], location: SourceLocation) {
        self.id = id
        self.title = title
        self.narrative = narrative
        self.attacker = attacker
        self.footholds = footholds
        self.references = references
        self.location = location
    }
}
