/// A whole pipeline as a graph: the nodes of every kind, their relations, and the assumptions
/// made where the input was silent. Built by a loader; read by everything else. Each kind's
/// nodes are kept in a dictionary under their own names (`names(of:)` reads the keys).
public struct PipelineModel: Sendable {
    public var name: String
    public var description: String?
    public var platform: Platform
    public var repository: Repository
    public var actors: [String: Actor] = [:]
    public var branches: [String: Branch] = [:]
    public var definitions: [String: Definition] = [:]
    public var triggers: [String: Trigger] = [:]
    public var jobs: [String: Job] = [:]
    public var runners: [String: Runner] = [:]
    public var zones: [String: Zone] = [:]
    public var identities: [String: Identity] = [:]
    public var secrets: [String: Secret] = [:]
    public var environments: [String: Environment] = [:]
    public var artifacts: [String: Artifact] = [:]
    public var caches: [String: Cache] = [:]
    public var resources: [String: Resource] = [:]
    /// Weak constructs the importer saw that the graph's facts do not say by themselves
    /// (every interpolation into a script, each checkout that keeps its token, ...).
    public var weaknesses: [Weakness] = []
    public var assumptions: [Assumption] = []
    /// The file the model was loaded from.
    public var file: String

    public init(name: String, description: String? = nil, platform: Platform, repository: Repository, file: String) {
        self.name = name
        self.description = description
        self.platform = platform
        self.repository = repository
        self.file = file
    }

    /// Every node id with the location that declared it, sorted by id.
    public var nodes: [(id: NodeID, location: SourceLocation)] {
        unsortedNodes.sorted { $0.0 < $1.0 }.map { (id: $0.0, location: $0.1) }
    }

    /// Every node with where it is declared, in no particular order: for a check that looks at
    /// each once, without the sort.
    var unsortedNodes: [(NodeID, SourceLocation)] {
        var all: [(NodeID, SourceLocation)] = [(repository.id, repository.location)]
        all += actors.values.map { ($0.id, $0.location) }
        all += branches.values.map { ($0.id, $0.location) }
        all += definitions.values.map { ($0.id, $0.location) }
        all += triggers.values.map { ($0.id, $0.location) }
        all += jobs.values.map { ($0.id, $0.location) }
        all += jobs.values.flatMap { $0.steps.map { ($0.id, $0.location) } }
        all += runners.values.map { ($0.id, $0.location) }
        all += zones.values.map { ($0.id, $0.location) }
        all += identities.values.map { ($0.id, $0.location) }
        all += secrets.values.map { ($0.id, $0.location) }
        all += environments.values.map { ($0.id, $0.location) }
        all += artifacts.values.map { ($0.id, $0.location) }
        all += caches.values.map { ($0.id, $0.location) }
        all += resources.values.map { ($0.id, $0.location) }
        return all
    }

    /// The names of the model's nodes of one kind, in no particular order (`nodes` has them all,
    /// sorted, with their locations).
    public func names(of kind: NodeKind) -> [String] {
        // Each kind's nodes are filed under their names: the keys are the names, read without
        // visiting the nodes themselves (a large model's nodes are spread through memory).
        switch kind {
        case .actor: Array(actors.keys)
        case .repository: [repository.id.name]
        case .branch: Array(branches.keys)
        case .definition: Array(definitions.keys)
        case .trigger: Array(triggers.keys)
        case .job: Array(jobs.keys)
        case .step: jobs.values.flatMap { $0.steps.map(\.id.name) }
        case .runner: Array(runners.keys)
        case .zone: Array(zones.keys)
        case .identity: Array(identities.keys)
        case .secret: Array(secrets.keys)
        case .environment: Array(environments.keys)
        case .artifact: Array(artifacts.keys)
        case .cache: Array(caches.keys)
        case .resource: Array(resources.keys)
        }
    }

    /// Whether the model declares a node with this id.
    public func contains(_ id: NodeID) -> Bool {
        switch id.kind {
        case .actor: actors[id.name] != nil
        case .repository: repository.name == id.name
        case .branch: branches[id.name] != nil
        case .definition: definitions[id.name] != nil
        case .trigger: triggers[id.name] != nil
        case .job: jobs[id.name] != nil
        case .step: jobs.values.contains { $0.steps.contains { $0.name == id.name } }
        case .runner: runners[id.name] != nil
        case .zone: zones[id.name] != nil
        case .identity: identities[id.name] != nil
        case .secret: secrets[id.name] != nil
        case .environment: environments[id.name] != nil
        case .artifact: artifacts[id.name] != nil
        case .cache: caches[id.name] != nil
        case .resource: resources[id.name] != nil
        }
    }

    /// Jobs sorted by name.
    public var sortedJobs: [Job] { jobs.values.sorted(byName: \.name) }

    /// Identities sorted by name.
    public var sortedIdentities: [Identity] { identities.values.sorted(byName: \.name) }

    /// The branch node whose name or pattern best covers `branch`: itself, else a declared
    /// pattern, else the implicit `*`.
    public func branchNode(covering branch: String) -> Branch? {
        if let exact = branches[branch] { return exact }
        return branches.values
            .filter { $0.name != Branch.anyOther && BranchPattern.matches($0.name, branch) }
            .min { $0.name < $1.name } ?? branches[Branch.anyOther]
    }

    /// Whether the named branch (or pattern) is protected.
    public func isProtected(branch: String) -> Bool {
        branchNode(covering: branch)?.isProtected ?? false
    }

    /// The branches a trigger can run a job on, as branch node names.
    public func branches(firing trigger: Trigger) -> [String] {
        switch trigger.event {
        case .pullRequest, .mergeRequest:
            return []
        case .pullRequestTarget, .workflowRun, .issueComment, .issues, .schedule, .release, .workflowCall:
            return [repository.defaultBranch]
        case .push, .tag, .manual:
            return branches.keys.sorted().filter { trigger.fires(onBranch: $0) }
        }
    }

    /// Whether some run of the job happens on a protected branch.
    public func runsOnProtectedBranch(_ job: Job) -> Bool {
        job.triggers.compactMap { triggers[$0.name] }.contains { trigger in
            branches(firing: trigger).contains { isProtected(branch: $0) }
        }
    }

    /// The platform whose semantics apply to a job: its own, else the model's.
    public func platform(of job: Job) -> Platform { job.platform ?? platform }

    /// Whether a runner pool serves a job (a pool of one platform serves only that platform's jobs).
    public func serves(_ runner: Runner, _ job: Job) -> Bool { runner.platform.map { $0 == platform(of: job) } ?? true }

    /// Whether the platform hands secret `secret` to job `job`: a secret stored by one platform
    /// reaches only that platform's jobs.
    public func exposes(_ secret: Secret, to job: Job) -> Bool {
        let jobPlatform = platform(of: job)
        if let stored = secret.platform, stored != jobPlatform { return false }
        let referenced = job.secrets.contains { $0.name == secret.name }
        guard referenced || jobPlatform.exposesUnreferencedSecrets else { return false }
        if let environment = secret.environment, job.environment?.name != environment.name { return false }
        if secret.protectedBranchesOnly, !runsOnProtectedBranch(job) { return false }
        return true
    }

    /// The secrets the platform hands to a job, sorted by name, each with where the job
    /// references it (or where the secret is declared, when the platform hands it unasked).
    public func exposedSecrets(to job: Job) -> [(secret: Secret, location: SourceLocation)] {
        let unreferenced = platform(of: job).exposesUnreferencedSecrets
        // A job that names at most one secret, on a platform that hands over only those named
        // (most jobs, and asked for every fact about a job): nothing to tell apart or sort.
        if !unreferenced, job.secrets.count <= 1 {
            guard let reference = job.secrets.first, let secret = secrets[reference.name], exposes(secret, to: job) else { return [] }
            return [(secret, reference.location)]
        }
        let candidates: [(Secret, SourceLocation)]
        if unreferenced {
            candidates = secrets.values.map { secret in
                (secret, job.secrets.first { $0.name == secret.name }?.location ?? secret.location)
            }
        } else {
            candidates = job.secrets.compactMap { reference in secrets[reference.name].map { ($0, reference.location) } }
        }
        var seen = Set<String>()
        return candidates.filter { exposes($0.0, to: job) && seen.insert($0.0.name).inserted }
            .sorted { $0.0.name < $1.0.name }
            .map { (secret: $0.0, location: $0.1) }
    }

    /// The environment every job that names `secret` runs in, when there are such jobs and they
    /// share one: where the secret could be scoped and still reach each of them.
    public func soleEnvironment(ofJobsNaming secret: String) -> String? {
        let users = jobs.values.filter { $0.secrets.contains { $0.name == secret } }
        guard let first = users.first?.environment?.name, users.allSatisfy({ $0.environment?.name == first }) else { return nil }
        return first
    }

    /// Whether a cloud role's trust policy accepts some run of the job.
    public func trusts(_ identity: Identity, _ job: Job) -> Bool {
        guard job.oidc, let trust = identity.trust else { return false }
        return job.triggers.compactMap { triggers[$0.name] }.contains { trigger in
            let branches = branches(firing: trigger)
            let candidates: [String?] = branches.isEmpty ? [nil] : branches
            return candidates.contains {
                trust.admits(event: trigger.event, branch: $0, environment: job.environment?.name)
            }
        }
    }
}
