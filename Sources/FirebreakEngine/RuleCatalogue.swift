/// The built-in rules, sorted by id. A test checks that every rule file is listed here,
/// that ids are unique, and that every rule has firing and blocked examples.
public enum RuleCatalogue {
    public static let all: [any Rule] = [
        ActorCredentialsRule(),
        ArtifactDeployRule(),
        ArtifactExecutionRule(),
        ArtifactPassThroughRule(),
        BuildOutputRule(),
        CachePoisoningRule(),
        CacheRestoreRule(),
        CommittedCredentialRule(),
        DefinitionHijackRule(),
        DispatchRule(),
        EnvironmentGateRule(),
        ForkPullRequestRule(),
        IdentityGrantsRule(),
        JobSecretsRule(),
        JobTokenRule(),
        NetworkReachRule(),
        NetworkTrustRule(),
        OIDCFederationRule(),
        PersistentRunnerRule(),
        PersonalTokenRule(),
        PoisonedPipelineRule(),
        PrivilegedTriggerRule(),
        PushRule(),
        PushTriggerRule(),
        RunnerHijackRule(),
        SecretCredentialRule(),
        SelfApprovalRule(),
        StoreTamperRule(),
        TagPushRule(),
        UngatedRunRule(),
    ]

    /// The descriptions of every rule, sorted by id.
    public static var descriptions: [RuleDescription] {
        all.map { type(of: $0).description }.sorted { $0.id < $1.id }
    }

    /// The rule with this id.
    public static func rule(id: String) -> (any Rule)? {
        all.first { type(of: $0).description.id == id }
    }
}
