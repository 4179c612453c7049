import FirebreakModel

/// Code running in a job reads every secret the platform hands that job.
struct JobSecretsRule: Rule {
    static let firedBy: Set<Capability> = [.exec]

    static let description = RuleDescription(
        id: "job-secrets",
        name: "A job's secrets are its code's secrets",
        summary: "Code running in a job reads every secret the platform hands to that job.",
        premises: "exec(J) with full privileges, or unprotected when S is not kept for protected branches; the platform exposes secret S to J",
        conclusion: "read(S)",
        control: "Scope S to an environment or protected branch that J does not run in, or stop J from referencing it. On GitHub a job receives only the secrets it references; on GitLab a CI/CD variable reaches every job unless it is protected or environment-scoped.",
        rationale: "Secrets are decrypted into the runner for the whole job: any step, including a compromised third-party action, can read them from the environment or the runner's memory, as the tj-actions/changed-files compromise did in 2025.",
        references: ["OWASP CICD-SEC-6 Insufficient Credential Hygiene", "tj-actions/changed-files compromise (CVE-2025-30066)"],
        firing: [RuleExample("a build job that references the deploy key can read it", model: ExampleModel.wrap("""
            triggers: {push: {event: push, branches: [main]}}
            runners: {hosted: {hosting: hosted}}
            secrets: {DEPLOY_KEY: {}}
            jobs: {build: {triggers: [push], runsOn: hosted, secrets: [DEPLOY_KEY]}}
            """), footholds: ["exec job:build"], expect: "read secret:DEPLOY_KEY"),
                 RuleExample("its run on a side branch reads a secret not kept for protected branches", model: ExampleModel.wrap("""
            triggers: {push: {event: push}}
            runners: {hosted: {hosting: hosted}}
            secrets: {NPM_TOKEN: {}}
            jobs: {build: {triggers: [push], runsOn: hosted, secrets: [NPM_TOKEN]}}
            """), footholds: ["exec job:build unprotected"], expect: "read secret:NPM_TOKEN")],
        blocked: [RuleExample("the same key scoped to the production environment does not reach the build job", model: ExampleModel.wrap("""
            triggers: {push: {event: push, branches: [main]}}
            runners: {hosted: {hosting: hosted}}
            environments: {production: {}}
            secrets: {DEPLOY_KEY: {environment: production}}
            jobs: {build: {triggers: [push], runsOn: hosted, secrets: [DEPLOY_KEY]}}
            """), footholds: ["exec job:build"], expect: "read secret:DEPLOY_KEY"),
                  RuleExample("a key kept for protected branches does not reach the build's run on a side branch", model: ExampleModel.wrap("""
            triggers: {push: {event: push}}
            runners: {hosted: {hosting: hosted}}
            secrets: {DEPLOY_KEY: {protectedBranchesOnly: true}}
            jobs: {build: {triggers: [push], runsOn: hosted, secrets: [DEPLOY_KEY]}}
            """), footholds: ["exec job:build unprotected"], expect: "read secret:DEPLOY_KEY")]
    )

    func conclusions(from fact: Fact, numbered number: Int, in graph: AttackGraph, known: FactStore) -> [Conclusion] {
        guard fact.level.isRepositoryRun, fact.node.kind == .job else { return [] }
        // GitHub hands a step only the secrets written into it, but sends the runner every secret
        // the job names, held in its memory for the whole job (GitHub Docs, *Using secrets in
        // GitHub Actions*; read from there in the tj-actions compromise); GitLab puts a job's
        // variables in the environment of its whole script.
        let job = graph.job(numbered: number)
        let reads = job?.platform == .github
            ? "the runner holds it for every step, and a step not handed it can read it from the runner's memory"
            : "any step can read it"
        // GitLab hands a job every variable its ref may have, named or not: the hop's place is
        // then where the variable is named, in another job.
        let unnamed = { (secret: Secret) in
            job.map { graph.model.platform(of: $0) == .gitlab && !$0.secrets.contains { $0.name == secret.name } } ?? false
                ? " without naming it (GitLab hands a job every variable its ref and environment may have)" : ""
        }
        // A side branch's run gets no secret kept for protected branches.
        return graph.secrets(exposedToJobNumbered: number).filter { fact.level == .full || !$0.secret.protectedBranchesOnly }.map { exposed in
            // What the import assumed of the secret (its scope, what it holds), the hop says; a
            // run as written of a job that names it receives it whatever its level. Not so a
            // side branch's run or a rewritten job's, nor a job that reads every secret at once.
            let caveats = graph.assumedCaveats(aboutSecret: exposed.secret.id) {
                fact.level == .full && known.rule(of: fact) != PoisonedPipelineRule.description.id
                    && job.map { !$0.secrets.contains { $0.name == Secret.everyRepositorySecret } } == true
            }
            return conclude(Fact(.read, exposed.secret.id), numbered: exposed.number, from: [fact],
                            "job '\(fact.node.name)' receives secret '\(exposed.secret.name)' for its whole run\(unnamed(exposed.secret)): \(reads)", at: exposed.location,
                            caveats: caveats)
        }
    }
}

extension JobSecretsRule {
    func controls(for hop: Hop, in model: PipelineModel) -> [ModelChange] {
        guard let job = hop.from.flatMap({ model.jobs[$0.name] }), let secret = model.secrets[hop.to.name] else { return [] }
        // Replacing the stored key with OIDC deletes the secret itself.
        let replaced = secret.carries.flatMap { model.identities[$0.name] }
            .flatMap { $0.lifetime == .static && $0.kind != .personalToken && $0.kind != .jobToken ? ModelChange(.shortLivedCredential, $0.id) : nil }
        // A job that names it stops receiving it when it no longer does, where the platform hands
        // a job only what it names (GitLab hands every job every variable its ref may have).
        if !model.platform(of: job).exposesUnreferencedSecrets, job.secrets.contains(where: { $0.name == secret.name }) {
            return [ModelChange(.withholdSecret, job.id, secret.id)] + (replaced.map { [$0] } ?? [])
        }
        // A variable the platform hands to every job: scoped to the one environment the jobs that
        // use it deploy through, it reaches only them (GitLab Docs, *Limit the environment scope
        // of a CI/CD variable*); kept for protected branches, it reaches no side branch's run.
        var changes: [ModelChange] = []
        if secret.environment == nil, let scope = model.soleEnvironment(ofJobsNaming: secret.name), job.environment?.name != scope {
            changes.append(ModelChange(.scopeSecret, secret.id, NodeID(.environment, scope)))
        }
        if !model.runsOnProtectedBranch(job), !secret.protectedBranchesOnly { changes.append(ModelChange(.protectSecret, secret.id)) }
        return changes
    }
}
