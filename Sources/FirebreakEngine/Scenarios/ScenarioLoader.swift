import FirebreakModel
import Foundation
import Yams

/// Reads scenario files, reporting every problem with its file:line:column like a model.
public struct ScenarioLoader {
    static let keys = ["id", "title", "narrative", "attacker", "footholds", "references", "through", "unseen", "uncounted"]

    public init() {}

    /// Loads one scenario file.
    public func load(path: String) throws(LoadError) -> Scenario {
        try load(YAMLSource.load(path: path), file: path)
    }

    /// Loads a scenario from text.
    public func load(text: String, file: String) throws(LoadError) -> Scenario {
        try load(YAMLSource.parse(text, file: file), file: file)
    }

    func load(_ root: Yams.Node, file: String) throws(LoadError) -> Scenario {
        let sink = DiagnosticSink()
        guard let top = YAMLFields(root, what: "the scenario", keys: Self.keys, file: file, sink: sink) else {
            throw LoadError(sink.diagnostics)
        }
        for key in ["id", "title", "narrative", "attacker", "footholds"] {
            top.require(key, help: "every scenario has an id, a title, a narrative, an attacker profile and footholds")
        }
        let id = top.string("id")
        if let id, !Self.isScenarioID(id) {
            sink.error(top.valueLocation(of: "id"), "scenario id '\(id)' must be lowercase words joined by hyphens",
                       help: "e.g. `id: leaked-god-token`")
        }
        var footholds: [FootholdSelector] = []
        if let node = top.node("footholds") {
            if case .sequence(let items) = node, !items.isEmpty {
                footholds = items.compactMap { readSelector($0, file: file, sink: sink) }
            } else {
                sink.error(top.valueLocation(of: "footholds"), "'footholds' must be a non-empty list of selectors",
                           help: "e.g. `- jobs: {role: [build]}`")
            }
        }
        let references = top.strings("references").map(\.text)
        var through: Scenario.Mechanism?
        if let mechanism = top.fields("through", keys: ["capability", "says"]) {
            mechanism.require("capability", help: "the capability of the hop the scenario is about, e.g. `capability: poison`")
            mechanism.require("says", help: "how a report names it, e.g. `says: a poisoned cache`")
            if let capability = mechanism.choice("capability", Capability.self), let says = mechanism.string("says") {
                through = Scenario.Mechanism(capability: capability, says: says)
            }
        }
        guard !sink.hasErrors, let id else { throw LoadError(sink.diagnostics) }
        return Scenario(id: id, title: top.string("title") ?? id, narrative: (top.string("narrative") ?? "").trimmed,
                        attacker: (top.string("attacker") ?? "").trimmed, footholds: footholds, references: references,
                        through: through, unseen: top.string("unseen").map(Self.oneLine), uncounted: top.string("uncounted").map(Self.oneLine),
                        location: top.location)
    }

    /// A paragraph written over several lines, as one line.
    static func oneLine(_ text: String) -> String { text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }

    private func readSelector(_ node: Yams.Node, file: String, sink: DiagnosticSink) -> FootholdSelector? {
        let targets = FootholdSelector.Target.allCases.map(\.rawValue)
        guard let fields = YAMLFields(node, what: "a foothold", keys: targets + ["pick", "level", "why"], file: file, sink: sink) else {
            return nil
        }
        let chosen = targets.filter { fields.has($0) }
        guard chosen.count == 1, let target = FootholdSelector.Target(rawValue: chosen[0]) else {
            sink.error(fields.location, "a foothold selects exactly one of: \(targets.joined(separator: ", "))",
                       help: "write one selector per list entry, e.g. `- identities: {lifetime: [static]}`")
            return nil
        }
        var conditions: [String: [String]] = [:]
        if let criteria = fields.fields(target.rawValue, keys: FootholdSelector.conditionKeys(for: target)) {
            for key in FootholdSelector.conditionKeys(for: target) where criteria.has(key) {
                let values = criteria.strings(key)
                // A typo would select nothing and pass every gate: unknown values are errors.
                if let allowed = FootholdSelector.allowedValues(for: target, key: key) {
                    for value in values where !allowed.contains(value.text) {
                        let hint = Suggestion.closest(to: value.text, in: allowed).map { "did you mean '\($0)'? " } ?? ""
                        sink.error(value.location, "'\(value.text)' is not a \(key) of \(target.rawValue)",
                                   help: "\(hint)one of: \(allowed.joined(separator: ", "))")
                    }
                }
                conditions[key] = values.map(\.text)
            }
        }
        fields.require("why", help: "say in one sentence how the attacker gets this foothold")
        return FootholdSelector(target: target, conditions: conditions, pick: fields.choice("pick", FootholdSelector.Pick.self) ?? .all,
                                level: fields.choice("level", AccessLevel.self) ?? .write, why: fields.string("why") ?? "",
                                location: fields.location)
    }
}

extension ScenarioLoader {
    /// Lowercase words joined by hyphens: `[a-z0-9][a-z0-9-]*`.
    static func isScenarioID(_ id: String) -> Bool {
        let scalars = Array(id.unicodeScalars)
        func allowed(_ scalar: Unicode.Scalar) -> Bool { ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) }
        guard let first = scalars.first, allowed(first) else { return false }
        return scalars.dropFirst().allSatisfy { allowed($0) || $0 == "-" }
    }
}

extension String {
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
