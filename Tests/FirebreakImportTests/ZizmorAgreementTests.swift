import FirebreakEngine
import FirebreakImport
import FirebreakModel
import FirebreakReport
import FirebreakTestSupport
import Foundation
import Testing

/// A second opinion: every finding zizmor 1.32 (`zizmor --offline`) reports on the corpus in
/// the audits that name a rule premise is a weakness `firebreak weaknesses` lists too, reached or
/// latent, in the same file at the same place. Runs when the corpus and zizmor are present.
/// Where `zizmor` is on PATH, if it is.
enum ZizmorTool {
    static let path: String? = {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let candidate = "\(folder)/zizmor"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }()
}

@Suite(.enabled(if: PackagePaths.sharedCorpus != nil && ZizmorTool.path != nil, "needs ../shared/corpus and zizmor on PATH"))
struct ZizmorAgreementTests {
    /// zizmor's audit → the weakness kind that names the same construct.
    static let audits: [String: Weakness.Kind] = [
        "template-injection": .scriptInjection, "dangerous-triggers": .privilegedTrigger, "unpinned-uses": .unpinnedUses,
        "excessive-permissions": .broadToken, "artipacked": .persistedCredentials, "cache-poisoning": .sharedCache,
        "secrets-inherit": .inheritedSecrets, "overprovisioned-secrets": .everySecret,
    ]

    static func findings(_ folder: String) throws -> [[String: Any]] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(ZizmorTool.path))
        process.arguments = ["--offline", "--format", "json", folder]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (try? JSONSerialization.jsonObject(with: data) as? [[String: Any]]) ?? []
    }

    @Test func everyFindingOfTheSharedAuditsIsAWeaknessHere() throws {
        let corpus = try #require(PackagePaths.sharedCorpus)
        let scenarios = try Examples.library().scenarios
        var total = 0, matched = 0
        var misses: [String] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: corpus).sorted() {
            let repository = "\(corpus)/\(name)"
            guard FileManager.default.fileExists(atPath: "\(repository)/.github/workflows") else { continue }
            let findings = try Self.findings("\(repository)/.github/workflows")
            guard !findings.isEmpty, let model = try? InputLoader.load(path: repository, display: ".").model else { continue }
            let simulation = Simulation(model: model)
            let report = WeaknessReport(model: model, results: scenarios.map(simulation.run))
            var lines: [String: [Int]] = [:]
            for entry in report.weaknesses {
                let parts = entry.location.split(separator: ":")
                guard parts.count >= 3, let line = Int(parts[parts.count - 2]) else { continue }
                lines["\(parts.dropLast(2).joined(separator: ":"))|\(entry.kind)", default: []].append(line)
            }
            for finding in findings {
                guard let ident = finding["ident"] as? String, let kind = Self.audits[ident],
                      let locations = finding["locations"] as? [[String: Any]] else { continue }
                let spans = locations.compactMap { location -> (file: String, from: Int, to: Int)? in
                    guard let symbolic = location["symbolic"] as? [String: Any], let key = symbolic["key"] as? [String: Any],
                          let local = key["Local"] as? [String: Any], let path = local["verbatim_path"] as? String,
                          let concrete = (location["concrete"] as? [String: Any])?["location"] as? [String: Any],
                          let start = (concrete["start_point"] as? [String: Any])?["row"] as? Int,
                          let end = (concrete["end_point"] as? [String: Any])?["row"] as? Int else { return nil }
                    return (String(path.dropFirst(repository.count + 1)), start + 1, end + 1)
                }
                guard let file = spans.first?.file else { continue }
                let from = spans.map(\.from).min()! - 1, to = spans.map(\.to).max()! + 1
                total += 1
                if (lines["\(file)|\(kind.rawValue)"] ?? []).contains(where: { (from...to).contains($0) }) {
                    matched += 1
                } else {
                    misses.append("\(ident) \(name)/\(file):\(from + 1)")
                }
            }
        }
        let rate = Double(matched) / Double(max(total, 1))
        print("zizmor agreement: \(matched) of \(total) findings (\(String(format: "%.1f", rate * 100))%) are listed as weaknesses")
        #expect(total > 1_000)
        #expect(rate >= 0.99, "missed: \(misses.prefix(20).joined(separator: "; "))")
    }
}
