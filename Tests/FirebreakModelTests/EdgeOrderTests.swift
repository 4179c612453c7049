@testable import FirebreakModel
import FirebreakTestSupport
import Testing

/// The model's edges come in `Edge`'s own order (from, kind, to), however they were gathered.
@Suite struct EdgeOrderTests {
    @Test func edgesAreInEdgeOrder() throws {
        let model = try Examples.model("skeleton-key")
        let edges = model.edges
        #expect(edges.count > 50)
        #expect(zip(edges, edges.dropFirst()).allSatisfy { !($1 < $0) })
        // The list holds what the model states: each job's runner.
        for job in model.jobs.values {
            #expect(edges.contains { $0.kind == .runsOn && $0.from == job.id && $0.to.name == job.runsOn?.name })
        }
    }

    @Test func kindsOrderByTheirNamesAndEqualEdgesKeepTheirOrder() {
        let at = SourceLocation(file: "m.yml", line: 1, column: 1)
        let later = SourceLocation(file: "m.yml", line: 9, column: 1)
        let job = NodeID(.job, "build")
        let edges = [
            Edge(.uses, from: job, to: NodeID(.step, "build/checkout"), location: at),
            Edge(.runsOn, from: job, to: NodeID(.runner, "pool"), location: later),
            Edge(.holds, from: job, to: NodeID(.identity, "token"), location: at),
            Edge(.runsOn, from: job, to: NodeID(.runner, "pool"), location: at),
            Edge(.grants, from: NodeID(.identity, "token"), to: NodeID(.resource, "registry"), location: at),
            Edge(.uses, from: job, to: NodeID(.step, "build/a-step"), location: at),
        ]
        let sorted = PipelineModel.sorted(edges)
        // By node (identity before job: kinds by name), then kind by name (holds, runs-on, uses),
        // then target; the two equal runs-on edges in the order given.
        #expect(sorted.map(\.kind) == [.grants, .holds, .runsOn, .runsOn, .uses, .uses])
        #expect(sorted[2].location == later && sorted[3].location == at)
        #expect(sorted[4].to.name == "build/a-step")
        #expect(sorted == edges.sorted())
    }
}
