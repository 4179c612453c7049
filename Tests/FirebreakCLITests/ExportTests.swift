import FirebreakTestSupport
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// `firebreak export` as another tool reads it: GraphML through a standard XML parser with the
/// counts `firebreak graph` gives, OpenGraph JSON whose edges all meet declared nodes, and a
/// Cypher script whose strings stay strings.
struct ExportTests {
    static func graphCounts(_ model: String) throws -> (nodes: Int, edges: Int) {
        let graph = try CommandRunner.run(["graph", model, "--format", "json"])
        let decoded = try #require(try JSONSerialization.jsonObject(with: Data(graph.stdout.utf8)) as? [String: Any])
        return ((decoded["nodes"] as? [Any])?.count ?? -1, (decoded["edges"] as? [Any])?.count ?? -1)
    }

    @Test(arguments: ["Scenarios/pipelines/skeleton-key.yml", "Scenarios/pipelines/hardened.yml"])
    func graphMLHoldsTheGraphAndTheAttackHops(model: String) throws {
        let run = try CommandRunner.run(["export", model, "--format", "graphml"])
        #expect(run.status == 0, "\(run.stderr)")
        // XPath for every lookup: FoundationXML's attribute(forName:) misses attributes of elements in a default namespace.
        let document = try XMLDocument(data: Data(run.stdout.utf8))
        let nodes = try document.nodes(forXPath: "//*[local-name()='node']/@id").compactMap(\.stringValue)
        let edges = try document.nodes(forXPath: "//*[local-name()='edge']")
        let attack = try document.nodes(forXPath: "//*[local-name()='edge'][*[local-name()='data'][@key='e_attack' and text()='true']]")
        let counts = try Self.graphCounts(model)
        #expect(nodes.count == counts.nodes)
        #expect(edges.count - attack.count == counts.edges)
        #expect(!attack.isEmpty, "the attack hops are edges too")
        // Every edge meets declared nodes.
        let ids = Set(nodes)
        let ends = try document.nodes(forXPath: "//*[local-name()='edge']/@source | //*[local-name()='edge']/@target").compactMap(\.stringValue)
        #expect(ends.count == 2 * edges.count)
        for end in ends { #expect(ids.contains(end), "\(end)") }
    }

    @Test func openGraphEdgesMeetDeclaredNodesAndPropertiesAreFlat() throws {
        let run = try CommandRunner.run(["export", "Scenarios/pipelines/skeleton-key.yml", "--format", "opengraph"])
        let decoded = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect((decoded["metadata"] as? [String: Any])?["source_kind"] as? String == "FBNode")
        let graph = try #require(decoded["graph"] as? [String: Any])
        let nodes = try #require(graph["nodes"] as? [[String: Any]])
        let edges = try #require(graph["edges"] as? [[String: Any]])
        let ids = Set(nodes.compactMap { $0["id"] as? String })
        #expect(ids.count == nodes.count)
        for node in nodes {
            #expect((node["kinds"] as? [String])?.last == "FBNode")
            for value in (node["properties"] as? [String: Any] ?? [:]).values { #expect(!(value is [String: Any]), "flat properties") }
        }
        for edge in edges {
            let start = (edge["start"] as? [String: Any])?["value"] as? String ?? "", end = (edge["end"] as? [String: Any])?["value"] as? String ?? ""
            #expect(ids.contains(start) && ids.contains(end), "\(start) → \(end)")
        }
        let password = try #require(nodes.first { $0["id"] as? String == "acme/storefront#secret:DB_PASSWORD" })
        #expect(((password["properties"] as? [String: Any])?["reached"] as? [String])?.contains { $0.hasPrefix("malicious-fork-pr=") } == true)
        #expect(edges.contains { $0["kind"] as? String == "FBCanRead" && ($0["end"] as? [String: Any])?["value"] as? String == "acme/storefront#secret:DB_PASSWORD" })
    }

    @Test func cypherLiteralsEscapeWhatANameHolds() throws {
        let model = try temporaryFile(named: "quotes.yml", contents: """
            firebreak: 1
            name: quotes
            platform: github
            repository: {name: "acme/it's", visibility: public}
            actors: {outsider: {role: external}}
            triggers: {pr: {event: pull_request_target}}
            runners: {hosted: {hosting: hosted}}
            secrets: {"O'BRIEN\\\\TOKEN": {}}
            jobs: {"build') DETACH DELETE n //": {triggers: [pr], runsOn: hosted, untrustedInput: checkout, secrets: ["O'BRIEN\\\\TOKEN"]}}
            """)
        let run = try CommandRunner.run(["export", model, "--format", "cypher"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("CREATE CONSTRAINT firebreak_node_id IF NOT EXISTS"))
        #expect(run.stdout.contains("'acme/it\\'s#job:build\\') DETACH DELETE n //'"), "the quote is escaped inside the literal")
        #expect(run.stdout.contains("O\\'BRIEN\\\\TOKEN"))
        #expect(run.stdout.contains("MERGE (a)-[r:CAN_READ]->(b)"))
    }

    @Test func aFolderOfRepositoriesIsOneExport() throws {
        let org = try ScratchRepository(named: "org", files: [
            "one/.github/workflows/ci.yml": "on: push\njobs:\n  test: {runs-on: ubuntu-latest, steps: [{run: make test}]}\n",
            "two/.gitlab-ci.yml": "test:\n  script: [make test]\n",
        ])
        let run = try CommandRunner.run(["export", org.root, "--format", "graphml"])
        #expect(run.status == 0, "\(run.stderr)")
        let document = try XMLDocument(data: Data(run.stdout.utf8))
        #expect(try document.nodes(forXPath: "//*[local-name()='graph']").count == 2)
        // Neither has a name of its own (no context file, no remote): each is named by its path,
        // and no node of one meets a node of the other.
        let ids = try document.nodes(forXPath: "//*[local-name()='node']/@id").compactMap(\.stringValue)
        #expect(Set(ids).count == ids.count, "ids shared across repositories: \(ids)")
        #expect(ids.contains("one#repository:this-repository") && ids.contains("two#repository:this-repository"), "\(ids)")
    }
}
