extension PipelineModel {
    /// Whether a job token's grant is its OIDC token's (`id-token: write`): a registry's trusted
    /// publishing, or the Sigstore identity a keyless signature is certified as. A read-only
    /// GITHUB_TOKEN keeps it; only a job that no longer mints OIDC tokens loses it.
    public func isGrantedToOIDCToken(_ grant: Grant, of job: Job) -> Bool {
        grant.trustedPublishing || job.oidc && grant.target.kind == .resource && resources[grant.target.name]?.kind == .signingService
    }

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
