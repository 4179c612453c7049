import FirebreakEngine
import FirebreakModel
import FirebreakTestSupport
import Foundation
import Testing

/// The examples are the tests: every firing example derives its fact with its rule alone,
/// every blocked example does not.
@Suite struct RuleExampleTests {
    static let ids = RuleCatalogue.descriptions.map(\.id)

    static func run(_ example: RuleExample, rule: any Rule) throws -> (FactStore, Fact) {
        let model = try ModelLoader().load(text: example.model, file: "example.yml")
        let footholds = try example.footholds.map { text -> Conclusion in
            let fact = try #require(Fact(parsing: text), "bad foothold '\(text)'")
            #expect(model.contains(fact.node), "foothold node \(fact.node) is not in the example model")
            return Conclusion(fact, rule: "foothold", premises: [], why: "example", at: .implicit("example.yml"))
        }
        let expected = try #require(Fact(parsing: example.expect), "bad expectation '\(example.expect)'")
        let store = Simulator(rules: [rule]).run(AttackGraph(model), footholds: footholds)
        return (store, expected)
    }

    @Test(arguments: ids)
    func firingExamplesFire(id: String) throws {
        let rule = try #require(RuleCatalogue.rule(id: id))
        for example in type(of: rule).description.firing {
            let (store, expected) = try Self.run(example, rule: rule)
            #expect(store.contains(expected), "\(id): \(example.note): expected \(expected)")
            #expect(store.derivation(of: expected)?.rule == id)
        }
    }

    /// Rules whose own hop no change to the model blocks. A build's output, what a job copies
    /// out of it and their delivery are what production runs (only a canary limits them); a job
    /// token, a push's start, a dispatch and a gate passed with the attacker's approval are cut
    /// upstream, at the grants, the protection and the approvals they rely on.
    static let uncontrolled: Set<String> = ["build-output", "artifact-pass-through", "artifact-deploy", "job-token", "push-trigger", "dispatch",
                                            "environment-gate"]

    /// Each control a rule names for its firing examples, put in place, stops the example's
    /// conclusion; every rule but the uncontrolled ones names one for some example.
    @Test(arguments: ids)
    func controlsBlockTheFiringExamples(id: String) throws {
        let rule = try #require(RuleCatalogue.rule(id: id))
        var named = 0
        defer { #expect((named == 0) == Self.uncontrolled.contains(id), "\(id): \(named) controls named") }
        for example in type(of: rule).description.firing {
            let (store, expected) = try Self.run(example, rule: rule)
            let derivation = try #require(store.derivation(of: expected))
            let model = try ModelLoader().load(text: example.model, file: "example.yml")
            let hop = Hop(rule: id, from: derivation.origin?.node, to: expected.node, capability: expected.capability,
                          level: expected.level, why: derivation.why, location: derivation.location)
            let controls = rule.controls(for: hop, in: model)
            named += controls.count
            for control in controls {
                let changed = model.applying([control])
                let footholds = example.footholds.compactMap(Fact.init(parsing:)).map {
                    Conclusion($0, rule: "foothold", premises: [], why: "example", at: .implicit("example.yml"))
                }
                let after = Simulator(rules: [rule]).run(AttackGraph(changed), footholds: footholds)
                #expect(!after.has(expected.capability, expected.node, atLeast: expected.level),
                        "\(id): \(example.note): \(control) leaves \(expected)")
            }
        }
    }

    @Test(arguments: ids)
    func blockedExamplesDoNotFire(id: String) throws {
        let rule = try #require(RuleCatalogue.rule(id: id))
        for example in type(of: rule).description.blocked {
            let (store, expected) = try Self.run(example, rule: rule)
            #expect(!store.has(expected.capability, expected.node, atLeast: expected.level),
                    "\(id): \(example.note): \(expected) should be blocked")
        }
    }

    @Test func catalogueListsEveryRuleFileOnceWithExamples() throws {
        #expect(Self.ids == Self.ids.sorted())
        #expect(Set(Self.ids).count == Self.ids.count)
        for description in RuleCatalogue.descriptions {
            #expect(!description.firing.isEmpty, "\(description.id) has no firing example")
            #expect(!description.blocked.isEmpty, "\(description.id) has no blocked example")
            #expect(!description.references.isEmpty, "\(description.id) has no reference")
        }
        let folder = PackagePaths.path("Sources/FirebreakEngine/Rules")
        let files = FileManager.default.enumerator(atPath: folder)?.compactMap { $0 as? String }.filter { $0.hasSuffix("Rule.swift") } ?? []
        let typeNames = Set(RuleCatalogue.all.map { String(describing: type(of: $0)) })
        for file in files {
            let name = String(file.split(separator: "/").last!.dropLast(".swift".count))
            #expect(typeNames.contains(name), "\(file) is not listed in RuleCatalogue.all")
        }
        #expect(files.count == RuleCatalogue.all.count)
    }
}
