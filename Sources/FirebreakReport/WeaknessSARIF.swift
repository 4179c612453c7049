import Foundation
import FirebreakModel

extension SARIFReport {
    /// Weaknesses as SARIF 2.1.0: one result per weakness, at the place it is written; its
    /// level and `security-severity` follow what it opens (latent ones are notes). Rule ids are
    /// the weakness kinds, which `firebreak explain` documents; `docsURL`, when given, is the
    /// base of each rule's `helpUri` (`docsURL#kind`).
    public init(weaknesses report: WeaknessReport, docsURL: String? = nil) {
        var results: [Result] = []
        var severity: [String: Double] = [:]
        for entry in report.weaknesses {
            let score = entry.criticality.map { Self.securitySeverity($0, crownJewel: entry.crownJewel) } ?? 2.0
            severity[entry.kind] = max(severity[entry.kind] ?? 0, score)
            let message = entry.opens.map { "\(entry.detail); opens \($0) (\(entry.criticality ?? "")) in \(entry.scenarios.joined(separator: ", "))" }
                ?? "\(entry.detail); latent: \(entry.latent ?? "")"
            results.append(Result(ruleId: entry.kind, level: entry.criticality.map { Self.level($0, crownJewel: entry.crownJewel) } ?? "note",
                                  message: Message(text: message), locations: [Self.location(entry.location)],
                                  partialFingerprints: ["firebreak/v1": "\(entry.kind)/\(entry.location)"]))
        }
        let rules = Weakness.Kind.allCases.filter { severity[$0.rawValue] != nil }.map { kind in
            ReportingDescriptor(id: kind.rawValue, name: kind.title, shortDescription: Message(text: kind.title),
                                fullDescription: Message(text: "A premise of rule '\(kind.rule)': \(kind.title)."),
                                help: Message(text: "`firebreak explain \(kind.rawValue)` says what it opens and how to remove it."),
                                helpUri: docsURL.map { "\($0)#\(kind.rule)" },
                                properties: ["security-severity": String(format: "%.1f", severity[kind.rawValue] ?? 0)])
        }
        runs = [Run(tool: Tool(driver: Driver(version: FirebreakVersion.current, rules: rules)), results: results)]
    }
}
