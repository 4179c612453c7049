import FirebreakModel

/// The job `if:`s that read what Firebreak cannot evaluate (a job's outputs, a variable),
/// gathered over the import and stated once per workflow file and set of contexts: a workflow
/// whose forty jobs test the same output of one job makes one assumption, about each of those
/// jobs (`Assumption.alsoAbout`), rather than forty.
struct UnreadConditions {
    /// One statement's jobs: whose `if:` it is, and the first place it is written.
    private struct Group {
        var jobs: [String] = []
        var location: SourceLocation
        /// How many `if:`s: one calling job's, or several.
        var conditions: Set<SourceLocation> = []
    }

    private var groups: [Key: Group] = [:]

    private struct Key: Hashable {
        let file: String
        let contexts: [String]
        /// Whether the `if:` is a calling job's, which the called jobs run under.
        let caller: Bool
    }

    /// Records that job `job`'s own `if:` (or, with `caller`, the `if:` of the job that calls
    /// it) reads `contexts`, at `location`.
    mutating func add(job: String, contexts: Set<String>, caller: Bool, at location: SourceLocation) {
        let key = Key(file: location.file, contexts: contexts.sorted(), caller: caller)
        var group = groups[key] ?? Group(location: location)
        if !group.jobs.contains(job) { group.jobs.append(job) }
        group.location = min(group.location, location)
        group.conditions.insert(location)
        groups[key] = group
    }

    /// Each group as one assumption about its first job (by name), extended to the others.
    func state(into builder: inout ModelBuilder) {
        let ordered = groups.sorted {
            ($0.value.location, $0.key.file, $0.key.contexts.joined(separator: ","), $0.key.caller ? 1 : 0)
                < ($1.value.location, $1.key.file, $1.key.contexts.joined(separator: ","), $1.key.caller ? 1 : 0)
        }
        for (key, group) in ordered {
            let jobs = group.jobs.sorted()
            let named = jobs.prefix(3).map { "'\($0)'" }.joined(separator: ", ") + (jobs.count > 3 ? " and \(jobs.count - 3) more" : "")
            let one = group.conditions.count == 1
            let called = "job\(jobs.count == 1 ? "" : "s") \(named)"
            let whose = key.caller ? (one ? "the `if:` of the job that calls \(called) reads" : "the `if:`s of the jobs that call \(called) read")
                : one ? "the `if:` of \(called) reads" : "the `if:`s of \(called) read"
            let place = builder.assume(NodeID(.job, jobs[0]), "\(whose) \(key.contexts.joined(separator: ", ")), which Firebreak cannot evaluate; an outsider is assumed to satisfy \(one ? "it" : "them")",
                                       settle: "check the author's association or that the head repository is the base one in the `if:` itself", at: group.location)
            for job in jobs.dropFirst() { builder.extend(assumptionAt: place, to: NodeID(.job, job)) }
        }
    }
}
