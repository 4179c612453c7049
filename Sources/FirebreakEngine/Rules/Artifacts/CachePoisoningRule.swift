import FirebreakModel

/// A job that saves a cache decides what later restores of it contain.
struct CachePoisoningRule: Rule {
    static let firedBy: Set<Capability> = [.exec]

    static let description = RuleDescription(
        id: "cache-poisoning",
        name: "A job that saves a cache poisons it",
        summary: "Code running in a job that saves a cache writes what every later restore of that cache gets.",
        premises: "exec(J) with full privileges; J saves cache C, or on GitHub runs in the default branch's context, whose cache any code can write (a fork pull request's run saves only to its own scope; a side branch's run does not write a cache only protected runs write)",
        conclusion: "poison(C)",
        control: "Jobs of different trust never share a cache: give release jobs their own cache key and scope, or no cache at all.",
        rationale: "GitHub Actions cache writes ignore `permissions: contents: read`, and until June 2026 pull_request_target runs wrote the default branch's cache scope; Ultralytics (2024) and TanStack (2026) releases restored poisoned caches. Side branches write only their own scope (GitHub) or the unprotected one (GitLab).",
        references: ["Ultralytics, December 2024", "TanStack, May 2026", "OWASP CICD-SEC-9 Improper Artifact Integrity Validation"],
        firing: [RuleExample("a compromised test job poisons the dependency cache it saves", model: ExampleModel.wrap("""
            caches: {deps: {}}
            triggers: {push: {event: push}}
            runners: {hosted: {hosting: hosted}}
            jobs: {test: {triggers: [push], runsOn: hosted, savesCaches: [deps]}}
            """), footholds: ["exec job:test"], expect: "poison cache:deps"),
                 RuleExample("a compromised GitLab test job poisons the cache it saves", model: ExampleModel.wrap("""
            caches: {deps: {}}
            triggers: {push: {event: push}}
            runners: {hosted: {hosting: hosted}}
            jobs: {test: {triggers: [push], runsOn: hosted, savesCaches: [deps]}}
            """, platform: "gitlab"), footholds: ["exec job:test"], expect: "poison cache:deps")],
        blocked: [RuleExample("a fork pull request's run saves only to its own scope", model: ExampleModel.wrap("""
            caches: {deps: {}}
            triggers: {pr: {event: pull_request}}
            runners: {hosted: {hosting: hosted}}
            jobs: {test: {triggers: [pr], runsOn: hosted, savesCaches: [deps]}}
            """), footholds: ["exec job:test untrusted"], expect: "poison cache:deps"),
                  RuleExample("a side branch's run does not write the cache only protected runs write", model: ExampleModel.wrap("""
            caches: {deps: {scope: protected}}
            triggers: {push: {event: push}}
            runners: {hosted: {hosting: hosted}}
            jobs: {test: {triggers: [push], runsOn: hosted, savesCaches: [deps]}}
            """), footholds: ["exec job:test unprotected"], expect: "poison cache:deps")]
    )

    func conclusions(from fact: Fact, numbered number: Int, in graph: AttackGraph, known: FactStore) -> [Conclusion] {
        guard fact.node.kind == .job, fact.level.isRepositoryRun, let job = graph.job(numbered: number) else { return [] }
        // A side branch's run writes only the caches side branches share, never one that only
        // protected runs write.
        let saved = fact.level == .full ? job.savesCaches : job.savesCaches.filter { graph.cache($0.name)?.scope != .protected }
        // GitHub never overwrites a cache entry (GitLab saves over it): what limits the poisoning.
        let github = graph.model.platform(of: job) == .github
        let caveats = github ? [Caveat.immutableCacheEntry] : []
        // Many jobs save one cache: most of these are known already.
        return saved.sorted().filter { !known.keeps(Fact(.poison, NodeID(.cache, $0.name)), withCaveatsAtMost: caveats.count) }.map { cache in
            // On GitHub the write needs no cache step: the cache service's token is in the
            // runner for any code a run in the default branch's context executes, which is
            // what an imported job's save stands for (a model's own job saves as it says).
            let why = job.platform == .github ? "job '\(job.name)' has runs in the default branch's context (on the event cited): any code they run can write that context's cache '\(cache.name)', cache step or not"
                : "job '\(job.name)' saves cache '\(cache.name)'"
            return conclude(Fact(.poison, NodeID(.cache, cache.name)), from: [fact], why, at: cache.location, caveats: caveats)
        }
    }
}

extension CachePoisoningRule {
    func controls(for hop: Hop, in model: PipelineModel) -> [ModelChange] {
        guard let job = hop.from, job.kind == .job else { return [] }
        // On GitHub any code a run in the default branch's context runs writes its cache scope,
        // cache step or not: only its restorers' side cuts the hop (`CacheRestoreRule`).
        if let saver = model.jobs[job.name], model.platform(of: saver) == .github { return [] }
        return [ModelChange(.separateCache, job, hop.to)]
    }
}
