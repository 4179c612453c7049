/// Everything a person needs to know about a rule, and the examples that test it.
public struct RuleDescription: Sendable {
    /// Stable id, e.g. `job-secrets`.
    public var id: String
    /// A short title.
    public var name: String
    /// One sentence: what the rule concludes.
    public var summary: String
    /// The premises, as `capability(...)` terms and model facts.
    public var premises: String
    /// The conclusion, as a `capability(...)` term.
    public var conclusion: String
    /// The control that blocks the rule, and what only limits it.
    public var control: String
    /// Why it holds on real platforms.
    public var rationale: String
    /// The domain reading, OWASP risk or public incident it models.
    public var references: [String]
    /// A tiny model where the rule fires.
    public var firing: [RuleExample]
    /// The same model with the control in place, where it does not.
    public var blocked: [RuleExample]

    public init(id: String, name: String, summary: String, premises: String, conclusion: String, control: String,
                rationale: String, references: [String], firing: [RuleExample], blocked: [RuleExample]) {
        self.id = id
        self.name = name
        self.summary = summary
        self.premises = premises
        self.conclusion = conclusion
        self.control = control
        self.rationale = rationale
        self.references = references
        self.firing = firing
        self.blocked = blocked
    }
}

/// A tiny model, the attacker's starting facts, and a fact that must (or must not) follow.
public struct RuleExample: Sendable {
    /// A complete native model; `ExampleModel.wrap` adds the boilerplate.
    public var model: String
    /// Starting facts, written `capability kind:name [level]`.
    public var footholds: [String]
    /// The fact the rule concludes in a firing example and does not in a blocked one.
    public var expect: String
    /// What the example shows, for `firebreak explain`.
    public var note: String

    public init(_ note: String, model: String, footholds: [String], expect: String) {
        self.note = note
        self.model = model
        self.footholds = footholds
        self.expect = expect
    }
}
