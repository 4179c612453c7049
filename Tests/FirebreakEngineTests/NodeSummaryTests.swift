@testable import FirebreakEngine
import FirebreakModel
import FirebreakTestSupport
import Testing

/// What the graph works out once per node (its criticality, whether it is a crown jewel) is what
/// the model says of the node when asked by id, for every kind, whichever way the graph reads it.
struct NodeSummaryTests {
    @Test(arguments: ["skeleton-key", "hardened"])
    func everyNodeSummaryIsTheModelsOwnAnswer(pipeline: String) throws {
        var model = try Examples.model(pipeline)
        // Resources of every mix: production or not, each criticality.
        for (place, criticality) in Criticality.allCases.enumerated() {
            for production in [false, true] {
                let name = "extra-\(place)-\(production)"
                model.resources[name] = Resource(name: name, kind: .database, zone: nil, criticality: criticality, production: production,
                                                 networkAccess: nil, location: .implicit("test"))
            }
        }
        let graph = AttackGraph(model)
        let numbering = graph.numbering
        #expect(numbering.count > 0)
        let kinds = Set((0..<numbering.count).map { numbering.kind(of: $0) })
        #expect(kinds.isSuperset(of: [.resource, .identity, .secret, .environment, .job]))
        for number in 0..<numbering.count {
            let id = numbering.id(number)
            let summary = graph.summary(of: id, number: number)
            #expect(summary.criticality == graph.model.criticality(of: id), "\(id)")
            #expect(summary.crownJewel == graph.model.isCrownJewel(id), "\(id)")
        }
    }
}
