import FirebreakModel

/// Builds pipeline-shaped models of a given size: many services, each with its own test,
/// build, sign and deploy jobs, identities, secrets and resources, sharing runner pools and
/// caches in small groups so that compromise spreads between neighbours.
enum SyntheticModel {
    static func make(services: Int) -> PipelineModel {
        let file = "synthetic-\(services).yml"
        let at = SourceLocation(file: file, line: 1, column: 1)
        func ref(_ name: String) -> Reference { Reference(name, at: at) }
        var model = PipelineModel(name: "synthetic-\(services)", platform: .github,
                                  repository: Repository(name: "acme/mono", visibility: .public, defaultBranch: "main",
                                                         forkApproval: .none, forkPullRequestsGetSecrets: false, location: at),
                                  file: file)
        model.branches["main"] = Branch(name: "main", protection: .init(requiredReviews: 1), location: at)
        model.branches["*"] = Branch(name: "*", protection: nil, location: at)
        model.actors["outsider"] = Actor(name: "outsider", role: .external, location: at)
        model.triggers["pr"] = Trigger(name: "pr", event: .pullRequest, branches: [], fromForks: true, location: at)
        model.triggers["push"] = Trigger(name: "push", event: .push, branches: ["main"], fromForks: false, location: at)
        model.definitions["ci"] = Definition(name: "ci", path: ".github/workflows/ci.yml", owners: [], source: .local, location: at)
        for index in 0..<services {
            // Every size names its services with six digits, so that a name is as long in a small
            // model as in a large one: Swift keeps a string of up to 15 bytes inside the value
            // and a longer one on the heap, and a name that crossed that line only in the larger
            // model made each of its uses dearer there (a hash through a pointer, a compare of
            // bytes, a reference count), which measured the names and not the scaling.
            let digits = String(index)
            let s = "s" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits, group = index / 8
            let pool = "pool-\(group)", zone = "zone-\(group)", cache = "cache-\(group)"
            model.runners[pool] = Runner(name: pool, hosting: .selfHosted, lifecycle: group % 3 == 0 ? .persistent : .ephemeral,
                                         reaches: [ref(zone)], protectedBranchesOnly: false, location: at)
            model.zones[zone] = Zone(name: zone, location: at)
            model.caches[cache] = Cache(name: cache, key: nil, criticality: nil, location: at)
            let dev = "\(s)-dev", lead = "\(s)-lead"
            model.actors[dev] = Actor(name: dev, role: .contributor, location: at)
            model.actors[lead] = Actor(name: lead, role: .reviewer, location: at)
            model.environments["\(s)-prod"] = Environment(name: "\(s)-prod", reviewers: [ref(dev), ref(lead)], requiredApprovals: 1,
                                                          preventSelfReview: index % 2 == 0, allowedBranches: ["main"], waitMinutes: 0,
                                                          production: true, criticality: nil, location: at)
            model.resources["\(s)-registry"] = Resource(name: "\(s)-registry", kind: .registry, zone: nil, criticality: .high,
                                                        production: false, networkAccess: nil, location: at)
            model.resources["\(s)-cluster"] = Resource(name: "\(s)-cluster", kind: .cluster, zone: ref(zone), criticality: .critical,
                                                       production: true, networkAccess: index % 5 == 0 ? .write : nil, location: at)
            model.identities["\(s)-builder"] = Identity(name: "\(s)-builder", kind: .staticKey, lifetime: .static, owner: nil,
                                                        grants: [Grant(target: NodeID(.resource, "\(s)-registry"), level: .write, location: at)],
                                                        trust: nil, criticality: nil, location: at)
            model.identities["\(s)-deployer"] = Identity(name: "\(s)-deployer", kind: .cloudRole, lifetime: .shortLived, owner: nil,
                                                         grants: [Grant(target: NodeID(.resource, "\(s)-cluster"), level: .deploy, location: at)],
                                                         trust: TrustPolicy(branches: [], environments: ["\(s)-prod"], events: [], location: at),
                                                         criticality: nil, location: at)
            model.secrets["\(s)-BUILD_KEY"] = Secret(name: "\(s)-BUILD_KEY", environment: nil, protectedBranchesOnly: false,
                                                    carries: ref("\(s)-builder"), criticality: nil, production: false, location: at)
            model.secrets["\(s)-DB"] = Secret(name: "\(s)-DB", environment: ref("\(s)-prod"), protectedBranchesOnly: false,
                                             carries: nil, criticality: .critical, production: true, location: at)
            model.artifacts["\(s)-image"] = Artifact(name: "\(s)-image", store: ref("\(s)-registry"), signed: index % 4 == 0,
                                                     criticality: nil, location: at)
            func job(_ role: Job.Role, triggers: [String], secrets: [String] = [], produces: [String] = [],
                     consumes: [Job.Consumption] = [], environment: String? = nil, oidc: Bool = false, saves: [String] = [],
                     restores: [String] = [], pinned: Bool) -> Job {
                let name = "\(s)-\(role.rawValue)"
                let uses = pinned ? "actions/checkout@0123456789abcdef0123456789abcdef01234567" : "actions/checkout@v4"
                return Job(name: name, role: role, definition: ref("ci"), triggers: triggers.map(ref), runsOn: ref(pool),
                           environment: environment.map(ref), needs: [], runsRepositoryCode: role != .deploy,
                           untrustedInput: .none, guardCondition: .none, secrets: secrets.map(ref), token: nil, oidc: oidc,
                           produces: produces.map(ref), consumes: consumes, restoresCaches: restores.map(ref),
                           savesCaches: saves.map(ref),
                           steps: [Step(name: "\(name)/\(uses)", uses: uses, kind: .action, pin: pinned ? .digest : .tag, location: at)],
                           location: at)
            }
            let pinned = index % 2 == 1
            let jobs = [
                job(.test, triggers: ["pr", "push"], saves: [cache], pinned: pinned),
                job(.build, triggers: ["push"], secrets: ["\(s)-BUILD_KEY"], produces: ["\(s)-image"], restores: [cache], pinned: pinned),
                job(.deploy, triggers: ["push"], secrets: ["\(s)-DB"],
                    consumes: [Job.Consumption(artifact: ref("\(s)-image"), use: .deploy, verifies: index % 4 == 0,
                                               deploysTo: ref("\(s)-cluster"), canaryPercent: nil, location: at)],
                    environment: "\(s)-prod", oidc: true, pinned: true),
            ]
            for job in jobs { model.jobs[job.name] = job }
        }
        return model
    }
}
