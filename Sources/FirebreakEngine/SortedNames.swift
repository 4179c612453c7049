import FirebreakModel

/// The names of a model's nodes, each kind's sorted, worked out once per model: the node
/// numbering lays the kinds end to end in `NodeKind` order. The kinds the graph lists with
/// their nodes (jobs, identities, runners, secrets, environments, branches, resources, actors,
/// definitions, caches) are sorted with their nodes, so that the graph does not look each node
/// up by its name afterwards, nor a scenario sort the ones it starts from: on a large model
/// each lookup hashed the name and missed the processor's cache, and each sort compared names
/// scattered over the heap.
struct SortedNames: Sendable {
    /// Each kind's names, by `NodeKind.ordinal`.
    private let byOrdinal: [[String]]
    let jobs: [Job]
    let identities: [Identity]
    let runners: [Runner]
    let secrets: [Secret]
    let environments: [Environment]
    let branches: [Branch]
    let resources: [Resource]
    let actors: [Actor]
    let definitions: [Definition]
    let caches: [Cache]

    /// Sorts each kind, on two cores: jobs, identities, actors and caches on one, the rest on the other.
    init(_ model: PipelineModel) {
        let listed: Set<NodeKind> = [.job, .identity, .runner, .secret, .environment, .branch, .resource, .actor, .definition, .cache]
        let ((jobs, identities, actors, caches), (runners, secrets, environments, branches, resources, definitions, others)) = ParallelMap.both {
            (Self.sorted(model.jobs), Self.sorted(model.identities), Self.sorted(model.actors), Self.sorted(model.caches))
        } and: {
            (Self.sorted(model.runners), Self.sorted(model.secrets), Self.sorted(model.environments), Self.sorted(model.branches),
             Self.sorted(model.resources), Self.sorted(model.definitions),
             NodeKind.allCases.filter { !listed.contains($0) }.map { ($0, NameOrder.sorted(model.names(of: $0))) })
        }
        var byOrdinal = Array(repeating: [String](), count: NodeKind.allCases.count)
        for (kind, names) in others { byOrdinal[kind.ordinal] = names }
        byOrdinal[NodeKind.job.ordinal] = jobs.names
        byOrdinal[NodeKind.identity.ordinal] = identities.names
        byOrdinal[NodeKind.runner.ordinal] = runners.names
        byOrdinal[NodeKind.secret.ordinal] = secrets.names
        byOrdinal[NodeKind.environment.ordinal] = environments.names
        byOrdinal[NodeKind.branch.ordinal] = branches.names
        byOrdinal[NodeKind.resource.ordinal] = resources.names
        byOrdinal[NodeKind.actor.ordinal] = actors.names
        byOrdinal[NodeKind.definition.ordinal] = definitions.names
        byOrdinal[NodeKind.cache.ordinal] = caches.names
        self.byOrdinal = byOrdinal
        (self.jobs, self.identities, self.runners) = (jobs.nodes, identities.nodes, runners.nodes)
        (self.secrets, self.environments, self.branches) = (secrets.nodes, environments.nodes, branches.nodes)
        (self.resources, self.actors, self.definitions, self.caches) = (resources.nodes, actors.nodes, definitions.nodes, caches.nodes)
    }

    subscript(kind: NodeKind) -> [String] { byOrdinal[kind.ordinal] }

    /// A kind's nodes and their names, sorted by name: the names in the order of the dictionary's
    /// storage, sorted, and each node read once, by its place in the storage, into the sorted
    /// list, with no name looked up. (A copy of the entries to sort retained every node on its
    /// making and released it on its end: on a model larger than the processor's cache, two
    /// misses for each node.)
    private static func sorted<Node: Sendable>(_ nodes: [String: Node]) -> (names: [String], nodes: [Node]) {
        let places = Array(nodes.indices)
        let names = places.map { nodes.keys[$0] }
        let order = NameOrder.places(sorting: names)
        return (order.map { names[$0] }, order.map { nodes.values[places[$0]] })
    }
}
