import FirebreakEngine
import FirebreakImport
import FirebreakModel
import FirebreakTestSupport
import Testing

/// Without a context file, a repository still has the people the scenarios start from: an
/// outsider, a contributor and a maintainer, each an assumption saying how to settle it; a
/// context file that names its people replaces them, and one that names none keeps them.
struct DefaultActorsTests {
    @Test func aRepositoryWithoutContextHasAnOutsiderAContributorAndAMaintainer() throws {
        let model = try ImportFixtures.load("prt-checkout").model
        #expect(model.actors[InputLoader.defaultContributor]?.role == .contributor)
        #expect(model.actors[InputLoader.defaultMaintainer]?.role == .maintainer)
        #expect(Simulation(model: model).assumptions.contains { $0.subject == NodeID(.actor, "anyone") && $0.statement.contains("fork") },
                "a public repository's outsider, stated where the simulation adds it")
        for name in [InputLoader.defaultContributor, InputLoader.defaultMaintainer] {
            let assumption = try #require(model.assumptions.first { $0.subject == NodeID(.actor, name) })
            #expect(assumption.settle.contains("actors:"))
        }
        let poisoned = try Examples.run("poisoned-pipeline-definition", on: model)
        #expect(poisoned.footholds.map(\.node) == [NodeID(.actor, InputLoader.defaultContributor), model.repository.id],
                "the contributor, and the write access they hold")
        #expect(poisoned.footholds.contains(Fact(.access, model.repository.id, .write)))
        #expect(!poisoned.crownJewels.contains(model.repository.id), "write access they had is not one they reached")
        #expect(poisoned.reaches("read secret:PREVIEW_TOKEN"), "a contributor's branch can name any repository secret")
        let fork = try Examples.run("malicious-fork-pr", on: model)
        #expect(fork.footholds.map(\.node) == [NodeID(.actor, "anyone")])
    }

    @Test func aContextFileThatNamesItsPeopleReplacesTheDefaults() throws {
        let repository = try ScratchRepository(files: [
            ".github/workflows/ci.yml": SampleWorkflow.build(),
            "firebreak.context.yml": "firebreak: 1\nrepository: {name: acme/app, visibility: private}\nactors: {dana: {role: maintainer}}\n",
        ])
        let model = try InputLoader.load(path: repository.root).model
        #expect(model.actors.keys.sorted() == ["dana"])
        let poisoned = try Examples.run("poisoned-pipeline-definition", on: model)
        #expect(poisoned.footholds.isEmpty, "nobody here is only a contributor: the scenario is not applicable")
    }

    @Test func aContextFileThatNamesNoPeopleKeepsTheAssumedOnes() throws {
        let repository = try ScratchRepository(files: [
            ".github/workflows/ci.yml": SampleWorkflow.build(),
            "firebreak.context.yml": "firebreak: 1\nrepository: {name: acme/app, visibility: private}\nsecrets: {DEPLOY_KEY: {criticality: critical}}\n",
        ])
        let model = try InputLoader.load(path: repository.root).model
        #expect(model.actors.keys.sorted() == [InputLoader.defaultContributor, InputLoader.defaultMaintainer])
        #expect(model.assumptions.contains { $0.subject == NodeID(.actor, InputLoader.defaultContributor) && $0.settle.contains("actors:") })
        let poisoned = try Examples.run("poisoned-pipeline-definition", on: model)
        #expect(poisoned.footholds.contains(Fact(.act, NodeID(.actor, InputLoader.defaultContributor))))
    }
}
