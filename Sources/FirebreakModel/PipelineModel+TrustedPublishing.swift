extension PipelineModel {
    /// The environments of the jobs that publish to `registry` by trusted publishing (the
    /// registry takes their workflow's OIDC token), sorted: what its trusted publisher could
    /// require without stopping a legitimate release.
    public func publishingEnvironments(of registry: NodeID) -> [String] {
        let publishers = jobs.values.filter { job in job.token?.contains { $0.trustedPublishing && $0.target == registry } ?? false }
        return Set(publishers.compactMap(\.environment?.name)).sorted()
    }
}
