extension PipelineModel {
    /// Every relation the model states or implies, sorted.
    public var edges: [Edge] {
        var edges: [Edge] = []
        for actor in actors.values {
            for held in actor.holds {
                edges.append(Edge(.holds, from: actor.id, to: NodeID(.identity, held.name), location: held.location))
            }
        }
        for identity in identities.values {
            if let owner = identity.owner, actors[owner.name] != nil,
               !(actors[owner.name]!.holds.contains { $0.name == identity.name }) {
                edges.append(Edge(.holds, from: NodeID(.actor, owner.name), to: identity.id, location: owner.location))
            }
            for grant in identity.grants {
                edges.append(Edge(.grants, from: identity.id, to: grant.target, level: grant.level, location: grant.location))
            }
        }
        for branch in branches.values {
            guard let protection = branch.protection, protection.codeOwnerReview else { continue }
            for definition in definitions.values where !definition.owners.isEmpty && !definition.isExternal {
                edges.append(Edge(.protects, from: branch.id, to: definition.id, location: branch.location))
            }
        }
        for secret in secrets.values {
            if let carried = secret.carries {
                edges.append(Edge(.carries, from: secret.id, to: NodeID(.identity, carried.name), location: carried.location))
            }
        }
        for environment in environments.values {
            for reviewer in environment.reviewers {
                edges.append(Edge(.reviews, from: NodeID(.actor, reviewer.name), to: environment.id, location: reviewer.location))
            }
        }
        for runner in runners.values {
            for zone in runner.reaches {
                edges.append(Edge(.reaches, from: runner.id, to: NodeID(.zone, zone.name), location: zone.location))
            }
        }
        for resource in resources.values {
            if let zone = resource.zone {
                edges.append(Edge(.in, from: resource.id, to: NodeID(.zone, zone.name), location: zone.location))
            }
        }
        for artifact in artifacts.values {
            if let store = artifact.store {
                edges.append(Edge(.stores, from: NodeID(.resource, store.name), to: artifact.id, location: store.location))
            }
        }
        let roles = CloudRoleIndex(identities.values)
        for job in jobs.values {
            edges += jobEdges(job)
            for identity in roles.candidates(for: job) where trusts(identity, job) {
                edges.append(Edge(.trusts, from: identity.id, to: job.id, location: identity.trust?.location ?? identity.location))
            }
        }
        return Self.sorted(edges)
    }

    /// The edges in `Edge`'s order (from, kind, to), found by comparing numbers: each node an
    /// edge names is ranked once among them, each kind by its name. Comparing the edges
    /// themselves compares names and kinds' names at every step, which took seconds on a
    /// model of 400,000 nodes. Edges that compare equal keep their order, as `sorted()` keeps it.
    static func sorted(_ edges: [Edge]) -> [Edge] {
        var places: [NodeID: Int] = [:]
        var ids: [NodeID] = []
        var ends: [(from: Int, to: Int)] = []
        places.reserveCapacity(edges.count)
        ids.reserveCapacity(edges.count)
        ends.reserveCapacity(edges.count)
        func place(_ id: NodeID) -> Int {
            if let known = places[id] { return known }
            places[id] = ids.count
            ids.append(id)
            return ids.count - 1
        }
        for edge in edges { ends.append((place(edge.from), place(edge.to))) }
        var rank = [Int](repeating: 0, count: ids.count)
        // Kinds by name, then names within a kind: `NodeID`'s order, with each kind's names sorted alone.
        let byKind = Dictionary(grouping: ids.indices, by: { ids[$0].kind })
        var position = 0
        for kind in byKind.keys.sorted() {
            for index in byKind[kind]!.map({ (name: ids[$0].name, index: $0) }).sorted(by: { $0.name < $1.name }).map(\.index) {
                rank[index] = position
                position += 1
            }
        }
        let kinds = Edge.Kind.allCases.sorted { $0.rawValue < $1.rawValue }
        let kindRank = Dictionary(uniqueKeysWithValues: kinds.enumerated().map { ($0.element, $0.offset) })
        let keys = edges.indices.map { (rank[ends[$0].from], kindRank[edges[$0].kind]!, rank[ends[$0].to]) }
        return edges.indices.sorted { keys[$0] < keys[$1] }.map { edges[$0] }
    }

    private func jobEdges(_ job: Job) -> [Edge] {
        var edges: [Edge] = []
        if let runner = job.runsOn {
            edges.append(Edge(.runsOn, from: job.id, to: NodeID(.runner, runner.name), location: runner.location))
        }
        if let environment = job.environment {
            edges.append(Edge(.gatedBy, from: job.id, to: NodeID(.environment, environment.name), location: environment.location))
        }
        if let definition = job.definition {
            edges.append(Edge(.defines, from: NodeID(.definition, definition.name), to: job.id, location: definition.location))
        }
        for merged in job.mergedDefinitions where merged.name != job.definition?.name {
            edges.append(Edge(.defines, from: NodeID(.definition, merged.name), to: job.id, location: merged.location))
        }
        for trigger in job.triggers {
            edges.append(Edge(.triggers, from: NodeID(.trigger, trigger.name), to: job.id, location: trigger.location))
        }
        for need in job.needs {
            edges.append(Edge(.needs, from: job.id, to: NodeID(.job, need.name), location: need.location))
        }
        for exposed in exposedSecrets(to: job) {
            edges.append(Edge(.exposes, from: exposed.secret.id, to: job.id, location: exposed.location))
        }
        if let token = job.token {
            let tokenID = NodeID(.identity, job.tokenIdentityName)
            edges.append(Edge(.holds, from: job.id, to: tokenID, location: token.first?.location ?? job.location))
        }
        for artifact in job.produces {
            edges.append(Edge(.produces, from: job.id, to: NodeID(.artifact, artifact.name), location: artifact.location))
        }
        for consumption in job.consumes {
            edges.append(Edge(.consumes, from: NodeID(.artifact, consumption.artifact.name), to: job.id, location: consumption.location))
        }
        for cache in job.restoresCaches {
            edges.append(Edge(.restores, from: NodeID(.cache, cache.name), to: job.id, location: cache.location))
        }
        for cache in job.savesCaches {
            edges.append(Edge(.saves, from: job.id, to: NodeID(.cache, cache.name), location: cache.location))
        }
        for step in job.steps {
            edges.append(Edge(.uses, from: job.id, to: step.id, location: step.location))
        }
        return edges
    }
}
