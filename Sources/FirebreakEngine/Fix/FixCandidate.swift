import FirebreakModel

/// A control the advisor may propose, with the hops it cuts and what it removes on its own.
public struct FixCandidate: Sendable, Hashable {
    public var change: ModelChange
    /// The rules whose hops it blocks (`foothold` when it takes a scenario's start away).
    public var rules: [String]
    /// Where the input states the fact the change alters: the first hop it cuts.
    public var location: SourceLocation
    /// Crown jewels (counted once per scenario) no longer reached when this change alone is made.
    public var crownJewelsRemoved: Int
    /// Blast-radius score removed, summed over the scenarios, when this change alone is made.
    public var scoreRemoved: Int
    /// The `--keep` constraints that forbid it, if any.
    public var forbiddenBy: [String]
    /// What a job's own steps write with the token it would make read-only, when the input
    /// shows it ("job 'release' writes contents with its token: `gh release create` (file:line)"):
    /// the change would break the job.
    public var neededBy: [String]
    /// Whether a patch of the input's files can make it (else it is a setting made by hand).
    public var writable: Bool
}
