import FirebreakModel

/// Pushing a branch rewrites the pipeline that runs for it.
struct PoisonedPipelineRule: Rule {
    static let firedBy: Set<Capability> = [.push, .approve]

    static let description = RuleDescription(
        id: "poisoned-pipeline",
        name: "Pushing a branch rewrites its pipeline",
        summary: "Whoever pushes a branch edits the pipeline definition read from it and runs a job of their own, with every secret, cloud role and runner whose scope admits that branch.",
        premises: "push(B); the pipeline definition D is read from the pushed branch",
        conclusion: "edit(D); exec(J), unprotected on a side branch, for each job J that D defines and whose environment admits B (its token, and the registries that trust J's workflow and environment, not its branch); access(R) for each registry R that takes the OIDC token of D's workflow file (trusted publishing) from a job whose environment B cannot enter, where R's trusted publisher names no environment (an assumption: it is optional) or one that admits B; read(S) for each secret S whose scope admits B (environment secrets only through an approval held); hold(R) for each cloud role that trusts pushes to B; reach(Z) and own(P) through each runner P that B may use",
        control: "Scope secrets to environments that allow only protected branches, trust cloud roles only for protected branches or environments, restrict privileged runners to protected branches, name the publishing job's environment in each registry's trusted publisher, and require reviewed pull requests (CODEOWNERS on the pipeline files) on those branches.",
        rationale: "A workflow file on a feature branch runs when that branch is pushed; repository-wide secrets and any-branch trust policies are one push away (direct poisoned pipeline execution).",
        references: ["OWASP CICD-SEC-4 Poisoned Pipeline Execution (direct)", "GhostAction campaign, September 2025", "Separation of duties reading: preventing self-modifying pipelines"],
        firing: [RuleExample("a feature branch's new workflow reads a repository-wide secret", model: ExampleModel.wrap("""
            definitions: {ci: {path: .github/workflows/ci.yml}}
            secrets: {NPM_TOKEN: {}}
            """), footholds: ["push branch:*"], expect: "read secret:NPM_TOKEN"),
                 RuleExample("the release workflow rewritten on a feature branch runs the release job there, in its open environment", model: ExampleModel.wrap("""
            definitions: {release: {path: .github/workflows/release.yml}}
            triggers: {push: {event: push, branches: [main]}}
            runners: {hosted: {hosting: hosted}}
            environments: {release: {}}
            jobs: {publish: {definition: release, triggers: [push], runsOn: hosted, environment: release}}
            """), footholds: ["push branch:*"], expect: "exec job:publish unprotected"),
                 RuleExample("a release job kept to main by its environment still publishes from a feature branch: npm trusts its workflow file, not the environment", model: ExampleModel.wrap("""
            definitions: {release: {path: .github/workflows/release.yml}}
            triggers: {push: {event: push, branches: [main]}}
            runners: {hosted: {hosting: hosted}}
            environments: {release: {allowedBranches: [main]}}
            resources: {npm: {type: package-registry, criticality: critical}}
            jobs: {publish: {definition: release, triggers: [push], runsOn: hosted, environment: release, token: {trustedPublishing: {resource:npm: write}}}}
            """), footholds: ["push branch:*"], expect: "access resource:npm write")],
        blocked: [RuleExample("an environment secret that only main may use is out of a feature branch's reach", model: ExampleModel.wrap("""
            definitions: {ci: {path: .github/workflows/ci.yml}}
            environments: {release: {allowedBranches: [main]}}
            secrets: {NPM_TOKEN: {environment: release}}
            """), footholds: ["push branch:*"], expect: "read secret:NPM_TOKEN"),
                  RuleExample("a release job whose environment admits only main does not run on a feature branch", model: ExampleModel.wrap("""
            definitions: {release: {path: .github/workflows/release.yml}}
            triggers: {push: {event: push, branches: [main]}}
            runners: {hosted: {hosting: hosted}}
            environments: {release: {allowedBranches: [main]}}
            jobs: {publish: {definition: release, triggers: [push], runsOn: hosted, environment: release}}
            """), footholds: ["push branch:*"], expect: "exec job:publish unprotected"),
                  RuleExample("npm's trusted publisher requires the release environment, which admits only main", model: ExampleModel.wrap("""
            definitions: {release: {path: .github/workflows/release.yml}}
            triggers: {push: {event: push, branches: [main]}}
            runners: {hosted: {hosting: hosted}}
            environments: {release: {allowedBranches: [main]}}
            resources: {npm: {type: package-registry, criticality: critical, trustedPublisherEnvironment: release}}
            jobs: {publish: {definition: release, triggers: [push], runsOn: hosted, environment: release, token: {trustedPublishing: {resource:npm: write}}}}
            """), footholds: ["push branch:*"], expect: "access resource:npm write"),
                  RuleExample("a job token's push cannot write a workflow file", model: ExampleModel.wrap("""
            definitions: {ci: {path: .github/workflows/ci.yml}}
            secrets: {NPM_TOKEN: {}}
            """), footholds: ["push branch:* write"], expect: "read secret:NPM_TOKEN")]
    )

    func conclusions(from fact: Fact, numbered number: Int, in graph: AttackGraph, known: FactStore) -> [Conclusion] {
        switch fact.node.kind {
        case .branch:
            // A job token cannot change workflow files, and its commits start no run.
            guard fact.level == .full else { return [] }
            return conclusions(pushing: fact, in: graph, known: known)
        case .environment:
            // A newly approved environment opens its secrets to branches already pushed.
            return known.facts(.push).filter { $0.level == .full }.flatMap { conclusions(pushing: $0, in: graph, known: known) }
        default:
            return []
        }
    }

    private func conclusions(pushing push: Fact, in graph: AttackGraph, known: FactStore) -> [Conclusion] {
        let model = graph.model
        let branch = push.node.name
        let protected = model.isProtected(branch: branch)
        var result: [Conclusion] = graph.localDefinitions.map { definition in
            conclude(Fact(.edit, definition.id), from: [push],
                     "the pipeline that runs for '\(branch)' is read from '\(branch)' itself (\(definition.path))", at: definition.location)
        }
        // Environments a job of the attacker's may declare: they admit the branch, and any reviewers are satisfied.
        var open: [(environment: Environment, premises: [Fact])] = []
        for environment in graph.environments where environment.admits(branch: branch) {
            if environment.requiredApprovals == 0 {
                open.append((environment, [push]))
            } else if known.has(.approve, environment.id) {
                open.append((environment, [push, Fact(.approve, environment.id)]))
            }
        }
        // Each open environment's premises by its name, looked up once per job and scoped secret.
        let openPremises = open.isEmpty ? [:]
            : Dictionary(open.map { ($0.environment.name, $0.premises) }, uniquingKeysWith: { first, _ in first })
        // The repository's own jobs, rewritten on the branch to run there: with their tokens, and
        // the registries that trust a workflow file and environment rather than a branch.
        let level = graph.runLevel(onBranch: branch)
        for definition in graph.localDefinitions {
            // The attacker picks the runner (a pool kept for protected branches takes no unprotected run).
            for defined in graph.jobs(definedBy: definition.name) {
                let job = defined.job
                var premises = [push]
                var caveats: [String] = []
                if let environment = graph.environment(of: job) {
                    guard let admitted = openPremises[environment.name] else {
                        result += publishing(job, outside: environment, onBranch: branch, push: push, open: openPremises, in: graph)
                        continue
                    }
                    premises = admitted
                    caveats = Array(graph.assumedCaveats(about: environment.id).prefix(1))
                }
                result.append(conclude(Fact(.exec, job.id, level), numbered: defined.number, from: premises,
                                       "'\(definition.path)' rewritten on '\(branch)' runs job '\(job.name)' there, as the attacker wrote it, triggers included (a push of the branch starts it, whatever \(Self.triggerKeyword(of: job)) said)",
                                       at: job.location, caveats: caveats))
            }
        }
        for (place, secret) in graph.secrets.enumerated() {
            if secret.protectedBranchesOnly, !protected { continue }
            var premises = [push]
            if let scope = secret.environment {
                guard let admitted = openPremises[scope.name] else { continue }
                premises = admitted
            }
            result.append(conclude(Fact(.read, secret.id), numbered: graph.numbering.number(ofPlace: place, among: .secret), from: premises,
                                   "a job added on '\(branch)' may reference secret '\(secret.name)', whose scope admits '\(branch)'",
                                   at: secret.location, caveats: Array(graph.assumedCaveats(about: secret.id).prefix(1))))
        }
        for (place, role) in graph.identities.enumerated() where role.trust != nil {
            let candidates: [(String?, [Fact])] = [(nil, [push])] + open.map { ($0.environment.name, $0.premises) }
            guard let match = candidates.first(where: { role.trust!.admits(event: .push, branch: branch, environment: $0.0) }) else { continue }
            result.append(conclude(Fact(.hold, role.id), numbered: graph.numbering.number(ofPlace: place, among: .identity), from: match.1,
                                   "cloud role '\(role.name)' trusts pushes to '\(branch)'\(match.0.map { " in environment '\($0)'" } ?? "")",
                                   at: role.trust!.location, caveats: [Caveat.timeBounded] + graph.assumedCaveats(about: role.id)))
        }
        for (place, runner) in graph.runners.enumerated() where !runner.protectedBranchesOnly || protected {
            if runner.lifecycle == .persistent {
                result.append(conclude(Fact(.own, runner.id), numbered: graph.numbering.number(ofPlace: place, among: .runner), from: [push],
                                       "a job added on '\(branch)' may run on persistent runner '\(runner.name)'", at: runner.location,
                                       caveats: graph.persistenceCaveats(of: runner)))
            }
            for zone in runner.reaches.sorted() {
                result.append(conclude(Fact(.reach, NodeID(.zone, zone.name)), from: [push],
                                       "a job added on '\(branch)' may run on runner '\(runner.name)', which reaches '\(zone.name)'",
                                       at: zone.location))
            }
        }
        // GitHub takes a change to a workflow file from a personal or app token only with the
        // `workflow` scope (a fine-grained token's Workflows permission), which nothing here says.
        guard model.platform == .github, let origin = known.derivation(of: push)?.origin, origin.node.kind == .identity,
              let token = model.identities[origin.node.name], token.kind == .personalToken else { return result }
        let assumed = "assumed: token '\(token.name)' may change workflow files (the `workflow` scope)"
        return result.map { conclusion in
            var conclusion = conclusion
            conclusion.derivation.caveats.insert(assumed, at: 0)
            return conclusion
        }
    }
}

extension PoisonedPipelineRule {
    /// Where the file says when a job runs, in the platform's words.
    static func triggerKeyword(of job: Job) -> String {
        switch job.platform {
        case .gitlab: "the file's `rules:`"
        case .github: "the file's `on:`"
        default: "its triggers"
        }
    }

    /// The registries that take an OIDC token of the workflow they trust for `job` (trusted
    /// publishing, `TrustedPublisherClaims`), for a job whose environment the branch cannot enter: a registry
    /// checks the workflow, and an environment only where its trusted publisher requires one, so
    /// the workflow rewritten to run the job without its environment (or in the one required,
    /// where that is open) still publishes.
    fileprivate func publishing(_ job: Job, outside environment: Environment, onBranch branch: String, push: Fact,
                                open: [String: [Fact]], in graph: AttackGraph) -> [Conclusion] {
        guard let token = job.token else { return [] }
        return token.filter(\.trustedPublishing).compactMap { grant in
            let registry = grant.target.name
            let file = TrustedPublisherClaims.trustedWorkflow(registry, of: job, platform: graph.model.platform(of: job))?.name ?? ""
            let workflow = graph.path(ofDefinition: file)
            var premises = [push]
            var caveats = [Caveat.timeBounded]
            let sentence: String
            if let required = graph.model.resources[registry]?.trustedPublisherEnvironment {
                guard required != environment.name, let admitted = open[required] else { return nil }
                premises = admitted
                sentence = "'\(workflow)' rewritten on '\(branch)' runs job '\(job.name)' in environment '\(required)', which admits '\(branch)' and which \(registry)'s trusted publisher requires: \(registry) takes its OIDC token"
            } else {
                caveats.append("assumed: " + Resource.openTrustedPublisher(registry))
                sentence = "'\(workflow)' rewritten on '\(branch)' runs job '\(job.name)' without environment '\(environment.name)', which '\(branch)' cannot enter: \(registry) trusts the workflow's OIDC token (trusted publishing), not the environment"
            }
            return conclude(Fact(.access, grant.target, Level(grant.level)), from: premises, sentence, at: grant.location,
                            caveats: caveats + graph.assumedCaveats(about: grant.target))
        }
    }

    func controls(for hop: Hop, in model: PipelineModel) -> [ModelChange] {
        switch hop.to.kind {
        case .secret:
            guard let secret = model.secrets[hop.to.name] else { return [] }
            if let scope = secret.environment {
                let restricted = model.environments[scope.name].map { $0.allowedBranches == [model.repository.defaultBranch] } ?? true
                return restricted ? [] : [ModelChange(.restrictEnvironment, NodeID(.environment, scope.name))]
            }
            var changes: [ModelChange] = []
            let users = model.sortedJobs.filter { job in job.secrets.contains { $0.name == secret.name } }
            // Scoped to the environment its users share, where that environment keeps a side branch out.
            if let first = model.soleEnvironment(ofJobsNaming: secret.name),
               model.environments[first].map({ !$0.allowedBranches.isEmpty || $0.requiredApprovals > 0 }) ?? false {
                changes.append(ModelChange(.scopeSecret, secret.id, NodeID(.environment, first)))
            } else if users.allSatisfy({ $0.environment == nil }), (users.first.map(model.platform(of:)) ?? secret.platform ?? model.platform) == .github {
                // No environment yet: one that admits the default branch only, which the jobs that use it join.
                changes.append(ModelChange(.scopeSecret, secret.id, NodeID(.environment, Environment.defaultBranchOnly)))
            }
            if secret.platform == .gitlab || model.platform == .gitlab { changes.append(ModelChange(.protectSecret, secret.id)) }
            return changes
        case .identity:
            return [ModelChange(.narrowTrust, hop.to)]
        case .resource:
            // A registry that took a workflow's token outside the publishing job's environment:
            // its trusted publisher names that environment.
            return model.requirePublisherEnvironment(of: hop.to).map { [$0] } ?? []
        case .runner:
            return [ModelChange(.protectRunner, hop.to), ModelChange(.ephemeralRunner, hop.to)]
        case .zone:
            return model.runners.values.filter { runner in !runner.protectedBranchesOnly && runner.reaches.contains { $0.name == hop.to.name } }
                .map { ModelChange(.protectRunner, $0.id) }.sorted()
        default:
            return []
        }
    }
}
