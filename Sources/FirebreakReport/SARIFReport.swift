import Foundation
import FirebreakEngine
import FirebreakModel

/// Blast-radius growth as SARIF 2.1.0, for code scanning: one result per asset newly reached
/// or reached at a higher level, located at the input fact of the first hop that is new.
public struct SARIFReport: Encodable, Sendable {
    struct Message: Encodable, Sendable { var text: String }
    struct Region: Encodable, Sendable { var startLine: Int; var startColumn: Int }
    struct ArtifactLocation: Encodable, Sendable { var uri: String }
    struct PhysicalLocation: Encodable, Sendable { var artifactLocation: ArtifactLocation; var region: Region? }
    struct Location: Encodable, Sendable { var physicalLocation: PhysicalLocation }
    struct Result: Encodable, Sendable {
        var ruleId: String
        var level: String
        var message: Message
        var locations: [Location]
        var partialFingerprints: [String: String]
    }
    struct ReportingDescriptor: Encodable, Sendable {
        var id: String
        var name: String
        var shortDescription: Message
        var fullDescription: Message
        var help: Message
        var helpUri: String?
        /// `security-severity`, which code scanning reads to rank alerts (0–10).
        var properties: [String: String]? = nil
    }
    struct Driver: Encodable, Sendable {
        var name = "Firebreak"
        var version: String
        var rules: [ReportingDescriptor]
    }
    struct Tool: Encodable, Sendable { var driver: Driver }
    struct Run: Encodable, Sendable { var tool: Tool; var results: [Result] }

    var schema = "https://json.schemastore.org/sarif-2.1.0.json"
    var version = "2.1.0"
    var runs: [Run]

    enum CodingKeys: String, CodingKey {
        case schema = "$schema", version, runs
    }

    public init(_ comparison: ReportComparison) {
        var results: [Result] = []
        var used = Set<String>()
        var severity: [String: Double] = [:]
        for scenario in comparison.scenarios {
            for change in scenario.added + scenario.raised {
                let path = change.path ?? []
                // The hop that explains the growth: the first that is not the foothold.
                let cause = path.first { $0.rule != "foothold" } ?? path.last
                let ruleId = cause?.rule ?? "foothold"
                used.insert(ruleId)
                let what = change.before == nil ? "newly reaches" : "now reaches at \(change.after ?? "") (was \(change.before ?? ""))"
                let route = path.map { "[\($0.rule)] \($0.to)" }.joined(separator: " -> ")
                severity[ruleId] = max(severity[ruleId] ?? 0, Self.securitySeverity(change.criticality, crownJewel: change.crownJewel))
                results.append(Result(
                    ruleId: ruleId, level: Self.level(change.criticality, crownJewel: change.crownJewel),
                    message: Message(text: "scenario \(scenario.id) \(what) \(change.id) (\(change.criticality)): \(route)"),
                    locations: cause.map { [Self.location($0.location)] } ?? [],
                    partialFingerprints: ["firebreak/v1": "\(scenario.id)/\(change.id)"]))
            }
        }
        let rules = RuleCatalogue.descriptions.filter { used.contains($0.id) }.map { rule in
            ReportingDescriptor(id: rule.id, name: rule.name, shortDescription: Message(text: rule.summary),
                                fullDescription: Message(text: "If \(rule.premises), then \(rule.conclusion)."),
                                help: Message(text: "Control: \(rule.control) (`firebreak explain \(rule.id)`)"), helpUri: nil,
                                properties: severity[rule.id].map { ["security-severity": String(format: "%.1f", $0)] })
        } + (used.contains("foothold") ? [ReportingDescriptor(
            id: "foothold", name: "Where the attacker starts", shortDescription: Message(text: "A scenario's starting point."),
            fullDescription: Message(text: "The scenario places the attacker here."),
            help: Message(text: "Remove what the scenario selects (an unpinned step, a static key, a persistent runner). (`firebreak explain foothold`)"), helpUri: nil,
            properties: severity["foothold"].map { ["security-severity": String(format: "%.1f", $0)] })] : [])
        runs = [Run(tool: Tool(driver: Driver(version: FirebreakVersion.current, rules: rules)), results: results)]
    }

    /// The SARIF level of a growth: by what it reaches.
    static func level(_ criticality: String, crownJewel: Bool) -> String {
        if crownJewel || criticality == "critical" || criticality == "high" { return "error" }
        return criticality == "medium" ? "warning" : "note"
    }

    /// Code scanning's `security-severity` (critical is 9.0 and above, high 7.0 to 8.9).
    static func securitySeverity(_ criticality: String, crownJewel: Bool) -> Double {
        if crownJewel { return 9.5 }
        switch criticality {
        case "critical": return 9.0
        case "high": return 8.0
        case "medium": return 5.5
        default: return 3.0
        }
    }

    /// A gate that could not read its inputs: one error result per unreadable file.
    public init(unreadable diagnostics: [Diagnostic]) {
        let results = diagnostics.map { diagnostic in
            Result(ruleId: "unreadable-input", level: "error",
                   message: Message(text: "the gate failed closed: \(diagnostic.message)"),
                   locations: [Self.location(diagnostic.location.description)],
                   partialFingerprints: ["firebreak/v1": "unreadable-input/\(diagnostic.location.file)"])
        }
        let rule = ReportingDescriptor(id: "unreadable-input", name: "An input the gate cannot read",
                                       shortDescription: Message(text: "A pipeline file could not be read, so the gate cannot tell what it opens."),
                                       fullDescription: Message(text: "The gate fails closed: a file it cannot read could widen the blast radius unseen."),
                                       help: Message(text: "Fix the file at the location given."), helpUri: nil)
        runs = [Run(tool: Tool(driver: Driver(version: FirebreakVersion.current, rules: [rule])), results: results)]
    }

    /// Parses `file:line:column` (or a bare file) into a SARIF location.
    static func location(_ text: String) -> Location {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        if parts.count >= 3, let line = Int(parts[parts.count - 2]), let column = Int(parts[parts.count - 1]), line > 0 {
            let file = parts.dropLast(2).joined(separator: ":")
            return Location(physicalLocation: PhysicalLocation(artifactLocation: ArtifactLocation(uri: file),
                                                               region: Region(startLine: line, startColumn: max(1, column))))
        }
        return Location(physicalLocation: PhysicalLocation(artifactLocation: ArtifactLocation(uri: text), region: nil))
    }

    public var json: String { JSONOutput.encode(self) }
}
