import FirebreakModel

/// What a run holds by the refs it runs on: a side branch (neither the default branch nor
/// protected) gives an `unprotected` run, the default branch or a protected one a `full` run.
extension AttackGraph {
    /// Per trigger name: the side branches a push trigger fires on, and whether some run of the
    /// trigger is on the default branch or a protected ref. Worked out once with the graph: the
    /// rules ask for every job they reach.
    static func runContexts(of model: PipelineModel) -> (sides: [String: [String]], protectedRuns: [String: Bool]) {
        var sides: [String: [String]] = [:], protectedRuns: [String: Bool] = [:]
        let branchNames = model.branches.keys.sorted()
        for trigger in model.triggers.values {
            switch trigger.event {
            case .push:
                // The branch nodes it fires on; else the branches it names (`develop`, `release/*`),
                // each protected or not as the model's branches cover it.
                let firing = branchNames.filter { trigger.fires(onBranch: $0) }
                let candidates = firing.isEmpty ? trigger.branches : firing
                let side = candidates.filter { Self.isSideBranch($0, in: model) }
                sides[trigger.name] = side
                protectedRuns[trigger.name] = side.count < candidates.count || candidates.isEmpty
            case .tag:
                // A release tag's legitimate run is taken to be protected unless the model says its
                // tags are not: a hijacked release gets what the release gets.
                protectedRuns[trigger.name] = model.repository.protectedTags == nil || !pushersCreateTags(firing: trigger, in: model)
            default:
                protectedRuns[trigger.name] = !ownRefEvents.contains(trigger.event)
            }
        }
        return (sides, protectedRuns)
    }

    /// Events whose runs are on refs of their own, protected by no rule by default: pull and merge
    /// requests, and tags (whose runs write their own cache scope, not the default branch's).
    static let ownRefEvents: Set<Trigger.Event> = [.pullRequest, .mergeRequest, .tag]

    /// Whether whoever pushes to the repository may create a tag that `trigger` (a tag trigger)
    /// fires on: unless it runs only for protected tags, or the model's protected tag patterns
    /// cover every pattern it listens to
    /// (GitLab: Developers create unprotected tags; GitHub: anyone with write access creates
    /// tags no ruleset restricts). With no protected tags known, yes, and the hop says so.
    func pushersCreateTags(firing trigger: Trigger) -> Bool { Self.pushersCreateTags(firing: trigger, in: model) }

    fileprivate static func pushersCreateTags(firing trigger: Trigger, in model: PipelineModel) -> Bool {
        if trigger.protectedTagsOnly { return false }
        guard let protected = model.repository.protectedTags, !protected.isEmpty else { return true }
        if protected.contains("*") { return false }
        // An attacker chooses the tag's name: any name when the trigger lists none.
        guard !trigger.branches.isEmpty else { return true }
        return trigger.branches.contains { pattern in !protected.contains { BranchPattern.matches($0, pattern) } }
    }

    /// Whether a run of `job` for a tag the attacker creates happens: the trigger fires on such a
    /// tag, the job's runner takes unprotected runs and its environment admits the tag.
    func admitsAttackersTag(_ job: Job, firing trigger: Trigger) -> Bool {
        pushersCreateTags(firing: trigger)
            && (runner(of: job).map { takes($0, runAt: .unprotected) } ?? true)
            && (environment(of: job).map { $0.admits(tagsMatching: trigger.branches) } ?? true)
    }

    /// The caveat of a hop that rests on tags being creatable by whoever pushes, when the model
    /// does not say which tags are protected.
    var unprotectedTagCaveats: [String] {
        model.repository.protectedTags == nil
            ? ["assumed: tags are not protected: whoever pushes may create one (GitLab: no protected tags; GitHub: no tag ruleset restricts creations)"] : []
    }

    /// Whether a branch (or pattern) is a side branch: neither the default branch nor protected.
    /// A run there is `unprotected`: it gets no secret kept for protected branches and writes
    /// no cache that only protected runs write.
    func isSideBranch(_ branch: String) -> Bool { Self.isSideBranch(branch, in: model) }

    fileprivate static func isSideBranch(_ branch: String, in model: PipelineModel) -> Bool {
        branch != model.repository.defaultBranch && !model.isProtected(branch: branch)
    }

    /// The level of a run the attacker starts on a branch: `unprotected` on a side branch, `full`
    /// on the default branch or a protected one.
    func runLevel(onBranch branch: String) -> Level { isSideBranch(branch) ? .unprotected : .full }

    /// Whether a runner pool takes a run at `level`: one kept for protected branches takes no run
    /// of a side branch or a fork.
    func takes(_ runner: Runner, runAt level: Level) -> Bool { level == .full || !runner.protectedBranchesOnly }

    /// The runs of `job` an attacker who pushes starts on refs of their own, where its runner
    /// and environment take them: a push to a side branch, a pull or merge request, a tag they
    /// may create. Each names its trigger (two jobs that share one such run share its
    /// artifacts) and, for a push, the branch (as the run's OIDC claims would name it). Empty
    /// when every run of the job is protected.
    func unprotectedRuns(of job: Job) -> [UnprotectedRun] {
        var runs: [UnprotectedRun] = []
        for trigger in triggers(of: job) {
            switch trigger.event {
            case .push:
                for branch in sideBranchesFiring[trigger.name] ?? [] where admits(job, onBranch: branch) {
                    runs.append(UnprotectedRun(trigger: trigger, branch: branch))
                }
            case .tag where admitsAttackersTag(job, firing: trigger): runs.append(UnprotectedRun(trigger: trigger, branch: nil))
            case .pullRequest, .mergeRequest: runs.append(UnprotectedRun(trigger: trigger, branch: nil))
            default: break
            }
        }
        return runs
    }

    /// The names of the triggers of the job's unprotected runs.
    func unprotectedTriggers(of job: Job) -> Set<String> { Set(unprotectedRuns(of: job).map(\.trigger.name)) }

    /// The most a legitimate run of the job holds: `full` when some run of it is on the default
    /// branch or a protected branch (a push there, a schedule, a manual run, an event run in the
    /// default branch's context), `unprotected` when it runs only for side branches' pushes,
    /// pull or merge requests and tags. What hijacks its next run (a runner, a cache, an
    /// artifact) gets no more.
    func legitimateLevel(of job: Job) -> Level { Self.legitimateLevel(of: job, protectedRuns: runsOnProtectedRef) }

    /// `legitimateLevel(of:)` of a job the graph's indexes list, worked out once with the graph.
    func legitimateLevel(of numbered: NumberedJob) -> Level {
        numbering.place(of: numbered.number, among: .job).map { legitimateLevels[$0] } ?? legitimateLevel(of: numbered.job)
    }

    /// `legitimateLevel(of:)` from whether each trigger has a protected run (`runContexts(of:)`).
    static func legitimateLevel(of job: Job, protectedRuns: [String: Bool]) -> Level {
        // A trigger the model does not declare is taken to run on protected refs.
        job.triggers.isEmpty || job.triggers.contains { protectedRuns[$0.name] ?? true } ? .full : .unprotected
    }

    /// The level at which `job` picks up `artifact` written at `written`, nil when it never sees
    /// it: a fork pull request's artifact reaches only a later workflow_run job (which runs with
    /// full privileges); an unprotected run's reaches that too, and the jobs of its own run:
    /// artifacts belong to one run (one workflow run, one pipeline), so the job must run in an
    /// unprotected run with a job that writes it (a side branch's push, a request, a tag).
    func pickUp(_ artifact: String, writtenAt written: Level, by job: Job) -> Level? {
        if written == .full { return legitimateLevel(of: job) }
        if isTriggered(job, by: { $0 == .workflowRun }) { return .full }
        if written == .unprotected, !sharedUnprotectedRuns(artifact, with: job).isEmpty { return .unprotected }
        return nil
    }

    /// The caveats of that pick-up: when the only run the job shares with a writer is a tag's,
    /// it rests on tags being creatable by whoever pushes; and the attacker's run enters the
    /// job's environment, which rests on what is assumed of the environment's rules.
    func pickUpCaveats(_ artifact: String, writtenAt written: Level, by job: Job) -> [String] {
        guard written == .unprotected, !isTriggered(job, by: { $0 == .workflowRun }) else { return [] }
        let shared = sharedUnprotectedRuns(artifact, with: job)
        let tags = shared.allSatisfy { model.triggers[$0]?.event == .tag } ? unprotectedTagCaveats : []
        return tags + (environment(of: job).map { Array(assumedCaveats(about: $0.id).prefix(1)) } ?? [])
    }

    /// Whether `job`, in a run on a side branch, still holds something to deploy to `target`
    /// with, and what that rests on. Not when every secret it may deploy with is kept for
    /// protected branches (GitLab's protected variables, a context file's `protectedBranchesOnly`),
    /// which such a run does not receive (GitLab Docs, *Protect a CI/CD variable*), and it mints
    /// no OIDC token and its own token does not write the target. With no secret at all it
    /// deploys with what the files do not show: taken to, and said. Where the files do not say a
    /// secret it may deploy with is not kept for protected branches (a secret found in them),
    /// that it is not is said.
    func unprotectedDeploy(_ job: Job, to target: NodeID) -> (deploys: Bool, caveats: [String]) {
        if job.oidc || (job.token?.contains { $0.target == target && $0.level >= .write } ?? false) { return (true, []) }
        let credentials = deployCredentials(of: job)
        guard !credentials.isEmpty else {
            return (true, ["assumed: job '\(job.name)' deploys with a credential the files do not show, which a side branch's run holds too"])
        }
        let reaching = credentials.filter { !$0.protectedBranchesOnly }
        guard !reaching.isEmpty else { return (false, []) }
        // The ones the job names first, then by name.
        let named = Set(job.secrets.map(\.name))
        let assumed = reaching.filter { assumptionsBySubject[$0.id] != nil }
            .sorted { (named.contains($0.name) ? 0 : 1, $0.name) < (named.contains($1.name) ? 0 : 1, $1.name) }.map(\.name)
        guard !assumed.isEmpty else { return (true, []) }
        let list = assumed.prefix(2).joined(separator: ", ") + (assumed.count > 2 ? " and \(assumed.count - 2) more" : "")
        return (true, ["assumed: job '\(job.name)' deploys with a secret a side branch's run receives (\(list): none is said to be kept for protected branches)"])
    }

    /// The secrets `job` may deploy with: those it names; on a platform that hands a job its
    /// secrets unnamed (GitLab), every one it receives, since a script may use one through
    /// another variable or a tool that reads it unnamed. Those rated low (settings by their
    /// names: a user name, an address) are no credentials.
    private func deployCredentials(of job: Job) -> [Secret] {
        let secrets = model.platform(of: job).exposesUnreferencedSecrets
            ? model.exposedSecrets(to: job).map(\.secret) : job.secrets.compactMap { model.secrets[$0.name] }
        return secrets.filter { $0.criticality != .low }
    }

    /// The triggers of the unprotected runs an attacker who pushes starts in which `job` runs
    /// with a job that writes `artifact`.
    func sharedUnprotectedRuns(_ artifact: String, with job: Job) -> Set<String> {
        let runs = unprotectedTriggers(of: job)
        guard !runs.isEmpty else { return [] }
        return producers(of: artifact).reduce(into: Set<String>()) { shared, producer in shared.formUnion(unprotectedTriggers(of: producer.job).intersection(runs)) }
    }
}
