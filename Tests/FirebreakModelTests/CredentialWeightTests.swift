import FirebreakModel
import Testing

/// A credential weighs what it can do: the most critical thing it writes, one step less for
/// what it only reads, and nothing much for reading a public repository, which anyone may.
struct CredentialWeightTests {
    static func model(visibility: String) throws -> PipelineModel {
        try ModelLoader().load(text: """
            firebreak: 1
            repository: {name: acme/app, visibility: \(visibility), criticality: critical}
            resources: {registry: {type: registry, criticality: high}}
            identities:
              reader: {type: job-token, grants: {repository:acme/app: read}}
              writer: {type: job-token, grants: {repository:acme/app: write}}
              puller: {type: static-key, grants: {resource:registry: read, repository:acme/app: read}}
            """, file: "weights.yml")
    }

    @Test func readingAPublicRepositoryWeighsLittle() throws {
        let open = try Self.model(visibility: "public")
        #expect(open.criticality(of: NodeID(.identity, "reader")) == .low)
        #expect(open.criticality(of: NodeID(.identity, "writer")) == .critical)
        // A read of something else still counts one step below it.
        #expect(open.criticality(of: NodeID(.identity, "puller")) == .medium)
    }

    @Test func readingAPrivateRepositoryLeaksItsCode() throws {
        // The control: a private repository's code is worth reading.
        let closed = try Self.model(visibility: "private")
        #expect(closed.criticality(of: NodeID(.identity, "reader")) == .high)
        #expect(closed.criticality(of: NodeID(.identity, "puller")) == .high)
    }
}
