import FirebreakEngine
import FirebreakModel
import FirebreakTestSupport
import Foundation
import Testing
import Yams

/// Properties of the simulation: adding an edge or removing a control never shrinks a blast
/// radius, and the result does not depend on the order of the input.
@Suite struct MonotonicityTests {
    /// Edits of the hardened model, each adding a relation or removing a control.
    static let weakenings: [(name: String, from: String, to: String)] = [
        ("self-review allowed", "preventSelfReview: true", "preventSelfReview: false"),
        ("deploy runners persist", "    lifecycle: ephemeral\n    protectedBranchesOnly: true", "    lifecycle: persistent\n    protectedBranchesOnly: true"),
        ("deploy runners for any branch", "protectedBranchesOnly: true", "protectedBranchesOnly: false"),
        ("image unsigned", "storefront-image: {store: image-registry, signed: true}", "storefront-image: {store: image-registry, signed: false}"),
        ("fork runs get secrets", "    approval: first-time", "    secrets: true\n    approval: first-time"),
        ("main unprotected", "  main:\n    requiredReviews: 1\n    codeOwnerReview: true\n    enforceAdmins: true", "  main: {protected: false}"),
        ("test saves the release cache", "savesCaches: [node-modules-pr]", "savesCaches: [node-modules-pr, node-modules-release]"),
        ("database trusts its network", "customer-db:     {type: database, zone: prod-net, criticality: critical, production: true, networkAccess: none}",
         "customer-db:     {type: database, zone: prod-net, criticality: critical, production: true, networkAccess: write}"),
        ("production secret repository-wide", "DB_PASSWORD:    {environment: production, criticality: critical}", "DB_PASSWORD:    {criticality: critical}"),
        ("test job references the bot token", "    restoresCaches: [node-modules-pr]\n", "    restoresCaches: [node-modules-pr]\n    secrets: [RENOVATE_TOKEN]\n"),
        ("deployer trusts any run", "trust: {environments: [production]}", "trust: {}"),
        ("build runs on the deploy pool", "    needs: [test]\n    oidc: true", "    needs: [test]\n    oidc: true\n    runsOn: deploy-pool"),
    ]

    static func levels(_ result: BlastRadius) -> [NodeID: Level] {
        Dictionary(uniqueKeysWithValues: result.reached.map { ($0.node, $0.level) })
    }

    @Test(arguments: weakenings.map(\.name))
    func weakeningNeverShrinksTheBlastRadius(name: String) throws {
        let edit = Self.weakenings.first { $0.name == name }!
        let path = PackagePaths.path("Scenarios/pipelines/hardened.yml")
        let original = try String(contentsOfFile: path, encoding: .utf8)
        #expect(original.contains(edit.from), "edit '\(name)' no longer applies to hardened.yml")
        var weakened = original.replacingOccurrences(of: edit.from, with: edit.to)
        if name == "build runs on the deploy pool" {
            weakened = weakened.replacingOccurrences(of: "    needs: [test]\n    oidc: true\n    runsOn: deploy-pool\n    token:",
                                                     with: "    needs: [test]\n    oidc: true\n    token:")
                .replacingOccurrences(of: "  build:\n    role: build\n    definition: ci-workflow\n    triggers: [push-main]\n    runsOn: hosted",
                                      with: "  build:\n    role: build\n    definition: ci-workflow\n    triggers: [push-main]\n    runsOn: deploy-pool")
        }
        let before = Simulation(model: try ModelLoader().load(text: original, file: "hardened.yml"))
        let after = Simulation(model: try ModelLoader().load(text: weakened, file: "hardened.yml"))
        var grewSomewhere = false
        for scenario in try Examples.library().scenarios {
            let small = Self.levels(before.run(scenario)), large = Self.levels(after.run(scenario))
            for (node, level) in small {
                #expect(large[node].map { $0 >= level } ?? false, "\(name): \(scenario.id) lost \(node) (\(level))")
            }
            grewSomewhere = grewSomewhere || large.count > small.count || large.contains { entry in small[entry.key].map { $0 < entry.value } ?? true }
        }
        #expect(grewSomewhere, "\(name) changed nothing at all: the edit tests nothing")
    }

    /// Reverses the order of every section and of the keys inside each entry.
    static func reordered(_ text: String) throws -> String {
        func reverse(_ node: Yams.Node, depth: Int) -> Yams.Node {
            switch node {
            case .mapping(let mapping) where depth < 3:
                let pairs = mapping.map { ($0.key, reverse($0.value, depth: depth + 1)) }.reversed()
                return .mapping(Yams.Node.Mapping(Array(pairs)))
            default:
                return node
            }
        }
        let root = try #require(try Yams.compose(yaml: text))
        return try Yams.serialize(node: reverse(root, depth: 0))
    }

    @Test(arguments: ["skeleton-key", "hardened"])
    func resultDoesNotDependOnInputOrder(name: String) throws {
        let text = try String(contentsOfFile: PackagePaths.path("Scenarios/pipelines/\(name).yml"), encoding: .utf8)
        let shuffled = try Self.reordered(text)
        #expect(shuffled != text)
        let first = Simulation(model: try ModelLoader().load(text: text, file: "a.yml"))
        let second = Simulation(model: try ModelLoader().load(text: shuffled, file: "b.yml"))
        for scenario in try Examples.library().scenarios {
            let a = first.run(scenario), b = second.run(scenario)
            #expect(a.score == b.score)
            #expect(a.crownJewels == b.crownJewels)
            #expect(a.reached.map { "\($0.node) \($0.level) \($0.hops) \($0.path.map(\.rule))" }
                == b.reached.map { "\($0.node) \($0.level) \($0.hops) \($0.path.map(\.rule))" }, "\(scenario.id)")
        }
    }
}
