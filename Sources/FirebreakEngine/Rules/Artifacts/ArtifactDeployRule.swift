import FirebreakModel

/// A tampered artifact is shipped by the next legitimate deployment.
struct ArtifactDeployRule: Rule {
    static let firedBy: Set<Capability> = [.write]

    static let description = RuleDescription(
        id: "artifact-deploy",
        name: "A release ships the tampered artifact",
        summary: "A job that deploys an artifact the attacker wrote delivers the attacker's code to its target in a legitimate release: the run that built it, or the next to pull it.",
        premises: "write(A); job J deploys A to X (for a fork pull request's artifact, only a J started by workflow_run picks it up; for a side branch's, that or a J that runs on side branches and does not deploy only with credentials kept for protected branches, unless the platform deploys X itself; a J that makes A itself deploys it in the run that wrote it)",
        conclusion: "access(X, deploy), delivered by a legitimate release that takes it in",
        control: "Nothing at the gate: an approver approves a release they cannot see into, and the artifact's signature is valid. What limits it: a canary with automated rollback exposes only its share first; a deploy job that builds nothing it did not verify against an independent rebuild.",
        rationale: "This is why a compromised build still matters in a hardened pipeline: least privilege keeps production credentials away from the build, but the build's output is what production runs.",
        references: ["Separation of duties reading: canary and progressive rollout as a control", "SolarWinds SUNSPOT, 2020", "TanStack, May 2026: malicious versions published with valid provenance"],
        firing: [RuleExample("the deploy job ships a tampered image to the cluster", model: ExampleModel.wrap("""
            resources: {cluster: {type: cluster, criticality: critical}}
            artifacts: {image: {}}
            triggers: {push: {event: push}}
            runners: {hosted: {hosting: hosted}}
            jobs: {deploy: {triggers: [push], runsOn: hosted, consumes: {image: {use: deploy, deploysTo: cluster}}}}
            """), footholds: ["write artifact:image"], expect: "access resource:cluster deploy"),
                 RuleExample("a side branch's run of a job that deploys what it makes deploys it", model: ExampleModel.wrap("""
            resources: {site: {type: other, criticality: high}}
            artifacts: {public: {}}
            triggers: {push: {event: push, branches: [main]}}
            runners: {hosted: {hosting: hosted}}
            jobs: {pages: {triggers: [push], runsOn: hosted, produces: [public], consumes: {public: {use: deploy, deploysTo: site}}}}
            """), footholds: ["write artifact:public unprotected"], expect: "access resource:site deploy"),
                 RuleExample("a site the platform publishes takes a side branch's deployment, whatever the job's secrets", model: ExampleModel.wrap("""
            resources: {site: {type: other, criticality: high, deployedByPlatform: true}}
            artifacts: {public: {}}
            secrets: {DEPLOY_KEY: {protectedBranchesOnly: true}}
            triggers: {push: {event: push}}
            runners: {hosted: {hosting: hosted}}
            jobs: {pages: {triggers: [push], runsOn: hosted, secrets: [DEPLOY_KEY], produces: [public], consumes: {public: {use: deploy, deploysTo: site}}}}
            """), footholds: ["write artifact:public unprotected"], expect: "access resource:site deploy")],
        blocked: [RuleExample("a fork pull request's artifact never leaves its own run", model: ExampleModel.wrap("""
            resources: {cluster: {type: cluster, criticality: critical}}
            artifacts: {image: {}}
            triggers: {push: {event: push}}
            runners: {hosted: {hosting: hosted}}
            jobs: {deploy: {triggers: [push], runsOn: hosted, consumes: {image: {use: deploy, deploysTo: cluster}}}}
            """), footholds: ["write artifact:image untrusted"], expect: "access resource:cluster deploy"),
                 RuleExample("a side branch's run of a deploy job gets none of the credentials it deploys with, kept for protected branches", model: ExampleModel.wrap("""
            resources: {cluster: {type: cluster, criticality: critical}}
            artifacts: {bundle: {}}
            secrets: {DEPLOY_KEY: {protectedBranchesOnly: true}}
            triggers: {push: {event: push}}
            runners: {hosted: {hosting: hosted}}
            jobs: {deploy: {triggers: [push], runsOn: hosted, secrets: [DEPLOY_KEY], produces: [bundle], consumes: {bundle: {use: deploy, deploysTo: cluster}}}}
            """), footholds: ["write artifact:bundle unprotected"], expect: "access resource:cluster deploy")]
    )

    func conclusions(from fact: Fact, numbered number: Int, in graph: AttackGraph, known: FactStore) -> [Conclusion] {
        guard fact.node.kind == .artifact else { return [] }
        return graph.consumers(ofNumbered: number, named: fact.node.name).compactMap { consumer in
            guard consumer.use.use == .deploy, let target = consumer.use.deploysTo else { return nil }
            // An unprotected run's artifact is deployed in that run, which the attacker starts (a
            // job started by workflow_run picks it up in a run of its own), and only with what a
            // side branch's run receives.
            let sameRun = fact.level == .unprotected && !graph.isTriggered(consumer.job, by: { $0 == .workflowRun })
            // A target the platform deploys to itself (a Pages site) takes any run's deployment.
            let needsCredential = sameRun && !(graph.model.resources[target.name]?.deployedByPlatform ?? false)
            // Weighed only for a job that deploys the artifact at all.
            func credential() -> (deploys: Bool, caveats: [String]) {
                needsCredential ? graph.unprotectedDeploy(consumer.job, to: NodeID(.resource, target.name)) : (true, [])
            }
            // A job that deploys what it made itself (GitLab's pages job publishes its own `public`
            // folder) does so in the run that wrote it, whoever started that run.
            if consumer.job.produces.contains(where: { $0.name == fact.node.name }) {
                let deploy = credential()
                guard deploy.deploys else { return nil }
                let caveats = (consumer.use.canaryPercent.map { [Caveat.canary($0)] } ?? []) + deploy.caveats + graph.assumedCaveats(about: NodeID(.resource, target.name))
                return conclude(Fact(.access, NodeID(.resource, target.name), .deploy), numbered: consumer.target, from: [fact],
                                "job '\(consumer.job.name)' deploys what it made, artifact '\(fact.node.name)', to '\(target.name)' in the same run",
                                at: consumer.use.location, caveats: caveats)
            }
            guard graph.pickUp(fact.node.name, writtenAt: fact.level, by: consumer.job) != nil else { return nil }
            let deploy = credential()
            guard deploy.deploys else { return nil }
            // Anything but an unprotected run's artifact is deployed by a legitimate release: the one
            // that built it, or the next to pick it up.
            var caveats = sameRun ? [] : [graph.model.platform(of: consumer.job) == .gitlab ? Caveat.legitimateReleaseInPipeline : Caveat.legitimateRelease]
            if let canary = consumer.use.canaryPercent { caveats.append(Caveat.canary(canary)) }
            caveats += graph.pickUpCaveats(fact.node.name, writtenAt: fact.level, by: consumer.job)
            caveats += Caveat.assumedDownload(consumer.use, by: consumer.job.name)
            caveats += deploy.caveats
            // What the target is taken to be, and what makes it a crown jewel, when the files only
            // suggest it (an environment's target, a Pages site).
            caveats += graph.assumedCaveats(about: NodeID(.resource, target.name))
            let run = sameRun ? ", in the run that writes it (\(graph.sharedUnprotectedRuns(fact.node.name, with: consumer.job).sorted().joined(separator: ", ")))" : ""
            return conclude(Fact(.access, NodeID(.resource, target.name), .deploy), numbered: consumer.target, from: [fact],
                            "job '\(consumer.job.name)' deploys artifact '\(fact.node.name)' to '\(target.name)'\(run)",
                            at: consumer.use.location, caveats: caveats)
        }
    }
}
