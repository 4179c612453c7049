import FirebreakModel

extension GitLabBuilder {
    /// A cache that jobs on different runners save and restore: GitLab keeps a cache on the
    /// machine of the runner that saved it, and uploads it where others fetch it only when the
    /// runners are given a distributed cache (S3, GCS or Azure) with sharing on (GitLab Docs,
    /// "Caching in GitLab CI/CD": "stored where GitLab Runner is installed and uploaded to S3 if
    /// distributed cache is enabled"). The files cannot say which: the cache is taken as one
    /// across the runners, and the hops through it say so.
    mutating func assumeCachesSharedAcrossRunners() {
        var runners: [String: Set<String>] = [:]
        for job in model.sortedJobs where job.platform == .gitlab {
            for cache in job.savesCaches + job.restoresCaches { runners[cache.name, default: []].insert(job.runsOn?.name ?? Self.sharedRunner) }
        }
        for (name, pools) in runners.sorted(by: { $0.key < $1.key }) where pools.count > 1 {
            guard let cache = model.caches[name] else { continue }
            let listed = pools.sorted()
            let named = listed.prefix(3).map { "'\($0)'" }.joined(separator: ", ") + (listed.count > 3 ? " and \(listed.count - 3) more" : "")
            _ = builder.assume(cache.id, "cache '\(name)' is one cache across the runners its jobs run on (\(named)): GitLab keeps a cache on the runner's own machine unless the runners share a distributed cache",
                               settle: "if these runners keep their caches apart, give each runner's jobs their own cache `key:`, so that the file says so",
                               at: cache.location)
        }
    }
}
