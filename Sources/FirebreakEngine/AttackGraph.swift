import FirebreakModel

/// A model indexed for the rules: for each node, the neighbours a rule asks about, sorted,
/// so that a rule looks only at the facts that can fire it and the simulation is
/// deterministic. Built once per model and shared by every scenario.
public struct AttackGraph: Sendable {
    public let model: PipelineModel
    /// Jobs, sorted by name.
    public let jobs: [Job]
    /// The cloud roles whose trust admits some run of each job (their places in `identities`),
    /// by the job's place in `jobs`. The lists below hold jobs by their place in `jobs` too.
    let trustedRoles: FlatLists<Int32>
    /// Each job's runner, by the job's place in `jobs`: the runner's place in `runners` (-1:
    /// none, or one the model does not declare).
    let runnerPlaces: [Int32]
    /// The places in `jobs` of the jobs on each runner, by the runner's place in `runners`.
    let jobPlacesOnRunner: [[Int32]]
    /// Each job's `legitimateLevel(of:)`, by its place in `jobs`.
    let legitimateLevels: [Level]
    let storedArtifacts: [String: [Artifact]]
    let consumers: [String: [ConsumerEntry]]
    /// The consumers of each declared artifact, by its place in `numbering.names(of: .artifact)`.
    let consumersByArtifact: [[ConsumerEntry]]
    /// The artifacts kept in each declared resource, by its place in `numbering.names(of: .resource)`.
    let artifactsByStore: [[Artifact]]
    let producers: [String: [Int32]]
    let restorers: [String: [Int32]]
    let resourcesInZone: [String: [Resource]]
    let jobsByDefinition: [String: [Int32]]
    /// By the definition that holds them and the one whose run they are part of, the jobs whose
    /// token a registry takes by a workflow file (trusted publishing), in order of name.
    let publishersByDefinition: [String: [Int32]]
    let environmentsReviewedBy: [String: [Environment]]
    let jobsGatedBy: [String: [Int32]]
    /// Jobs by the triggers they name, each list sorted by name.
    let jobsTriggeredBy: [String: [Int32]]
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
    /// Resources, actors, definitions and caches sorted by name, for the scenarios that start
    /// from them (a large organisation has tens of thousands: sorted once, not per scenario).
    let resources: [Resource]
    let actors: [Actor]
    let definitions: [Definition]
    let caches: [Cache]
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
    /// The references the rules follow, by number.
    let references: NumberedReferences

    /// What the graph assumed beyond the model's own assumptions.
    public let assumptions: [Assumption]
    /// The model's assumptions by the node they are about.
    let assumptionsBySubject: [NodeID: [Assumption]]
    /// Whether any assumption is about an artifact: few models have one, and a rule that writes
    /// every job's artifacts then looks none up.
    let assumesOfArtifacts: Bool

    /// Name of the outsider added to a public repository's model that declares none.
    public static let implicitOutsider = Actor.implicitOutsider

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
        // Each assumption under its subject, then under the other nodes whose facts rest on it:
        // a node's own assumptions come first (some rules say only the first).
        var bySubject = Dictionary(grouping: model.assumptions.filter { $0.subject != nil && $0.saidOnHops }, by: { $0.subject! })
        for assumption in model.assumptions {
            for node in assumption.alsoAbout where !(bySubject[node]?.contains(assumption) ?? false) { bySubject[node, default: []].append(assumption) }
        }
        assumptionsBySubject = bySubject
        assumesOfArtifacts = bySubject.keys.contains { $0.kind == .artifact }
        self.model = model
        (sideBranchesFiring, runsOnProtectedRef) = Self.runContexts(of: model)
        tagTriggers = model.triggers.values.filter { $0.event == .tag }.sorted { $0.name < $1.name }
        // Each kind's names are sorted once; with them, the node numbering and the indexes do
        // not depend on each other: each on its own core.
        let indexed = model
        let protectedRuns = runsOnProtectedRef
        let sortedNames = SortedNames(model)
        // The references the rules follow need only the numbering and the sorted nodes: made on
        // the numbering's core while the other builds the indexes.
        let ((numbering, references), index) = ParallelMap.both { () -> (NodeNumbering, NumberedReferences) in
            let numbering = NodeNumbering(indexed, sortedNames: sortedNames)
            return (numbering, NumberedReferences(indexed, numbering: numbering, jobs: sortedNames.jobs, secrets: sortedNames.secrets,
                                                  identities: sortedNames.identities))
        } and: {
            Index(indexed, sortedNames: sortedNames, protectedRuns: protectedRuns)
        }
        self.numbering = numbering
        self.references = references
        jobs = index.jobs
        // The indexes hold jobs and roles by place; a lookup hands them out with their numbers.
        let sortedJobs = index.jobs
        trustedRoles = index.trustedRoles
        runnerPlaces = index.runnerPlaces
        jobPlacesOnRunner = index.jobPlacesOnRunner
        legitimateLevels = index.legitimateLevels
        let consumers = index.consumers.mapValues { uses in
            uses.map { place, use in
                let target = sortedJobs[Int(place)].consumes[Int(use)].deploysTo.flatMap { numbering.number(of: NodeID(.resource, $0.name)) }
                return ConsumerEntry(place: place, use: use, target: target.map(Int32.init) ?? -1)
            }
        }
        self.consumers = consumers
        // By place in the numbering's own sorted names: in its order by construction.
        consumersByArtifact = numbering.names(of: .artifact).map { consumers[$0] ?? [] }
        artifactsByStore = numbering.names(of: .resource).map { [stored = index.storedArtifacts] in stored[$0] ?? [] }
        producers = index.producers
        restorers = index.restorers
        jobsByDefinition = index.jobsByDefinition
        publishersByDefinition = index.publishersByDefinition
        jobsGatedBy = index.jobsGatedBy
        jobsTriggeredBy = index.jobsTriggeredBy
        storedArtifacts = index.storedArtifacts
        resourcesInZone = index.resourcesInZone
        identities = index.identities
        runners = index.runners
        secrets = index.secrets
        committedSecrets = index.committedSecrets
        environments = index.environments
        resources = sortedNames.resources
        actors = sortedNames.actors
        definitions = sortedNames.definitions
        caches = sortedNames.caches
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
        /// Per job, the places in `identities` of the roles that trust it.
        var trustedRoles: FlatLists<Int32>
        var runnerPlaces: [Int32] = []
        var jobPlacesOnRunner: [[Int32]]
        var legitimateLevels: [Level] = []
        // The lists below hold jobs by their place in `jobs`; the graph adds their numbers.
        /// Per artifact, each consumer's place and which of its `consumes` names the artifact.
        var consumers: [String: [(job: Int32, use: Int32)]] = [:]
        var producers: [String: [Int32]] = [:]
        var restorers: [String: [Int32]] = [:]
        var jobsByDefinition: [String: [Int32]] = [:]
        var publishersByDefinition: [String: [Int32]] = [:]
        var jobsGatedBy: [String: [Int32]] = [:]
        var jobsTriggeredBy: [String: [Int32]] = [:]
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

        init(_ model: PipelineModel, sortedNames: SortedNames, protectedRuns: [String: Bool]) {
            // Sorted with the names for the numbering: in its order.
            jobs = sortedNames.jobs
            identities = sortedNames.identities
            let roles = CloudRoleIndex(sortedByName: identities)
            let placeOfIdentity = Dictionary(uniqueKeysWithValues: identities.enumerated().map { ($1.name, Int32($0)) })
            runners = sortedNames.runners
            let placeOfRunner = Dictionary(uniqueKeysWithValues: runners.enumerated().map { ($1.name, Int32($0)) })
            trustedRoles = FlatLists(reservingLists: jobs.count)
            runnerPlaces.reserveCapacity(jobs.count)
            legitimateLevels.reserveCapacity(jobs.count)
            jobPlacesOnRunner = Array(repeating: [], count: runners.count)
            // Room for a key per node the tables are keyed by (an undeclared name adds one): a
            // table that grows moves every key it holds, each a name cold in memory on a large model.
            consumers.reserveCapacity(model.artifacts.count)
            producers.reserveCapacity(model.artifacts.count)
            restorers.reserveCapacity(model.caches.count)
            jobsByDefinition.reserveCapacity(model.definitions.count)
            jobsGatedBy.reserveCapacity(model.environments.count)
            jobsTriggeredBy.reserveCapacity(model.triggers.count)
            for (place, job) in jobs.enumerated() {
                let runner = job.runsOn.flatMap { placeOfRunner[$0.name] } ?? -1
                runnerPlaces.append(runner)
                if runner >= 0 { jobPlacesOnRunner[Int(runner)].append(Int32(place)) }
                legitimateLevels.append(AttackGraph.legitimateLevel(of: job, protectedRuns: protectedRuns))
                let at = Int32(place)
                if let definition = job.definition?.name {
                    jobsByDefinition[definition, default: []].append(at)
                }
                for merged in job.mergedDefinitions where merged.name != job.definition?.name {
                    jobsByDefinition[merged.name, default: []].append(at)
                }
                // A registry trusts the workflow that holds the job or the run's top-level one
                // (`TrustedPublisherClaims`): filed under both. Only a job that may mint a token
                // publishes so (its token's grants are not read otherwise).
                if job.oidc, job.token?.contains(where: \.trustedPublishing) == true {
                    for file in job.tokenWorkflowFiles { publishersByDefinition[file, default: []].append(at) }
                }
                if let environment = job.environment?.name { jobsGatedBy[environment, default: []].append(at) }
                // Only a job that may mint an OIDC token is trusted by a role (`PipelineModel.trusts`).
                trustedRoles.append(job.oidc ? roles.candidates(for: job).filter { model.trusts($0, job) }.map { placeOfIdentity[$0.name]! } : [])
                for (use, consumption) in job.consumes.enumerated() { consumers[consumption.artifact.name, default: []].append((at, Int32(use))) }
                for artifact in job.produces { producers[artifact.name, default: []].append(at) }
                for cache in job.restoresCaches { restorers[cache.name, default: []].append(at) }
                // A job that names a trigger twice is listed once.
                // (A job names a few: compared with the ones before it, without a set made per job.)
                let triggers = job.triggers
                for (index, trigger) in triggers.enumerated() where !triggers[..<index].contains(where: { $0.name == trigger.name }) {
                    jobsTriggeredBy[trigger.name, default: []].append(at)
                }
            }
            storedArtifacts = Dictionary(grouping: model.artifacts.values.filter { $0.store != nil }, by: { $0.store!.name })
                .mapValues { $0.sorted { $0.name < $1.name } }
            // Grouped from the sorted list: each zone's in order of name.
            resourcesInZone = Dictionary(grouping: sortedNames.resources.filter { $0.zone != nil }, by: { $0.zone!.name })
            secrets = sortedNames.secrets
            committedSecrets = secrets.filter(\.committed)
            environments = sortedNames.environments
            environmentsReviewedBy.reserveCapacity(model.actors.count)
            for environment in environments {
                for reviewer in environment.reviewers { environmentsReviewedBy[reviewer.name, default: []].append(environment) }
            }
            branches = sortedNames.branches
            localDefinitions = sortedNames.definitions.filter { !$0.isExternal }
        }
    }

    /// A node's summary: the numbering's, or for a node the model does not declare (none should
    /// reach here), worked out on the spot; only then is `node` read.
    func summary(of node: @autoclosure () -> NodeID, number: Int?) -> NodeNumbering.Summary {
        guard let number else {
            let node = node()
            return NodeNumbering.Summary(criticality: model.criticality(of: node), crownJewel: model.isCrownJewel(node))
        }
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
    /// The jobs at `places` in `jobs`, each with its number.
    private func numberedJobs(_ places: [Int32]?) -> NumberedList<NumberedJob> {
        NumberedList(places?[...] ?? [], of: jobs, firstNumber: numbering.number(ofPlace: 0, among: .job))
    }
    /// The jobs on a numbered runner, sorted by name, each with its number.
    func jobs(onRunnerNumbered number: Int) -> NumberedList<NumberedJob> {
        numberedJobs(numbering.place(of: number, among: .runner).map { jobPlacesOnRunner[$0] })
    }
    /// The secrets the platform hands the numbered job, sorted by name, each with its number and
    /// where the job references it (or where the secret is declared, when the platform hands it
    /// over unasked).
    func secrets(exposedToJobNumbered number: Int) -> [(secret: Secret, number: Int, location: SourceLocation)] {
        guard let place = numbering.place(of: number, among: .job) else { return [] }
        guard let exposed = references.secrets(exposedToJobAt: place) else {
            // Where every variable reaches every job (GitLab), worked out when a rule asks.
            return model.exposedSecrets(to: jobs[place]).compactMap { exposed in
                numbering.number(of: exposed.secret.id).map { (exposed.secret, $0, exposed.location) }
            }
        }
        return exposed.compactMap { exposed in
            numbering.place(of: Int(exposed.number), among: .secret).map { (secrets[$0], Int(exposed.number), exposed.location) }
        }
    }
    /// The identity whose credential the numbered secret stores, with the identity's number.
    func identity(carriedBySecretNumbered number: Int) -> (identity: Identity, number: Int)? {
        guard let place = numbering.place(of: number, among: .secret), case let carried = references.carriedIdentity[place], carried >= 0,
              let identityPlace = numbering.place(of: Int(carried), among: .identity) else { return nil }
        return (identities[identityPlace], Int(carried))
    }
    /// The numbered identity's grants, each with its target's number (nil: a target the model does not declare).
    func grants(ofIdentityNumbered number: Int) -> [(grant: Grant, target: Int?)] {
        guard let place = numbering.place(of: number, among: .identity) else { return [] }
        return zip(identities[place].grants, references.grantTargets[place]).map { ($0, $1 >= 0 ? Int($1) : nil) }
    }
    /// The artifacts the numbered job produces, sorted by name, each with its number (nil: one the model does not declare).
    func artifacts(producedByJobNumbered number: Int) -> [(artifact: Reference, number: Int?)] {
        guard let place = numbering.place(of: number, among: .job) else { return [] }
        return references.producedArtifacts[place].map { ($0.artifact, $0.number >= 0 ? Int($0.number) : nil) }
    }
    /// The cloud roles that trust some run of the numbered job.
    func roles(trustingJobNumbered number: Int) -> NumberedList<NumberedIdentity> {
        NumberedList(numbering.place(of: number, among: .job).map { trustedRoles[$0] } ?? [], of: identities,
                     firstNumber: numbering.number(ofPlace: 0, among: .identity))
    }
    func artifacts(storedIn resource: String) -> [Artifact] { storedArtifacts[resource] ?? [] }
    /// The artifacts kept in a numbered resource (`name`: its name, for one the model does not declare).
    func artifacts(storedInNumbered number: Int, named name: String) -> [Artifact] {
        numbering.place(of: number, among: .resource).map { artifactsByStore[$0] } ?? artifacts(storedIn: name)
    }
    func consumers(of artifact: String) -> ConsumerList {
        ConsumerList(consumers[artifact] ?? [], of: jobs, firstNumber: numbering.number(ofPlace: 0, among: .job))
    }
    /// The consumers of a numbered artifact (`name`: its name, for one the model does not declare).
    func consumers(ofNumbered number: Int, named name: String) -> ConsumerList {
        guard let place = numbering.place(of: number, among: .artifact) else { return consumers(of: name) }
        return ConsumerList(consumersByArtifact[place], of: jobs, firstNumber: numbering.number(ofPlace: 0, among: .job))
    }
    func producers(of artifact: String) -> NumberedList<NumberedJob> { numberedJobs(producers[artifact]) }
    func restorers(of cache: String) -> NumberedList<NumberedJob> { numberedJobs(restorers[cache]) }
    func resources(in zone: String) -> [Resource] { resourcesInZone[zone] ?? [] }
    func jobs(definedBy definition: String) -> NumberedList<NumberedJob> { numberedJobs(jobsByDefinition[definition]) }
    /// The jobs whose token a registry takes by the workflow file `definition` (trusted publishing), in order of name.
    func publishers(trustedFor definition: String) -> NumberedList<NumberedJob> { numberedJobs(publishersByDefinition[definition]) }
    func environments(reviewedBy actor: String) -> [Environment] { environmentsReviewedBy[actor] ?? [] }
    func jobs(gatedBy environment: String) -> NumberedList<NumberedJob> { numberedJobs(jobsGatedBy[environment]) }
    func jobs(triggeredBy trigger: String) -> NumberedList<NumberedJob> { numberedJobs(jobsTriggeredBy[trigger]) }

    /// The caveat a hop carries when it rests on what the import assumed of a runner's
    /// lifecycle (a self-hosted pool taken to be persistent), so the hop says so where it is used.
    func persistenceCaveats(of runner: Runner) -> [String] {
        guard runner.lifecycle == .persistent, let assumed = assumptionsBySubject[runner.id]?.first else { return [] }
        return ["assumed: \(assumed.statement)"]
    }

    /// The path of the definition named `name` (a workflow file's, for an import), the name
    /// itself when the model declares none.
    func path(ofDefinition name: String) -> String { model.definitions[name]?.path ?? name }

    /// "assumed: ..." for each assumption the model makes about a node, for the hops that rest
    /// on that node's assumed facts to say so where they are used.
    func assumedCaveats(about id: NodeID) -> [String] {
        (assumptionsBySubject[id] ?? []).map { "assumed: \($0.statement)" }
    }

    /// `assumedCaveats(about:)` of a secret a job reads: what is assumed of its receivers (its
    /// level, `Assumption.receivers`) is left out where `asWritten` says the job names it and
    /// runs as written, since such a job receives it either way. One lookup; `asWritten` is
    /// asked only where something is assumed of the receivers.
    func assumedCaveats(aboutSecret id: NodeID, readAsWritten asWritten: () -> Bool) -> [String] {
        guard let assumed = assumptionsBySubject[id] else { return [] }
        let kept = assumed.contains(where: \.receivers) && asWritten() ? assumed.filter { !$0.receivers } : assumed
        return kept.map { "assumed: \($0.statement)" }
    }

    /// "assumed: ..." for what an identity was assumed to be granted (a token found where a step
    /// takes it, a static key taken to administer its cloud), for every hop that rests on its
    /// grants; a job token's and a cloud role's say it on the hop into them instead.
    func assumedGrantCaveats(of identity: Identity) -> [String] {
        identity.kind == .jobToken || identity.kind == .cloudRole ? [] : assumedCaveats(about: identity.id)
    }

    /// `assumedGrantCaveats(of:)` for the numbered node a push rests on when it is an identity
    /// (an actor's own access is no assumption about grants).
    func assumedGrantCaveats(of node: NodeID, numbered number: Int) -> [String] {
        node.kind == .identity ? identity(numbered: number).map(assumedGrantCaveats) ?? [] : []
    }

    /// The caveats of the assumptions that make `id` a crown jewel (`Assumption.valuation`).
    func valuationCaveats(about id: NodeID) -> [String] {
        (assumptionsBySubject[id] ?? []).filter(\.valuation).map { "assumed: \($0.statement)" }
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
    /// `number` is the node's number, by which a credential is found without looking its name up.
    func repositoryAccess(of who: NodeID, numbered number: Int) -> (level: AccessLevel, location: SourceLocation, automation: Bool)? {
        switch who.kind {
        case .identity:
            guard let identity = identity(numbered: number) ?? model.identities[who.name],
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
