extension PipelineModel {
    /// The change that makes `registry`'s trusted publisher require an environment a job that
    /// publishes to it (the registry takes its workflow's OIDC token) runs in, the first by name
    /// other than `excluded` (the environment of the job to keep out): what it could require
    /// without stopping a legitimate release. Nil where it requires one already, or where no
    /// such job runs in another environment.
    public func requirePublisherEnvironment(of registry: NodeID, excluding excluded: String? = nil) -> ModelChange? {
        guard resources[registry.name]?.trustedPublisherEnvironment == nil else { return nil }
        let publishers = jobs.values.filter { job in job.token?.contains { $0.trustedPublishing && $0.target == registry } ?? false }
        let environments = Set(publishers.compactMap(\.environment?.name)).subtracting([excluded].compactMap { $0 })
        return environments.min().map { ModelChange(.requirePublisherEnvironment, registry, NodeID(.environment, $0)) }
    }
}
