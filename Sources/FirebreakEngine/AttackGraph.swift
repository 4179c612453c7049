import FirebreakModel

/// A model indexed for the rules: for each node, the neighbours a rule asks about, sorted,
/// so that a rule looks only at the facts that can fire it and the simulation is
/// deterministic. Built once per model and shared by every scenario.
public struct AttackGraph: Sendable {
    public let model: PipelineModel
    /// Jobs, sorted by name.
    public let jobs: [Job]
    /// The cloud roles whose trust admits some run of each job, by the job's place in `jobs`.
    let trustedRoles: [[Identity]]
    /// Each job's runner, by the job's place in `jobs`: the runner's place in `runners` (-1:
    /// none, or one the model does not declare).
    let runnerPlaces: [Int32]
    /// The places in `jobs` of the jobs on each runner, by the runner's place in `runners`.
    let jobPlacesOnRunner: [[Int32]]
    /// Each job's `legitimateLevel(of:)`, by its place in `jobs`.
    let legitimateLevels: [Level]
    let storedArtifacts: [String: [Artifact]]
    let consumers: [String: [(job: Job, use: Job.Consumption)]]
    /// The consumers of each declared artifact, by its place in `numbering.names(of: .artifact)`.
    let consumersByArtifact: [[(job: Job, use: Job.Consumption)]]
    /// The artifacts kept in each declared resource, by its place in `numbering.names(of: .resource)`.
    let artifactsByStore: [[Artifact]]
    let producers: [String: [Job]]
    let restorers: [String: [Job]]
    let resourcesInZone: [String: [Resource]]
    let jobsByDefinition: [String: [Job]]
    let environmentsReviewedBy: [String: [Environment]]
    let jobsGatedBy: [String: [Job]]
    /// Jobs by the triggers they name, each list sorted by name.
    let jobsTriggeredBy: [String: [Job]]
    /// Branches sorted by name, the implicit `*` included.
    public let branches: [Branch]
    /// Local pipeline definitions, sorted by name.
    let localDefinitions: [Definition]
    /// The triggers that run for pushed tags, sorted by name.
    let tagTriggers: [Trigger]
    /// Identities sorted by name.
    public let identities: [Identity]
    /// Runners, secrets and environments sorted by name, for rules that scan them all.
    let runners: [Runner]
    let secrets: [Secret]
    let environments: [Environment]
    /// The secrets written in the repository's files, sorted by name: every reader of the
    /// repository reads them.
    let committedSecrets: [Secret]

    /// Per trigger name: the side branches a push trigger fires on (sorted), and whether some run
    /// of the trigger is on the default branch or a protected one. Worked out once: the rules
    /// ask for every job they reach.
    let sideBranchesFiring: [String: [String]]
    let runsOnProtectedRef: [String: Bool]

    /// The nodes numbered in id order, with what a report needs of each.
    let numbering: NodeNumbering

    /// What the graph assumed beyond the model's own assumptions.
    public let assumptions: [Assumption]
    /// The model's assumptions by the node they are about.
    let assumptionsBySubject: [NodeID: [Assumption]]

    /// Name of the outsider added to a public repository's model that declares none.
    public static let implicitOutsider = "anyone"

    public init(_ model: PipelineModel) {
        var model = model
        var assumptions: [Assumption] = []
        if model.repository.visibility == .public, !model.actors.values.contains(where: { $0.role == .external }) {
            model.actors[Self.implicitOutsider] = Actor(name: Self.implicitOutsider, role: .external, location: model.repository.location)
            assumptions.append(Assumption(subject: NodeID(.actor, Self.implicitOutsider),
                                          statement: "anyone with an account on the code host can fork the public repository, open pull requests and comment",
                                          settle: "declare the outsider under `actors:` (role: external), or set `visibility: private`",
                                          location: model.repository.location))
        }
        self.assumptions = assumptions
        assumptionsBySubject = Dictionary(grouping: model.assumptions.filter { $0.subject != nil }, by: { $0.subject! })
        self.model = model
        (sideBranchesFiring, runsOnProtectedRef) = Self.runContexts(of: model)
        tagTriggers = model.triggers.values.filter { $0.event == .tag }.sorted { $0.name < $1.name }
        // The node numbering and the indexes do not depend on each other: each on its own core.
        let indexed = model
        let protectedRuns = runsOnProtectedRef
        let (numbering, index) = ParallelMap.both { NodeNumbering(indexed) } and: { Index(indexed, protectedRuns: protectedRuns) }
        self.numbering = numbering
        jobs = index.jobs
        trustedRoles = index.trustedRoles
        runnerPlaces = index.runnerPlaces
        jobPlacesOnRunner = index.jobPlacesOnRunner
        legitimateLevels = index.legitimateLevels
        consumers = index.consumers
        // By place in the numbering's own sorted names: in its order by construction.
        consumersByArtifact = numbering.names(of: .artifact).map { [consumers = index.consumers] in consumers[$0] ?? [] }
        artifactsByStore = numbering.names(of: .resource).map { [stored = index.storedArtifacts] in stored[$0] ?? [] }
        producers = index.producers
        restorers = index.restorers
        jobsByDefinition = index.jobsByDefinition
        jobsGatedBy = index.jobsGatedBy
        jobsTriggeredBy = index.jobsTriggeredBy
        storedArtifacts = index.storedArtifacts
        resourcesInZone = index.resourcesInZone
        identities = index.identities
        runners = index.runners
        secrets = index.secrets
        committedSecrets = index.committedSecrets
        environments = index.environments
        environmentsReviewedBy = index.environmentsReviewedBy
        branches = index.branches
        localDefinitions = index.localDefinitions
        assert(isNumberedInOrder, "each kind's sorted list is in the numbering's order")
    }

    /// Whether the sorted lists the rules reach by number (`job(numbered:)`, ...) hold each
    /// kind's nodes in the numbering's order: both sort the names of the model's nodes.
    private var isNumberedInOrder: Bool {
        func inOrder(_ names: [String], _ kind: NodeKind) -> Bool {
            names.indices.allSatisfy { place in
                numbering.number(of: NodeID(kind, names[place])).flatMap { numbering.place(of: $0, among: kind) } == place
            }
        }
        return inOrder(jobs.map(\.name), .job) && inOrder(secrets.map(\.name), .secret)
            && inOrder(identities.map(\.name), .identity) && inOrder(runners.map(\.name), .runner)
    }

    /// The model's nodes sorted and grouped the ways rules look them up.
    private struct Index: Sendable {
        var jobs: [Job]
        var trustedRoles: [[Identity]] = []
        var runnerPlaces: [Int32] = []
        var jobPlacesOnRunner: [[Int32]]
        var legitimateLevels: [Level] = []
        var consumers: [String: [(job: Job, use: Job.Consumption)]] = [:]
        var producers: [String: [Job]] = [:]
        var restorers: [String: [Job]] = [:]
        var jobsByDefinition: [String: [Job]] = [:]
        var jobsGatedBy: [String: [Job]] = [:]
        var jobsTriggeredBy: [String: [Job]] = [:]
        var storedArtifacts: [String: [Artifact]]
        var resourcesInZone: [String: [Resource]]
        var identities: [Identity]
        var runners: [Runner]
        var secrets: [Secret]
        var committedSecrets: [Secret]
        var environments: [Environment]
        var environmentsReviewedBy: [String: [Environment]] = [:]
        var branches: [Branch]
        var localDefinitions: [Definition]

        init(_ model: PipelineModel, protectedRuns: [String: Bool]) {
            jobs = model.sortedJobs
            identities = model.sortedIdentities
            let roles = CloudRoleIndex(identities)
            runners = model.runners.values.sorted { $0.name < $1.name }
            let placeOfRunner = Dictionary(uniqueKeysWithValues: runners.enumerated().map { ($1.name, Int32($0)) })
            runnerPlaces.reserveCapacity(jobs.count)
            legitimateLevels.reserveCapacity(jobs.count)
            jobPlacesOnRunner = Array(repeating: [], count: runners.count)
            for (place, job) in jobs.enumerated() {
                let runner = job.runsOn.flatMap { placeOfRunner[$0.name] } ?? -1
                runnerPlaces.append(runner)
                if runner >= 0 { jobPlacesOnRunner[Int(runner)].append(Int32(place)) }
                legitimateLevels.append(AttackGraph.legitimateLevel(of: job, protectedRuns: protectedRuns))
                if let definition = job.definition?.name { jobsByDefinition[definition, default: []].append(job) }
                if let environment = job.environment?.name { jobsGatedBy[environment, default: []].append(job) }
                trustedRoles.append(roles.candidates(for: job).filter { model.trusts($0, job) })
                for use in job.consumes { consumers[use.artifact.name, default: []].append((job, use)) }
                for artifact in job.produces { producers[artifact.name, default: []].append(job) }
                for cache in job.restoresCaches { restorers[cache.name, default: []].append(job) }
                // A job that names a trigger twice is listed once.
                for trigger in Set(job.triggers.map(\.name)) { jobsTriggeredBy[trigger, default: []].append(job) }
            }
            storedArtifacts = Dictionary(grouping: model.artifacts.values.filter { $0.store != nil }, by: { $0.store!.name })
                .mapValues { $0.sorted { $0.name < $1.name } }
            resourcesInZone = Dictionary(grouping: model.resources.values.filter { $0.zone != nil }, by: { $0.zone!.name })
                .mapValues { $0.sorted { $0.name < $1.name } }
            secrets = model.secrets.values.sorted { $0.name < $1.name }
            committedSecrets = secrets.filter(\.committed)
            environments = model.environments.values.sorted { $0.name < $1.name }
            for environment in environments {
                for reviewer in environment.reviewers { environmentsReviewedBy[reviewer.name, default: []].append(environment) }
            }
            branches = model.branches.values.sorted { $0.name < $1.name }
            localDefinitions = model.definitions.values.filter { !$0.isExternal }.sorted { $0.name < $1.name }
        }
    }

    /// A node's summary: the numbering's, or for a node the model does not declare (none should
    /// reach here), worked out on the spot.
    func summary(of node: NodeID, number: Int?) -> NodeNumbering.Summary {
        guard let number else { return NodeNumbering.Summary(criticality: model.criticality(of: node), crownJewel: model.isCrownJewel(node)) }
        return numbering.summaries[number]
    }

    // MARK: Lookups rules use

    /// A numbered node's model object, nil when the number is not of that kind: its place in
    /// the kind's sorted list, found without looking its name up.
    func job(numbered number: Int) -> Job? { numbering.place(of: number, among: .job).map { jobs[$0] } }
    func secret(numbered number: Int) -> Secret? { numbering.place(of: number, among: .secret).map { secrets[$0] } }
    func identity(numbered number: Int) -> Identity? { numbering.place(of: number, among: .identity).map { identities[$0] } }
    func runner(numbered number: Int) -> Runner? { numbering.place(of: number, among: .runner).map { runners[$0] } }
    func cache(_ name: String) -> Cache? { model.caches[name] }
    func runner(of job: Job) -> Runner? { job.runsOn.flatMap { model.runners[$0.name] } }
    /// The runner of a numbered job, with the runner's number.
    func runner(ofJobNumbered number: Int) -> (runner: Runner, number: Int)? {
        guard let place = numbering.place(of: number, among: .job), runnerPlaces[place] >= 0 else { return nil }
        let runner = Int(runnerPlaces[place])
        return (runners[runner], numbering.number(ofPlace: runner, among: .runner))
    }
    func environment(of job: Job) -> Environment? { job.environment.flatMap { model.environments[$0.name] } }
    /// The jobs on a numbered runner, sorted by name, each with its number and legitimate level.
    func jobs(onRunnerNumbered number: Int) -> [(job: Job, number: Int, legitimateLevel: Level)] {
        guard let runner = numbering.place(of: number, among: .runner) else { return [] }
        return jobPlacesOnRunner[runner].map { place in
            (jobs[Int(place)], numbering.number(ofPlace: Int(place), among: .job), legitimateLevels[Int(place)])
        }
    }
    /// The secrets the platform hands a job, worked out when a rule asks: where every variable
    /// reaches every job (GitLab), storing them all would grow with jobs × variables.
    func secrets(exposedTo job: Job) -> [(secret: Secret, location: SourceLocation)] {
        model.exposedSecrets(to: job)
    }
    /// The cloud roles that trust some run of the numbered job.
    func roles(trustingJobNumbered number: Int) -> [Identity] {
        numbering.place(of: number, among: .job).map { trustedRoles[$0] } ?? []
    }
    func artifacts(storedIn resource: String) -> [Artifact] { storedArtifacts[resource] ?? [] }
    /// The artifacts kept in a numbered resource (`name`: its name, for one the model does not declare).
    func artifacts(storedInNumbered number: Int, named name: String) -> [Artifact] {
        numbering.place(of: number, among: .resource).map { artifactsByStore[$0] } ?? artifacts(storedIn: name)
    }
    func consumers(of artifact: String) -> [(job: Job, use: Job.Consumption)] { consumers[artifact] ?? [] }
    /// The consumers of a numbered artifact (`name`: its name, for one the model does not declare).
    func consumers(ofNumbered number: Int, named name: String) -> [(job: Job, use: Job.Consumption)] {
        numbering.place(of: number, among: .artifact).map { consumersByArtifact[$0] } ?? consumers(of: name)
    }
    func producers(of artifact: String) -> [Job] { producers[artifact] ?? [] }
    func restorers(of cache: String) -> [Job] { restorers[cache] ?? [] }
    func resources(in zone: String) -> [Resource] { resourcesInZone[zone] ?? [] }
    func jobs(definedBy definition: String) -> [Job] { jobsByDefinition[definition] ?? [] }
    func environments(reviewedBy actor: String) -> [Environment] { environmentsReviewedBy[actor] ?? [] }
    func jobs(gatedBy environment: String) -> [Job] { jobsGatedBy[environment] ?? [] }
    func jobs(triggeredBy trigger: String) -> [Job] { jobsTriggeredBy[trigger] ?? [] }

    /// The caveat a hop carries when it rests on what the import assumed of a runner's
    /// lifecycle (a self-hosted pool taken to be persistent), so the hop says so where it is used.
    func persistenceCaveats(of runner: Runner) -> [String] {
        guard runner.lifecycle == .persistent, let assumed = assumptionsBySubject[runner.id]?.first else { return [] }
        return ["assumed: \(assumed.statement)"]
    }

    /// "assumed: ..." for each assumption the model makes about a node, for the hops that rest
    /// on that node's assumed facts to say so where they are used.
    func assumedCaveats(about id: NodeID) -> [String] {
        (assumptionsBySubject[id] ?? []).map { "assumed: \($0.statement)" }
    }

    /// Whether a run of `job` from `branch` may use the job's runner and environment.
    func admits(_ job: Job, onBranch branch: String) -> Bool {
        if let runner = runner(of: job), runner.protectedBranchesOnly, !model.isProtected(branch: branch) { return false }
        if let environment = environment(of: job), !environment.admits(branch: branch) { return false }
        return true
    }

    /// What a person or credential may do to the repository, where the model says so, and
    /// whether it is a job's automatic token (whose pushes start no run): a person by their
    /// role, a credential by its grant on the repository. Nil for anything else.
    func repositoryAccess(of who: NodeID) -> (level: AccessLevel, location: SourceLocation, automation: Bool)? {
        switch who.kind {
        case .identity:
            guard let identity = model.identities[who.name],
                  let grant = identity.grants.filter({ $0.target == model.repository.id }).max(by: { $0.level < $1.level }) else { return nil }
            return (grant.level, grant.location, identity.kind == .jobToken)
        case .actor:
            guard let actor = model.actors[who.name] else { return nil }
            let level: AccessLevel? = actor.role == .admin ? .admin : actor.role.canPush ? .write : nil
            return level.map { ($0, actor.location, false) }
        default:
            return nil
        }
    }

    /// Where the job names a trigger.
    func location(of trigger: Trigger, in job: Job) -> SourceLocation {
        job.triggers.first { $0.name == trigger.name }?.location ?? job.location
    }

    /// The triggers of a job, resolved.
    func triggers(of job: Job) -> [Trigger] { job.triggers.compactMap { model.triggers[$0.name] } }

    /// Whether one of the job's triggers is of an event that `include` accepts.
    func isTriggered(_ job: Job, by include: (Trigger.Event) -> Bool) -> Bool {
        triggers(of: job).contains { include($0.event) }
    }
}
