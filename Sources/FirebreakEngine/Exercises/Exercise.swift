import FirebreakModel

/// A workshop exercise: a starting model, a goal in words and as a check, hints, and a
/// solution kept in a folder of its own.
public struct Exercise: Sendable {
    public var id: String
    public var title: String
    /// The goal as the trainer says it.
    public var goal: String
    /// The scenarios in which no crown jewel may be reachable.
    public var scenarios: [String]
    /// What must stay true: what the pipeline must still do.
    public var keeps: [KeepConstraint]
    public var hints: [String]
    /// The exercise's folder.
    public var folder: String
    public var location: SourceLocation

    /// The model the participants start from.
    public var start: String { folder + "/start.yml" }
    /// The model that solves it.
    public var solution: String { folder + "/solution/model.yml" }
}
