extension PipelineModel {
    /// The nodes whose facts differ between `other` and this model: changed, added or removed.
    public func nodesChanged(from other: PipelineModel) -> Set<NodeID> {
        var changed = Set<NodeID>()
        func compare<Value: Equatable>(_ mine: [String: Value], _ theirs: [String: Value], _ kind: NodeKind) {
            for (name, value) in mine where theirs[name] != value { changed.insert(NodeID(kind, name)) }
            for name in theirs.keys where mine[name] == nil { changed.insert(NodeID(kind, name)) }
        }
        if repository != other.repository { changed.insert(repository.id) }
        compare(actors, other.actors, .actor)
        compare(branches, other.branches, .branch)
        compare(definitions, other.definitions, .definition)
        compare(triggers, other.triggers, .trigger)
        compare(jobs, other.jobs, .job)
        compare(runners, other.runners, .runner)
        compare(zones, other.zones, .zone)
        compare(identities, other.identities, .identity)
        compare(secrets, other.secrets, .secret)
        compare(environments, other.environments, .environment)
        compare(artifacts, other.artifacts, .artifact)
        compare(caches, other.caches, .cache)
        compare(resources, other.resources, .resource)
        return changed
    }

    /// Each node's neighbours, either direction: the model's relations, and the lookups rules
    /// make beyond them (a secret's or a role's environment, the branches a job runs on).
    public var neighbours: [NodeID: Set<NodeID>] {
        var result: [NodeID: Set<NodeID>] = [:]
        func link(_ a: NodeID, _ b: NodeID) {
            result[a, default: []].insert(b)
            result[b, default: []].insert(a)
        }
        for edge in edges { link(edge.from, edge.to) }
        for secret in secrets.values {
            if let environment = secret.environment { link(secret.id, NodeID(.environment, environment.name)) }
        }
        for identity in identities.values {
            for environment in identity.trust?.environments ?? [] { link(identity.id, NodeID(.environment, environment)) }
        }
        for job in jobs.values {
            for trigger in job.triggers.compactMap({ triggers[$0.name] }) {
                for branch in branches(firing: trigger) { link(job.id, NodeID(.branch, branch)) }
            }
        }
        return result
    }
}
