import FirebreakModel

/// Turns a scenario's selectors into the starting facts of one model.
struct FootholdResolver {
    let graph: AttackGraph

    func footholds(for scenario: Scenario) -> [Conclusion] {
        scenario.footholds.flatMap { resolve($0) }
    }

    func resolve(_ selector: FootholdSelector) -> [Conclusion] {
        let model = graph.model
        func start(_ fact: Fact, _ why: String, _ location: SourceLocation, caveats: [String] = []) -> Conclusion {
            Conclusion(fact, rule: "foothold", premises: [], why: why, at: location, caveats: caveats)
        }
        switch selector.target {
        case .jobs:
            let jobs = graph.jobs.filter { job in
                selector.accepts("role", job.role.rawValue) && selector.accepts("name", job.name)
                    && (selector.conditions["triggeredBy"].map { events in graph.triggers(of: job).contains { events.contains($0.event.rawValue) } } ?? true)
                    && selector.accepts("savesCaches", job.savesCaches.isEmpty ? "false" : "true")
                    && selector.accepts("installsDependencies", String(job.installsDependencies))
            }
            return pick(jobs, selector).map { start(Fact(.exec, $0.id), "\(selector.why) (job '\($0.name)')", $0.location) }
        case .steps:
            var result: [Conclusion] = []
            for job in graph.jobs {
                // The start kept for the job is the first: one that rests on no assumption (a
                // foreign checkout taken to run, a clone at a revision a variable names) before one
                // that does, since the job's code is the attacker's either way; then the most
                // movable reference (no version, then a branch, then a tag), the one its reader
                // should fix first, and of those one from outside the platform's own organisations
                // (`actions/`, `github/`), whose tags a stranger's compromise moves more often.
                let steps = job.steps.filter { selector.accepts("pin", $0.pin.rawValue) && selector.accepts("kind", $0.kind.rawValue) }
                    .map { (step: $0, caveats: graph.assumedCaveats(about: $0.id)) }
                func key(_ entry: (offset: Int, element: (step: Step, caveats: [String]))) -> (Int, Int, Int, Int) {
                    let platformOwn = ["actions/", "github/"].contains { entry.element.step.uses.lowercased().hasPrefix($0) }
                    return (entry.element.caveats.isEmpty ? 0 : 1, entry.element.step.pin.firmness, platformOwn ? 1 : 0, entry.offset)
                }
                let ordered = steps.count < 2 ? steps : steps.enumerated().sorted { key($0) < key($1) }.map(\.element)
                for (step, caveats) in ordered {
                    // Where the step's foothold is assumed, the start says so.
                    result.append(start(Fact(.exec, job.id), "\(selector.why): '\(step.uses)' is \(step.pin.phrase) in job '\(job.name)'",
                                        step.location, caveats: caveats))
                }
            }
            for definition in graph.definitions {
                guard let pin = definition.pin, selector.accepts("pin", pin.rawValue), selector.accepts("kind", "template") else { continue }
                result.append(start(Fact(.edit, definition.id), "\(selector.why): definition '\(definition.name)' is \(pin.phrase)",
                                    definition.location))
            }
            return result
        case .actors:
            let actors = graph.actors.filter { actor in
                selector.accepts("role", actor.role.rawValue) && selector.accepts("name", actor.name)
                    && (selector.conditions["reviewer"].map { $0.contains(String(!graph.environments(reviewedBy: actor.name).isEmpty)) } ?? true)
            }
            // Someone who may push holds write access to the repository from the start, and to
            // what the platform lets every pusher write (a GitLab project's container registry):
            // reaching either through a job's token is nothing they did not have. Where what
            // pushers may write there is assumed (no protection rule known), the start says so.
            let pushable = graph.resources.filter(\.writableByPushers)
            return pick(actors, selector).flatMap { actor -> [Conclusion] in
                let acts = start(Fact(.act, actor.id), "\(selector.why) (actor '\(actor.name)', \(actor.role.rawValue))", actor.location)
                guard actor.role.canPush else { return [acts] }
                let level: Level = actor.role == .admin ? .admin : .write
                let own = "their own access: \(actor.role.rawValue) '\(actor.name)'"
                return [acts, start(Fact(.access, model.repository.id, level), "\(own) may push to the repository", actor.location)]
                    + pushable.map { start(Fact(.access, $0.id, .write), "\(own) may push to '\($0.name)' with their own credentials", $0.location,
                                           caveats: graph.assumedCaveats(about: $0.id)) }
            }
        case .identities:
            var identities = graph.identities.filter { identity in
                identity.kind != .jobToken && selector.accepts("type", identity.kind.rawValue)
                    && selector.accepts("lifetime", identity.lifetime.rawValue) && selector.accepts("name", identity.name)
            }
            if selector.pick == .broadest {
                // The broadest; among as broad, one that writes the repository (its pipeline reaches
                // further than any one grant), then the first by name. Each breadth worked out once.
                let repository = model.repository.id
                let broadest = identities.map { identity in
                    (identity: identity, breadth: breadth(identity), writes: identity.grants.contains { $0.target == repository && $0.level >= .write })
                }.min { lhs, rhs in
                    if lhs.breadth != rhs.breadth { return lhs.breadth > rhs.breadth }
                    if lhs.writes != rhs.writes { return lhs.writes }
                    return lhs.identity.name < rhs.identity.name
                }
                identities = broadest.map { [$0.identity] } ?? []
            }
            return pick(identities, selector).map { start(Fact(.hold, $0.id), "\(selector.why) (identity '\($0.name)')", $0.location) }
        case .runners:
            let runners = graph.runners.filter { runner in
                selector.accepts("hosting", runner.hosting.rawValue) && selector.accepts("lifecycle", runner.lifecycle.rawValue)
                    && selector.accepts("name", runner.name)
            }
            return pick(runners, selector).map { start(Fact(.own, $0.id), "\(selector.why) (runner '\($0.name)')", $0.location) }
        case .resources:
            // Whether a store keeps artifacts the pipeline's jobs take from it (an image they run, a
            // package they deploy), not only releases that leave the pipeline there.
            let resources = graph.resources.filter { resource in
                selector.accepts("type", resource.kind.rawValue) && selector.accepts("name", resource.name)
                    && selector.accepts("keepsArtifacts", String(!graph.artifacts(storedIn: resource.name).isEmpty))
            }
            return pick(resources, selector).map {
                start(Fact(.access, $0.id, Level(selector.level)), "\(selector.why) (\(selector.level.rawValue) on '\($0.name)')", $0.location)
            }
        case .definitions:
            let definitions = graph.definitions.filter { definition in
                selector.accepts("external", String(definition.isExternal)) && selector.accepts("name", definition.name)
                    && (selector.conditions["pin"].map { pins in definition.pin.map { pins.contains($0.rawValue) } ?? false } ?? true)
            }
            return pick(definitions, selector).map { start(Fact(.edit, $0.id), "\(selector.why) (definition '\($0.name)')", $0.location) }
        case .caches:
            let caches = graph.caches.filter { selector.accepts("name", $0.name) }
            return pick(caches, selector).map { start(Fact(.poison, $0.id), "\(selector.why) (cache '\($0.name)')", $0.location) }
        }
    }

    private func pick<T>(_ matches: [T], _ selector: FootholdSelector) -> [T] {
        selector.pick == .first ? Array(matches.prefix(1)) : matches
    }

    /// How far an identity's grants reach: level times the target's weight, summed. Writing the
    /// repository counts as administering it: whoever writes it rewrites its pipeline, which
    /// holds its secrets and deploys where it deploys.
    func breadth(_ identity: Identity) -> Int {
        identity.grants.reduce(0) { total, grant in
            let level = grant.target == graph.model.repository.id && grant.level >= .write ? AccessLevel.admin : grant.level
            return total + (AccessLevel.allCases.firstIndex(of: level)! + 1) * graph.model.criticality(of: grant.target).weight
        }
    }
}
