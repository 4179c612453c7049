import FirebreakModel

/// The changes that take a scenario's foothold away: where the attacker starts only because
/// of a model fact (a mutable pin, a stored static key), changing that fact removes the start.
enum FootholdControls {
    static func controls(for hop: Hop, in model: PipelineModel) -> [ModelChange] {
        switch hop.to.kind {
        case .job:
            let steps = model.jobs[hop.to.name]?.steps.filter { $0.location == hop.location && $0.pin.isMutable && $0.pinsByCommit } ?? []
            return steps.map { ModelChange(.pinStep, $0.id) }
        case .definition:
            return model.definitions[hop.to.name]?.pin?.isMutable == true ? [ModelChange(.pinDefinition, hop.to)] : []
        case .identity:
            guard let identity = model.identities[hop.to.name], identity.lifetime == .static,
                  identity.kind != .personalToken, identity.kind != .jobToken else { return [] }
            return [ModelChange(.shortLivedCredential, hop.to)]
        default:
            return []
        }
    }
}
