import FirebreakEngine
import FirebreakModel
import FirebreakTestSupport
import Foundation
import Testing
import Yams

/// Real incidents replayed: the scenario reaches what the post-mortem reports on the pipeline
/// as it was, and nothing of it once the documented fix is in place.
@Suite struct IncidentTests {
    static let folder = PackagePaths.path("Scenarios/incidents")
    static let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { !$0.hasSuffix(".md") }.sorted()

    struct Incident: Decodable {
        struct Expectation: Decodable { var reached: [String] }
        var id: String
        var title: String
        var scenario: String
        var story: String
        var sources: [String]
        var expect: Expectation
        var fix: String
    }

    static func incident(_ name: String) throws -> Incident {
        try YAMLDecoder().decode(Incident.self, from: try String(contentsOfFile: "\(folder)/\(name)/incident.yml", encoding: .utf8))
    }

    /// What the incident's scenario reaches on one of its models (`model` or `fixed`).
    static func reached(_ name: String, on model: String) throws -> (incident: Incident, reached: Set<String>) {
        let incident = try incident(name)
        let result = try Examples.run(incident.scenario, on: try ModelLoader().load(path: "\(folder)/\(name)/\(model).yml"))
        return (incident, Set(result.reached.map(\.node.description)))
    }

    @Test func eachIncidentHasItsSourcesAndStory() throws {
        #expect(Self.names.count >= 10)
        for name in Self.names {
            let incident = try Self.incident(name)
            #expect(incident.id == name && !incident.sources.isEmpty && !incident.story.isEmpty && !incident.fix.isEmpty)
        }
    }

    @Test(arguments: names)
    func thePostMortemsBlastRadiusIsReached(name: String) throws {
        let (incident, reached) = try Self.reached(name, on: "model")
        for expected in incident.expect.reached {
            #expect(reached.contains(expected), "\(name): \(expected) is reached, as the post-mortem reports")
        }
    }

    @Test(arguments: names)
    func theDocumentedFixCutsIt(name: String) throws {
        let (incident, reached) = try Self.reached(name, on: "fixed")
        for expected in incident.expect.reached {
            #expect(!reached.contains(expected), "\(name): the fix keeps \(expected) out of reach")
        }
    }

    /// A fix that deletes what the pipeline delivers to would cut any path: the fixed model
    /// keeps every resource and every job of the original.
    @Test(arguments: names)
    func theFixKeepsWhatThePipelineDelivers(name: String) throws {
        let before = try ModelLoader().load(path: "\(Self.folder)/\(name)/model.yml")
        let after = try ModelLoader().load(path: "\(Self.folder)/\(name)/fixed.yml")
        let kept: Set<NodeKind> = [.resource, .job]
        let original = Set(before.nodes.map(\.id).filter { kept.contains($0.kind) })
        let fixed = Set(after.nodes.map(\.id).filter { kept.contains($0.kind) })
        #expect(original.subtracting(fixed).isEmpty, "\(name): the fix removed \(original.subtracting(fixed).sorted())")
    }
}
