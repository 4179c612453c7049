import FirebreakModel

/// A job that may mint OIDC tokens assumes every cloud role whose trust policy accepts it.
struct OIDCFederationRule: Rule {
    static let firedBy: Set<Capability> = [.exec]

    static let description = RuleDescription(
        id: "oidc-federation",
        name: "OIDC turns a job into every role that trusts it",
        summary: "Code in a job that may mint OIDC tokens assumes each cloud role whose trust policy accepts the job's claims.",
        premises: "exec(J) with full privileges, or unprotected in a run R accepts (a side branch's push, a request, a tag whoever pushes creates, where J's runner and environment take it); J may mint OIDC tokens; role R trusts J's repository, branch, environment and event",
        conclusion: "hold(R), time-bounded; access(G) for each registry G that takes the OIDC token of J's workflow file for another job's releases (trusted publishing), where G's trusted publisher requires no environment (an assumption where J's differs from the publishing job's) or J's; access(the Sigstore identity of J's workflow file), which another job of that file signs as",
        control: "Trust conditions that name exactly the environment (or protected branch and event) that only the intended job runs in, and for a role that accepts tag runs, protected tags. A policy that accepts pull-request refs, or any ref, is a finding in itself. For a registry's trusted publishing: `id-token: write` on the publishing job only, and a trusted publisher that names its environment.",
        rationale: "OIDC removes stored keys but not the trust decision: the cloud accepts whatever run presents matching claims. Credentials last minutes, not years.",
        references: ["Separation of duties reading: short-lived credentials via OIDC", "TanStack, May 2026: an OIDC publish token read from runner memory"],
        firing: [RuleExample("a deploy job in the production environment assumes the role that trusts production", model: ExampleModel.wrap("""
            triggers: {push: {event: push, branches: [main]}}
            runners: {hosted: {hosting: hosted}}
            environments: {production: {}}
            identities: {deployer: {type: cloud-role, trust: {environments: [production]}}}
            jobs: {deploy: {triggers: [push], runsOn: hosted, environment: production, oidc: true}}
            """), footholds: ["exec job:deploy"], expect: "hold identity:deployer"),
                 RuleExample("a role that trusts every run of the repository accepts the test job too", model: ExampleModel.wrap("""
            triggers: {push: {event: push, branches: [main]}}
            runners: {hosted: {hosting: hosted}}
            environments: {production: {}}
            identities: {deployer: {type: cloud-role, trust: {}}}
            jobs:
              deploy: {triggers: [push], runsOn: hosted, environment: production, oidc: true}
              test: {triggers: [push], runsOn: hosted, oidc: true}
            """), footholds: ["exec job:test"], expect: "hold identity:deployer"),
                 RuleExample("a role that trusts every branch accepts the build's run on a side branch", model: ExampleModel.wrap("""
            triggers: {push: {event: push}}
            runners: {hosted: {hosting: hosted}}
            branches: {main: {requiredReviews: 1}}
            identities: {deployer: {type: cloud-role, trust: {}}}
            jobs: {build: {triggers: [push], runsOn: hosted, oidc: true}}
            """), footholds: ["exec job:build unprotected"], expect: "hold identity:deployer"),
                 RuleExample("a role that trusts tag runs accepts a tag the attacker creates, which the release environment admits", model: ExampleModel.wrap("""
            triggers: {main: {event: push, branches: [main]}, release-tags: {event: tag, branches: ["v*"]}}
            runners: {hosted: {hosting: hosted}}
            environments: {release: {allowedBranches: [main], allowedTags: ["v*"]}}
            identities: {publisher: {type: cloud-role, trust: {events: [tag], environments: [release]}}}
            jobs: {publish: {triggers: [main, release-tags], runsOn: hosted, environment: release, oidc: true}}
            """), footholds: ["exec job:publish unprotected"], expect: "hold identity:publisher"),
                 RuleExample("the release workflow's build job may mint a token too, and npm trusts the workflow file, not the publishing job", model: ExampleModel.wrap("""
            definitions: {release: {path: .github/workflows/release.yml}}
            triggers: {push: {event: push, branches: [main]}}
            runners: {hosted: {hosting: hosted}}
            environments: {release: {}}
            resources: {npm: {type: package-registry, criticality: critical}}
            jobs:
              build: {definition: release, triggers: [push], runsOn: hosted, oidc: true}
              publish: {definition: release, triggers: [push], runsOn: hosted, environment: release, oidc: true, token: {trustedPublishing: {resource:npm: write}}}
            """), footholds: ["exec job:build"], expect: "access resource:npm write"),
                 RuleExample("the release workflow's build job may mint a token, so Sigstore certifies what it signs as the release workflow", model: ExampleModel.wrap("""
            definitions: {release: {path: .github/workflows/release.yml}}
            triggers: {push: {event: push, branches: [main]}}
            runners: {hosted: {hosting: hosted}}
            resources: {"sigstore-identity:.github/workflows/release.yml": {type: signing-service, criticality: critical}}
            jobs:
              build: {definition: release, triggers: [push], runsOn: hosted, oidc: true}
              attest: {definition: release, triggers: [push], runsOn: hosted, oidc: true, token: {grants: {"resource:sigstore-identity:.github/workflows/release.yml": write}}}
            """), footholds: ["exec job:build"], expect: "access resource:sigstore-identity:.github/workflows/release.yml write")],
        blocked: [RuleExample("the build job, outside the production environment, is not accepted", model: ExampleModel.wrap("""
            triggers: {push: {event: push, branches: [main]}}
            runners: {hosted: {hosting: hosted}}
            environments: {production: {}}
            identities: {deployer: {type: cloud-role, trust: {environments: [production]}}}
            jobs: {build: {triggers: [push], runsOn: hosted, oidc: true}}
            """), footholds: ["exec job:build"], expect: "hold identity:deployer"),
                  RuleExample("a role that trusts only main does not accept the build's run on a side branch", model: ExampleModel.wrap("""
            triggers: {push: {event: push}}
            runners: {hosted: {hosting: hosted}}
            branches: {main: {requiredReviews: 1}}
            identities: {deployer: {type: cloud-role, trust: {branches: [main]}}}
            jobs: {build: {triggers: [push], runsOn: hosted, oidc: true}}
            """), footholds: ["exec job:build unprotected"], expect: "hold identity:deployer"),
                  RuleExample("an environment with branch rules only refuses a tag's run, so the job presents no tag claims", model: ExampleModel.wrap("""
            triggers: {main: {event: push, branches: [main]}, release-tags: {event: tag, branches: ["v*"]}}
            runners: {hosted: {hosting: hosted}}
            environments: {release: {allowedBranches: [main]}}
            identities: {publisher: {type: cloud-role, trust: {events: [tag], environments: [release]}}}
            jobs: {publish: {triggers: [main, release-tags], runsOn: hosted, environment: release, oidc: true}}
            """), footholds: ["exec job:publish unprotected"], expect: "hold identity:publisher"),
                  RuleExample("npm's trusted publisher requires the release environment, which the build job does not run in", model: ExampleModel.wrap("""
            definitions: {release: {path: .github/workflows/release.yml}}
            triggers: {push: {event: push, branches: [main]}}
            runners: {hosted: {hosting: hosted}}
            environments: {release: {}}
            resources: {npm: {type: package-registry, criticality: critical, trustedPublisherEnvironment: release}}
            jobs:
              build: {definition: release, triggers: [push], runsOn: hosted, oidc: true}
              publish: {definition: release, triggers: [push], runsOn: hosted, environment: release, oidc: true, token: {trustedPublishing: {resource:npm: write}}}
            """), footholds: ["exec job:build"], expect: "access resource:npm write"),
                  RuleExample("a build job that may not mint a token signs as nothing", model: ExampleModel.wrap("""
            definitions: {release: {path: .github/workflows/release.yml}}
            triggers: {push: {event: push, branches: [main]}}
            runners: {hosted: {hosting: hosted}}
            resources: {"sigstore-identity:.github/workflows/release.yml": {type: signing-service, criticality: critical}}
            jobs:
              build: {definition: release, triggers: [push], runsOn: hosted}
              attest: {definition: release, triggers: [push], runsOn: hosted, oidc: true, token: {grants: {"resource:sigstore-identity:.github/workflows/release.yml": write}}}
            """), footholds: ["exec job:build"], expect: "access resource:sigstore-identity:.github/workflows/release.yml write")]
    )

    func conclusions(from fact: Fact, numbered number: Int, in graph: AttackGraph, known: FactStore) -> [Conclusion] {
        guard fact.node.kind == .job, fact.level.isRepositoryRun else { return [] }
        return roleConclusions(from: fact, numbered: number, in: graph, known: known)
            + publishingConclusions(from: fact, numbered: number, in: graph, known: known)
            + signingConclusions(from: fact, numbered: number, in: graph, known: known)
    }

    /// Sigstore certifies a keyless signature with the workflow file that holds the job (the
    /// token's `job_workflow_ref`), not the job: every job of that file that may mint a token
    /// signs as the workflow whose signatures consumers trust.
    private func signingConclusions(from fact: Fact, numbered number: Int, in graph: AttackGraph, known: FactStore) -> [Conclusion] {
        guard let job = graph.job(numbered: number), job.oidc, let name = job.definition?.name else { return [] }
        let definition = graph.path(ofDefinition: name)
        let identity = Resource.sigstoreIdentity(of: definition)
        guard graph.model.resources[identity.name] != nil, !(job.token?.contains { $0.target == identity } ?? false) else { return [] }
        let caveats = [Caveat.timeBounded] + graph.assumedCaveats(about: identity)
        guard !known.keeps(Fact(.access, identity, .write), withCaveatsAtMost: caveats.count) else { return [] }
        return [conclude(Fact(.access, identity, .write), from: [fact],
                         "job '\(job.name)' may mint an OIDC token in '\(definition)': Sigstore certifies what it signs as that workflow, since the certificate names the workflow file, not the job",
                         at: job.location, caveats: caveats)]
    }

    private func roleConclusions(from fact: Fact, numbered number: Int, in graph: AttackGraph, known: FactStore) -> [Conclusion] {
        let roles = graph.roles(trustingJobNumbered: number)
        guard fact.level == .unprotected, let job = graph.job(numbered: number) else {
            return roles.compactMap { conclusion(fact, $0, in: graph, caveats: [], known: known) }
        }
        // An unprotected run presents its own ref in its claims: only a role that accepts one
        // of the job's unprotected runs, or a push to some other side branch (a pipeline the
        // attacker rewrote there).
        let runs = graph.unprotectedRuns(of: job).map { (event: $0.event, branch: $0.branch) } + [(event: Trigger.Event.push, branch: Branch.anyOther)]
        return roles.compactMap { numbered in
            let role = numbered.identity
            let accepted = runs.filter { role.trust?.admits(event: $0.event, branch: $0.branch, environment: job.environment?.name) ?? false }
            guard !accepted.isEmpty else { return nil }
            // Accepted only in a tag's run: that rests on whoever pushes creating the tag.
            return conclusion(fact, numbered, in: graph, caveats: accepted.allSatisfy { $0.event == .tag } ? graph.unprotectedTagCaveats : [], known: known)
        }
    }

    /// A registry that takes the OIDC token of a workflow file (trusted publishing) checks the
    /// workflow (`TrustedPublisherClaims`) and at most an environment, never the job: every other
    /// job whose token names that workflow publishes too, unless the registry requires the
    /// publishing job's environment and this job is not in it. GitHub only: a GitLab job's ID
    /// tokens carry only the audiences its `id_tokens:` lists.
    private func publishingConclusions(from fact: Fact, numbered number: Int, in graph: AttackGraph, known: FactStore) -> [Conclusion] {
        guard let job = graph.job(numbered: number), job.oidc, graph.model.platform(of: job) == .github else { return [] }
        let files = job.tokenWorkflowFiles
        var candidates = files.flatMap { graph.publishers(trustedFor: $0).map(\.job) }
        guard !candidates.isEmpty else { return [] }
        if files.count > 1 { candidates = candidates.sorted { $0.name < $1.name } }
        let own = Set((job.token ?? []).filter(\.trustedPublishing).map(\.target))
        var result: [Conclusion] = []
        var seen: Set<String> = []
        for publisher in candidates where publisher.name != job.name && seen.insert(publisher.name).inserted {
            for grant in publisher.token ?? [] where grant.trustedPublishing && !own.contains(grant.target) {
                let registry = grant.target.name
                guard TrustedPublisherClaims.accepts(registry, tokenOf: job, trustedFor: publisher) else { continue }
                let required = graph.model.resources[registry]?.trustedPublisherEnvironment
                if let required, required != job.environment?.name { continue }
                var caveats = [Caveat.timeBounded]
                // A publisher in no environment cannot be required to name one; one in another
                // environment than this job's may be.
                if required == nil, let environment = publisher.environment?.name, environment != job.environment?.name {
                    caveats.append("assumed: " + Resource.openTrustedPublisher(registry))
                }
                caveats += graph.assumedCaveats(about: grant.target)
                let access = Fact(.access, grant.target, Level(grant.level))
                guard !known.keeps(access, withCaveatsAtMost: caveats.count) else { continue }
                let file = TrustedPublisherClaims.trustedWorkflow(registry, of: publisher, platform: .github)?.name ?? ""
                let workflow = graph.path(ofDefinition: file)
                result.append(conclude(access, from: [fact],
                                       "job '\(job.name)' mints an OIDC token naming '\(workflow)', which \(registry) trusts for job '\(publisher.name)''s releases: trusted publishing checks the workflow, not the job",
                                       at: job.location, caveats: caveats))
            }
        }
        return result
    }

    /// Holding the role, unless the role is held already with no more caveats (the conclusion would change nothing).
    private func conclusion(_ fact: Fact, _ numbered: AttackGraph.NumberedIdentity, in graph: AttackGraph, caveats: [String], known: FactStore) -> Conclusion? {
        let role = numbered.identity
        let all = [Caveat.timeBounded] + caveats + graph.assumedCaveats(about: role.id)
        guard !known.keeps(.hold, numbered: numbered.number, .full, withCaveatsAtMost: all.count) else { return nil }
        return conclude(Fact(.hold, role.id), numbered: numbered.number, from: [fact], "job '\(fact.node.name)' mints an OIDC token that cloud role '\(role.name)' accepts",
                 at: role.trust?.location ?? role.location, caveats: all)
    }
}

extension OIDCFederationRule {
    func controls(for hop: Hop, in model: PipelineModel) -> [ModelChange] {
        // A registry that took another job's token of the workflow: its trusted publisher names
        // the publishing job's environment, which this job does not run in.
        if hop.to.kind == .resource {
            guard let job = hop.from.flatMap({ model.jobs[$0.name] }) else { return [] }
            return model.requirePublisherEnvironment(of: hop.to, excluding: job.environment?.name).map { [$0] } ?? []
        }
        guard let role = model.identities[hop.to.name], let trust = role.trust else { return [] }
        var changes: [ModelChange] = []
        if trust.environments.isEmpty, trust.branches.isEmpty || trust.admitsPullRequests { changes.append(ModelChange(.narrowTrust, hop.to)) }
        // A role that accepts tag runs accepts a tag whoever pushes creates, in the environment
        // the release runs in: only protecting the tags tells the two apart.
        if let job = hop.from.flatMap({ model.jobs[$0.name] }), trust.admits(event: .tag, branch: nil, environment: job.environment?.name) {
            changes += job.triggers.compactMap { model.triggers[$0.name] }.filter { $0.event == .tag && !$0.protectedTagsOnly }
                .map { ModelChange(.protectTags, $0.id) }
        }
        return changes
    }
}
