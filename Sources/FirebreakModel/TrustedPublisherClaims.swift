/// Which workflow file a registry's trusted publisher matches in a GitHub Actions OIDC token.
/// PyPI checks `job_workflow_ref`, the file that holds the job (a called workflow's own);
/// crates.io and npm check `workflow_ref`, the run's top-level workflow (the caller); for the
/// others it is not known, and both are taken (more jobs publish). GitLab's ID token names the
/// top-level pipeline file.
public enum TrustedPublisherClaims {
    static func checksJobWorkflow(_ registry: String) -> Bool { registry != "npm" && registry != "crates.io" }
    static func checksRunWorkflow(_ registry: String) -> Bool { registry != "pypi" }

    /// Whether a GitHub OIDC token minted in `job` names the workflow the registry trusts for
    /// `publisher`'s releases.
    public static func accepts(_ registry: String, tokenOf job: Job, trustedFor publisher: Job) -> Bool {
        func same(_ a: Reference?, _ b: Reference?) -> Bool { a != nil && a?.name == b?.name }
        return (checksJobWorkflow(registry) && same(job.definition, publisher.definition))
            || (checksRunWorkflow(registry) && same(job.runDefinition, publisher.runDefinition))
    }

    /// The workflow a rewrite changes to publish as `publisher`: the one the registry checks
    /// (for a registry that may check either, the run's top-level one).
    public static func trustedWorkflow(_ registry: String, of publisher: Job, platform: Platform) -> Reference? {
        platform == .gitlab || checksRunWorkflow(registry) ? publisher.runDefinition : publisher.definition
    }
}
