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
