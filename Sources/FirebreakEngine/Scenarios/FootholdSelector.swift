import FirebreakModel

/// Selects the nodes of a model where the attacker starts, and what they hold there.
public struct FootholdSelector: Sendable, Hashable {
    /// The node kinds a selector can pick, each giving one starting capability.
    public enum Target: String, CaseIterable, Sendable {
        /// Code execution in the selected jobs.
        case jobs
        /// Code execution in every job that runs a selected step.
        case steps
        /// Control of the selected people's accounts.
        case actors
        /// The selected identities' credentials.
        case identities
        /// Control of the selected runner machines.
        case runners
        /// Access to the selected resources, at `level`.
        case resources
        /// Control of the selected pipeline definitions or templates.
        case definitions
        /// Write access to the selected caches.
        case caches
    }

    /// Which of the matching nodes to take.
    public enum Pick: String, CaseIterable, Sendable {
        /// Every match.
        case all
        /// The match whose grants reach furthest (identities): most access, weighted by criticality.
        case broadest
        /// The first match by name.
        case first
    }

    public var target: Target
    /// Conditions, each a key and the values it accepts.
    public var conditions: [String: [String]]
    public var pick: Pick
    /// For resources: the access level the attacker has.
    public var level: AccessLevel
    /// Why the attacker has this foothold, in one sentence.
    public var why: String
    public var location: SourceLocation

    public init(target: Target, conditions: [String: [String]], pick: Pick, level: AccessLevel, why: String,
                location: SourceLocation) {
        self.target = target
        self.conditions = conditions
        self.pick = pick
        self.level = level
        self.why = why
        self.location = location
    }

    /// The conditions each target understands.
    public static func conditionKeys(for target: Target) -> [String] {
        switch target {
        case .jobs: ["role", "name", "triggeredBy", "savesCaches", "installsDependencies"]
        case .steps: ["pin", "kind"]
        case .actors: ["role", "name", "reviewer"]
        case .identities: ["type", "lifetime", "name"]
        case .runners: ["hosting", "lifecycle", "name"]
        case .resources: ["type", "name", "keepsArtifacts"]
        case .definitions: ["external", "pin", "name"]
        case .caches: ["name"]
        }
    }

    /// The values a condition can take, when they are a closed set (nil: any name).
    public static func allowedValues(for target: Target, key: String) -> [String]? {
        func cases<T: CaseIterable & RawRepresentable>(_ type: T.Type) -> [String] where T.RawValue == String { type.allCases.map(\.rawValue) }
        switch (target, key) {
        case (.jobs, "role"): return cases(Job.Role.self)
        case (.jobs, "triggeredBy"): return cases(Trigger.Event.self)
        case (.steps, "pin"), (.definitions, "pin"): return cases(PinState.self)
        case (.steps, "kind"): return cases(Step.Kind.self)
        case (.actors, "role"): return cases(Actor.Role.self)
        case (.actors, "reviewer"), (.definitions, "external"), (.jobs, "savesCaches"), (.jobs, "installsDependencies"),
             (.resources, "keepsArtifacts"): return ["true", "false"]
        case (.identities, "type"): return cases(Identity.Kind.self)
        case (.identities, "lifetime"): return cases(Identity.Lifetime.self)
        case (.runners, "hosting"): return cases(Runner.Hosting.self)
        case (.runners, "lifecycle"): return cases(Runner.Lifecycle.self)
        case (.resources, "type"): return cases(Resource.Kind.self)
        default: return nil
        }
    }

    /// What the selector looks for, in words: "identity of type static-key".
    public var summary: String {
        let noun = String(target.rawValue.dropLast(target == .identities ? 3 : 1)) + (target == .identities ? "y" : "")
        let parts = conditions.sorted { $0.key < $1.key }.map { key, values in
            "\(key) \(values.joined(separator: " or "))"
        }
        return parts.isEmpty ? noun : "\(noun) with \(parts.joined(separator: " and "))"
    }

    func accepts(_ key: String, _ value: String) -> Bool {
        conditions[key].map { $0.contains(value) } ?? true
    }
}
