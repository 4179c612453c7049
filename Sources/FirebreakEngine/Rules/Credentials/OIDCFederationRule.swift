import FirebreakModel

/// A job that may mint OIDC tokens assumes every cloud role whose trust policy accepts it.
struct OIDCFederationRule: Rule {
    static let firedBy: Set<Capability> = [.exec]

    static let description = RuleDescription(
        id: "oidc-federation",
        name: "OIDC turns a job into every role that trusts it",
        summary: "Code in a job that may mint OIDC tokens assumes each cloud role whose trust policy accepts the job's claims.",
        premises: "exec(J) with full privileges, or on a side branch R accepts; J may mint OIDC tokens; role R trusts J's repository, branch, environment and event",
        conclusion: "hold(R), time-bounded",
        control: "Trust conditions that name exactly the environment (or protected branch and event) that only the intended job runs in. A policy that accepts pull-request refs, or any ref, is a finding in itself.",
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
            """), footholds: ["exec job:build unprotected"], expect: "hold identity:deployer")],
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
            """), footholds: ["exec job:build unprotected"], expect: "hold identity:deployer")]
    )

    func conclusions(from fact: Fact, numbered number: Int, in graph: AttackGraph, known: FactStore) -> [Conclusion] {
        guard fact.node.kind == .job, fact.level.isRepositoryRun else { return [] }
        var roles = graph.roles(trustingJobNumbered: number)
        if fact.level == .unprotected, let job = graph.job(numbered: number) {
            // An unprotected run presents its own ref in its claims: only a role that accepts one
            // of the job's unprotected runs, or a push to some other side branch (a pipeline the
            // attacker rewrote there).
            let runs = graph.unprotectedRuns(of: job) + [(event: Trigger.Event.push, branch: Branch.anyOther)]
            roles = roles.filter { role in
                runs.contains { role.trust?.admits(event: $0.event, branch: $0.branch, environment: job.environment?.name) ?? false }
            }
        }
        return roles.map { role in
            conclude(Fact(.hold, role.id), from: [fact],
                     "job '\(fact.node.name)' mints an OIDC token that cloud role '\(role.name)' accepts",
                     at: role.trust?.location ?? role.location, caveats: [Caveat.timeBounded] + graph.assumedCaveats(about: role.id))
        }
    }
}

extension OIDCFederationRule {
    func controls(for hop: Hop, in model: PipelineModel) -> [ModelChange] {
        guard let role = model.identities[hop.to.name], let trust = role.trust,
              trust.environments.isEmpty, trust.branches.isEmpty || trust.admitsPullRequests else { return [] }
        return [ModelChange(.narrowTrust, hop.to)]
    }
}
