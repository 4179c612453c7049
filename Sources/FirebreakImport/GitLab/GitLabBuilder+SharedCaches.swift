import FirebreakModel

extension GitLabBuilder {
    /// A cache that jobs on different runners save and restore, or on runners that start a fresh
    /// machine for each job: GitLab keeps a cache on the machine of the runner that saved it,
    /// and uploads it where others fetch it only when the runners are given a distributed cache
    /// (S3, GCS or Azure) with sharing on (GitLab Docs, "Caching in GitLab CI/CD": "stored where
    /// GitLab Runner is installed and uploaded to S3 if distributed cache is enabled"); a machine
    /// made for one job keeps none for the next. The files cannot say which: the cache is taken
    /// as one across the runners and their machines, and the hops through it say so.
    mutating func assumeCachesSharedAcrossRunners() {
        var runners: [String: Set<String>] = [:]
        for job in model.sortedJobs where job.platform == .gitlab {
            for cache in job.savesCaches + job.restoresCaches { runners[cache.name, default: []].insert(job.runsOn?.name ?? Self.sharedRunner) }
        }
        for (name, pools) in runners.sorted(by: { $0.key < $1.key }) {
            let fresh = pools.filter { model.runners[$0]?.lifecycle == .ephemeral }.sorted()
            guard pools.count > 1 || !fresh.isEmpty, let cache = model.caches[name] else { continue }
            func named(_ listed: [String]) -> String {
                listed.prefix(3).map { "'\($0)'" }.joined(separator: ", ") + (listed.count > 3 ? " and \(listed.count - 3) more" : "")
            }
            let across = pools.count > 1 ? "is one cache across the runners its jobs run on (\(named(pools.sorted())))" : "outlives the machine that saved it"
            let machines = fresh.isEmpty ? "" : "; \(named(fresh)) \(fresh.count == 1 ? "starts" : "start") a fresh machine for each job, which keeps no cache for the next unless that one is shared"
            _ = builder.assume(cache.id, "cache '\(name)' \(across), as a distributed cache the runners share makes it: GitLab keeps a cache on the runner's own machine unless they share one (S3, GCS or Azure)\(machines)",
                               settle: "if these runners keep their caches apart, give each runner's jobs their own cache `key:`, so that the file says so",
                               at: cache.location)
        }
    }
}
