import FirebreakModel

/// Why a fact holds: the rule that concluded it, the facts it used (the first is the hop's
/// origin), a sentence a person reads, and the input location of the model fact used.
public struct Derivation: Sendable, Hashable {
    /// The rule's id, or `foothold` for where the scenario put the attacker.
    public var rule: String
    public var premises: [Fact]
    public var why: String
    public var location: SourceLocation
    /// Qualifications this hop adds: "time-bounded", "on its next run", a canary's share.
    public var caveats: [String]

    public init(rule: String, premises: [Fact], why: String, location: SourceLocation, caveats: [String] = []) {
        self.rule = rule
        self.premises = premises
        self.why = why
        self.location = location
        self.caveats = caveats
    }

    /// The fact this hop starts from.
    public var origin: Fact? { premises.first }
}

/// A rule's conclusion before it is stored.
public struct Conclusion: Sendable, Hashable {
    public var fact: Fact
    public var derivation: Derivation
    /// The fact's node's number in the graph's numbering, when the rule found the node by it:
    /// the store then files the fact without looking the node's name up.
    var number: Int?

    public init(_ fact: Fact, rule: String, premises: [Fact], why: String, at location: SourceLocation, caveats: [String] = []) {
        self.fact = fact
        derivation = Derivation(rule: rule, premises: premises, why: why, location: location, caveats: caveats)
    }

    /// Two conclusions are equal when they conclude the same fact the same way, however the
    /// node was found.
    public static func == (lhs: Conclusion, rhs: Conclusion) -> Bool {
        lhs.fact == rhs.fact && lhs.derivation == rhs.derivation
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(fact)
        hasher.combine(derivation)
    }
}

/// Qualifications that rules attach to hops, worded once.
public enum Caveat {
    /// GitHub Docs, *Automatic token authentication*: the job's token expires when the job
    /// finishes, or after at most 24 hours; an app's installation token after an hour; a cloud
    /// role's federated session after its configured duration (an hour by default).
    public static let timeBounded = "time-bounded: the credential expires (a job's token when its job ends, a federated or app token within hours)"
    public static let nextRun = "on the job's next legitimate run"
    /// An artifact the attacker wrote is delivered by a release nobody stops: the run that built
    /// it (a build step turned hostile works inside a legitimate release), or the next release
    /// that pulls it from where it is kept.
    public static let legitimateRelease = "delivered by a legitimate release that takes it in (the run that built it, or the next to pull it); an approval gate does not stop it"
    /// The same, for a GitLab job that takes it in through `needs:`, `dependencies:` or the
    /// earlier stages, which name jobs of its own pipeline (GitLab Docs, *Job artifacts*).
    public static let legitimateReleaseInPipeline = "delivered by the legitimate pipeline that built it, whose later job takes it in (`needs:`, `dependencies:` and earlier stages hand over a job's artifacts within its pipeline); an approval gate does not stop it"
    /// GitHub Docs, *Caching dependencies*: an entry, once saved under a key, is never changed;
    /// a restore takes the entry of its exact key, else the newest whose key starts with one of
    /// its `restore-keys`. A key new in every run (one naming `github.run_id`) never matches
    /// exactly, so any newer entry under its prefix is the one restored.
    public static let immutableCacheEntry = "a cache entry is never overwritten: the planted one needs a key not saved yet (a new lock file; with `restore-keys:`, any newer key under the prefix, when the restoring step's own key is new each run) or one evicted"
    public static func canary(_ percent: Int) -> String {
        "limited to the canary's \(percent)% until automated rollback"
    }
    public static let labelWindow = "time-of-check/time-of-use: commits pushed after the label is set still run"
    public static let liftsProtection = "by lifting branch protection, which leaves an audit trail"
    public static let afterFirstContribution = "after one accepted contribution, since only first-time contributors wait for approval"
    /// A download by a name no file gives the value of, taken to fit the artifact (`Job.Consumption.assumedFrom`).
    public static func assumedDownload(_ consumption: Job.Consumption, by job: String) -> [String] {
        consumption.assumedFrom.map { ["assumed: job '\(job)' downloads `\($0)`, a name Firebreak cannot evaluate, taken to fit artifact '\(consumption.artifact.name)'"] } ?? []
    }
}
