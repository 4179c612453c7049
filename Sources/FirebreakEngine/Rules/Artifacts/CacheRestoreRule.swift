import FirebreakModel

/// A job that restores a poisoned cache runs what was planted in it.
struct CacheRestoreRule: Rule {
    static let firedBy: Set<Capability> = [.poison]

    static let description = RuleDescription(
        id: "cache-restore",
        name: "Restoring a poisoned cache runs the planted code",
        summary: "A job that restores a poisoned cache of dependencies or build tools runs the attacker's code on its next run. On GitHub any job that restores one does, whatever the cached paths hold, even at its last step: the cache archive is unpacked with absolute paths (actions/toolkit's `tar -P`), so it may replace the files of the steps and post steps that run after the restore.",
        premises: "poison(C); job J restores C",
        conclusion: "exec(J) on J's next legitimate run, with what that run holds (unprotected for a cache only side branches' runs write and read, or a J that runs only for side branches and requests); off GitHub, an assumption where J neither installs dependencies nor builds, tests, scans, signs or releases by what Firebreak recognises",
        control: "Separate caches per trust level, so that release and deploy jobs restore only what trusted jobs saved; on GitHub, where every run in the default branch's context writes one cache scope whatever the key, release jobs restore no cache.",
        rationale: "Restored dependencies and tools execute during the build; the privileged job cannot tell a planted package from a cached one.",
        references: ["Ultralytics, December 2024", "TanStack, May 2026"],
        firing: [RuleExample("the release job restores the shared cache and runs what is in it", model: ExampleModel.wrap("""
            caches: {deps: {}}
            triggers: {push: {event: push}}
            runners: {hosted: {hosting: hosted}}
            jobs: {release: {triggers: [push], runsOn: hosted, restoresCaches: [deps]}}
            """), footholds: ["poison cache:deps"], expect: "exec job:release")],
        blocked: [RuleExample("a release job with its own cache restores nothing planted", model: ExampleModel.wrap("""
            caches: {deps: {}, release-deps: {}}
            triggers: {push: {event: push}}
            runners: {hosted: {hosting: hosted}}
            jobs: {release: {triggers: [push], runsOn: hosted, restoresCaches: [release-deps]}}
            """), footholds: ["poison cache:deps"], expect: "exec job:release"),
                  RuleExample("a cache only side branches write runs no protected release", model: ExampleModel.wrap("""
            caches: {deps: {scope: unprotected}}
            triggers: {push: {event: push, branches: [main]}}
            runners: {hosted: {hosting: hosted}}
            jobs: {release: {triggers: [push], runsOn: hosted, restoresCaches: [deps]}}
            """), footholds: ["poison cache:deps"], expect: "exec job:release")]
    )

    func conclusions(from fact: Fact, numbered number: Int, in graph: AttackGraph, known: FactStore) -> [Conclusion] {
        guard fact.node.kind == .cache else { return [] }
        // Only side branches' runs restore a cache only they write.
        let scope: Level = graph.cache(fact.node.name)?.scope == .unprotected ? .unprotected : .full
        // The job that planted the entry, when one did: GitLab keeps a cache on the machine of the
        // runner that saved it, so a job on another runner restores it only through a shared
        // distributed cache, which the import states as an assumption about the cache.
        let planter = known.derivation(of: fact)?.origin.flatMap { $0.node.kind == .job ? graph.model.jobs[$0.node.name] : nil }
        return graph.restorers(of: fact.node.name).map { restorer in
            let job = restorer.job
            let location = job.restoresCaches.first { $0.name == fact.node.name }!.location
            // A job that installs or builds runs what it restores. On GitHub any job does: the cache
            // archive is unpacked with absolute paths (actions/toolkit, `tar -P`), so a planted one
            // may replace the files of the steps that run after the restore (an action's code, a
            // post step), whatever the cached paths hold; the hop says how. On GitLab the cache is
            // unpacked into the project's folder: a job that neither installs nor builds by what
            // Firebreak recognises (a Pages job that copies files) may not run it, and the hop
            // says it assumes so.
            let github = job.platform == .github
            let runsRestored = job.installsDependencies || Self.rolesThatRunTheirTools.contains(job.role)
            let assumed = runsRestored || github ? [] : ["assumed: job '\(job.name)' runs something the restored cache holds, though nothing in it installs or builds by what Firebreak recognises (the cached paths are not traced into its scripts)"]
            // A runner that starts a fresh machine for each job keeps no cache of its own: what
            // its jobs restore comes through a distributed cache (looked up for GitLab jobs only).
            let gitlab = job.platform == .gitlab && planter?.platform == .gitlab
            let fresh = gitlab && graph.runner(of: job)?.lifecycle == .ephemeral
            let elsewhere = gitlab && (planter?.runsOn?.name != job.runsOn?.name || fresh)
            // A job on the restorer's own runner that saves the cache, and runs the attacker's
            // code already, plants it there with no sharing (a GitLab pipeline's jobs are few).
            let plantedHere = elsewhere && !fresh && graph.model.jobs.values.contains { saver in
                saver.name != job.name && saver.runsOn?.name == job.runsOn?.name && saver.savesCaches.contains { $0.name == fact.node.name }
                    && known.has(.exec, saver.id, atLeast: scope)
            }
            let shared = elsewhere && !plantedHere ? graph.assumedCaveats(about: fact.node) : []
            // Restored at its last step, the cache still runs: GitHub's cache archive is unpacked
            // with absolute paths (actions/toolkit, `tar -P`), so it may replace the files of the
            // post steps that run after it (a checkout's clean-up, a cache action's save).
            let last = job.restoresAfterItsSteps
                ? ", at its last step: after it run only the post steps of the job's actions (a checkout's clean-up, a cache's save), whose files the archive may replace, since it is unpacked with absolute paths"
                : github && !job.installsDependencies
                ? ", whose archive is unpacked with absolute paths: a planted one may replace the files of the steps after the restore (an action's code, a script), whatever the cached paths hold" : ""
            return conclude(Fact(.exec, job.id, min(scope, graph.legitimateLevel(of: restorer))), numbered: restorer.number, from: [fact], "job '\(job.name)' restores cache '\(fact.node.name)'\(last)",
                            at: location, caveats: [Caveat.nextRun] + shared + assumed)
        }
    }
}

extension CacheRestoreRule {
    /// Roles whose work runs the dependencies and tools a cache holds.
    static let rolesThatRunTheirTools: Set<Job.Role> = [.build, .test, .scan, .sign, .release]

    func controls(for hop: Hop, in model: PipelineModel) -> [ModelChange] {
        guard let cache = hop.from, cache.kind == .cache else { return [] }
        // GitHub keeps one cache scope for the default branch's context, which every run there
        // writes whatever the key: a key of the job's own sets nothing apart.
        guard let job = model.jobs[hop.to.name], model.platform(of: job) == .github else { return [ModelChange(.separateCache, hop.to, cache)] }
        return [ModelChange(.dropCacheRestore, hop.to, cache)]
    }
}
