import FirebreakModel

/// Code running in a job holds the job's automatic token.
struct JobTokenRule: Rule {
    static let firedBy: Set<Capability> = [.exec]

    static let description = RuleDescription(
        id: "job-token",
        name: "A job's automatic token is its code's token",
        summary: "Code running in a job holds the token the platform mints for the job, with its scopes.",
        premises: "exec(J) with full privileges or on a side branch; J has an automatic token with grants",
        conclusion: "hold(J.token), time-bounded",
        control: "Grant the token nothing the job does not need (`permissions: {}` or read-only at workflow level, more only on the job that needs it). A fork pull request's run gets a read-only token.",
        rationale: "GITHUB_TOKEN and CI_JOB_TOKEN are readable by every step of the job; with write scopes they push code, publish packages or approve pull requests until the job ends.",
        references: ["OWASP CICD-SEC-2 Inadequate Identity and Access Management", "Nx s1ngularity, August 2025: a write token in a pull_request_target job"],
        firing: [RuleExample("a job whose token may write the repository hands that token to its code", model: ExampleModel.wrap("""
            triggers: {push: {event: push}}
            runners: {hosted: {hosting: hosted}}
            jobs: {lint: {triggers: [push], runsOn: hosted, token: {grants: {repository:acme/app: write}}}}
            """), footholds: ["exec job:lint"], expect: "hold identity:lint.token")],
        blocked: [RuleExample("a fork pull request's run of the same job gets no usable token", model: ExampleModel.wrap("""
            triggers: {push: {event: push}}
            runners: {hosted: {hosting: hosted}}
            jobs: {lint: {triggers: [push], runsOn: hosted, token: {grants: {repository:acme/app: write}}}}
            """), footholds: ["exec job:lint untrusted"], expect: "hold identity:lint.token")]
    )

    func conclusions(from fact: Fact, numbered number: Int, in graph: AttackGraph, known: FactStore) -> [Conclusion] {
        // A side branch's run gets the same token: its grants do not depend on the branch.
        guard fact.node.kind == .job, fact.level.isRepositoryRun, let job = graph.job(numbered: number), let token = job.token,
              !token.isEmpty else { return [] }
        let identity = NodeID(.identity, job.tokenIdentityName)
        // Where its grants are assumed (a workflow that sets no permissions), the hop says so.
        let caveats = [Caveat.timeBounded] + graph.assumedCaveats(about: identity)
        // The token is held already with no more caveats (the job runs at another level too): the
        // conclusion would change nothing, and its long sentence is not written again.
        guard !known.keeps(Fact(.hold, identity), withCaveatsAtMost: caveats.count) else { return [] }
        let scopes = token.map { "\($0.level.rawValue) on \($0.target)" }.joined(separator: ", ")
        return [conclude(Fact(.hold, identity), from: [fact], "job '\(job.name)' is given an automatic token (\(scopes))", at: token[0].location,
                         caveats: caveats)]
    }
}
