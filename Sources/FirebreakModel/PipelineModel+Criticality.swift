extension PipelineModel {
    /// How much a node matters: what the model declares, else what it leads to.
    ///
    /// Resources carry their own criticality. An identity is as critical as the most critical
    /// target it can write to or administer (one step less for read-only grants, low for reading
    /// a public repository, which anyone may); a secret as
    /// critical as the identity it carries; an environment marked production is critical. The
    /// rest default to low (triggers, steps, zones, jobs) or medium (artifacts, caches, runners,
    /// branches, definitions, environments).
    public func criticality(of id: NodeID) -> Criticality {
        switch id.kind {
        case .resource:
            return resources[id.name]?.criticality ?? .medium
        case .identity:
            return identities[id.name].map(criticality(of:)) ?? .low
        case .secret:
            return secrets[id.name].map(criticality(of:)) ?? .low
        case .environment:
            return environments[id.name].map(criticality(of:)) ?? .medium
        case .artifact:
            return artifacts[id.name]?.criticality ?? .medium
        case .cache:
            return caches[id.name]?.criticality ?? .medium
        case .repository:
            return repository.criticality ?? .high
        case .runner, .branch, .definition:
            return .medium
        case .actor, .trigger, .job, .step, .zone:
            return .low
        }
    }

    /// An identity's criticality (`criticality(of:)`), for a caller that holds the identity.
    package func criticality(of identity: Identity) -> Criticality {
        identity.criticality ?? identity.grants.map { grantCriticality($0) }.max() ?? .low
    }

    /// A secret's criticality (`criticality(of:)`), for a caller that holds the secret.
    package func criticality(of secret: Secret) -> Criticality {
        if let declared = secret.criticality { return declared }
        if let carried = secret.carries { return criticality(of: NodeID(.identity, carried.name)) }
        return secret.production ? .critical : .medium
    }

    /// An environment's criticality (`criticality(of:)`), for a caller that holds the environment.
    package func criticality(of environment: Environment) -> Criticality {
        environment.criticality ?? (environment.production ? .critical : .medium)
    }

    private func grantCriticality(_ grant: Grant) -> Criticality {
        // Anyone reads a public repository: a credential that only reads it holds nothing more,
        // as the repository itself reached for reading counts as low.
        if grant.level == .read, grant.target == repository.id, repository.visibility == .public { return .low }
        let target = criticality(of: grant.target)
        guard grant.level == .read, let lower = Criticality.allCases.last(where: { $0 < target }) else { return target }
        return lower
    }

    /// Whether a node belongs to production: a production resource or environment, a secret
    /// scoped to a production environment or carrying a production identity, an identity with a
    /// grant on a production resource.
    public func isProduction(_ id: NodeID) -> Bool {
        switch id.kind {
        case .resource:
            return resources[id.name]?.production ?? false
        case .environment:
            return environments[id.name]?.production ?? false
        case .identity:
            return identities[id.name].map(isProduction(_:)) ?? false
        case .secret:
            return secrets[id.name].map(isProduction(_:)) ?? false
        default:
            return false
        }
    }

    /// Whether an identity the caller holds belongs to production (`isProduction(_:)`).
    package func isProduction(_ identity: Identity) -> Bool {
        identity.grants.contains { isProduction($0.target) }
    }

    /// Whether a secret the caller holds belongs to production (`isProduction(_:)`).
    package func isProduction(_ secret: Secret) -> Bool {
        if secret.production { return true }
        if let environment = secret.environment, isProduction(NodeID(.environment, environment.name)) { return true }
        if let carried = secret.carries { return isProduction(NodeID(.identity, carried.name)) }
        return false
    }

    /// Whether an identity the caller holds is a crown jewel (`isCrownJewel(_:)`).
    package func isCrownJewel(_ identity: Identity, criticality: Criticality) -> Bool {
        identity.kind != .jobToken && (criticality == .critical || isProduction(identity))
    }

    /// Whether a secret the caller holds is a crown jewel (`isCrownJewel(_:)`).
    package func isCrownJewel(_ secret: Secret, criticality: Criticality) -> Bool {
        criticality == .critical || isProduction(secret)
    }

    /// Whether a resource the caller holds is a crown jewel (`isCrownJewel(_:)`): its
    /// criticality is its own (`criticality(of:)`).
    package func isCrownJewel(_ resource: Resource) -> Bool {
        resource.criticality == .critical || resource.production
    }

    /// Whether an environment the caller holds is a crown jewel (`isCrownJewel(_:)`).
    package func isCrownJewel(_ environment: Environment, criticality: Criticality) -> Bool {
        criticality == .critical || environment.production
    }

    /// A crown jewel is critical or belongs to production; a job's own token never is one.
    public func isCrownJewel(_ id: NodeID) -> Bool {
        isCrownJewel(id, criticality: criticality(of: id))
    }

    /// Whether a node is a crown jewel, given its criticality (`criticality(of:)`), for a
    /// caller that has already worked it out.
    package func isCrownJewel(_ id: NodeID, criticality: Criticality) -> Bool {
        // A job's own token lasts as long as the job: what it writes is the jewel, not the token,
        // which would otherwise count once for every job that holds the same grant.
        if id.kind == .identity, identities[id.name]?.kind == .jobToken { return false }
        return criticality == .critical || isProduction(id)
    }
}
