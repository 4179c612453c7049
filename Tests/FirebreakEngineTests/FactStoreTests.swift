@testable import FirebreakEngine
import FirebreakModel
import FirebreakTestSupport
import Testing

/// The fact table files facts by node number, each node's chained from its latest: what it
/// answers must not depend on that filing.
struct FactStoreTests {
    /// A build job on push to main that reads secret TOKEN.
    static func buildReadingToken() throws -> PipelineModel {
        try ModelLoader().load(text: ExampleModel.wrap("""
            triggers: {push: {event: push, branches: [main]}}
            runners: {hosted: {hosting: hosted}}
            secrets: {TOKEN: {}}
            jobs: {build: {triggers: [push], runsOn: hosted, secrets: [TOKEN]}}
            """), file: "store.yml")
    }

    @Test func capabilityAndKindOrdinalsFollowTheDeclarationOrder() {
        #expect(Capability.allCases.map(\.ordinal) == Array(Capability.allCases.indices))
        #expect(NodeKind.allCases.map(\.ordinal) == Array(NodeKind.allCases.indices), "the numbering's tables are indexed by kind ordinal")
    }

    @Test func aNodeTheModelDoesNotDeclareIsFiledAndAnsweredLikeAnother() throws {
        let model = try ModelLoader().load(text: ExampleModel.wrap("""
            triggers: {push: {event: push, branches: [main]}}
            runners: {hosted: {hosting: hosted}}
            jobs: {build: {triggers: [push], runsOn: hosted}}
            """), file: "store.yml")
        let graph = AttackGraph(model)
        var store = FactStore(numbering: graph.numbering, reservingCapacity: 4)
        let declared = Fact(.exec, NodeID(.job, "build"))
        let stranger = Fact(.read, NodeID(.secret, "NOT_DECLARED"), .full)
        let foothold = Derivation(rule: "foothold", premises: [], why: "start", location: .implicit("test"))
        let first = store.insert(declared, foothold, depth: 0)
        let second = store.insert(stranger, Derivation(rule: "r", premises: [declared], why: "then", location: .implicit("test")), depth: 1)
        let again = store.insert(stranger, foothold, depth: 1)
        #expect(first && second)
        #expect(!again, "a fact is recorded once")
        #expect(store.has(.read, NodeID(.secret, "NOT_DECLARED")))
        #expect(store.best(.exec, NodeID(.job, "build")) == .full)
        #expect(store.witness(of: stranger) == [declared, stranger])
        var marked: [NodeID] = []
        store.forEachMarked { marked.append(store.fact(of: $0).node) }
        #expect(marked == [NodeID(.job, "build"), NodeID(.secret, "NOT_DECLARED")], "the model's nodes in id order, then the others")
        #expect(store.facts == [declared, stranger].sorted())
    }

    @Test func aDerivationIsAnsweredAsItWasRecorded() throws {
        let model = try Self.buildReadingToken()
        let graph = AttackGraph(model)
        var store = FactStore(numbering: graph.numbering, reservingCapacity: 0)
        let job = Fact(.exec, NodeID(.job, "build"))
        let outsider = Fact(.act, NodeID(.actor, "not-declared"))
        let secret = Fact(.read, NodeID(.secret, "TOKEN"))
        let here = SourceLocation(file: "store.yml", line: 7, column: 3)
        store.insert(job, Derivation(rule: "foothold", premises: [], why: "start", location: .implicit("test")), depth: 0)
        let qualified = Derivation(rule: "job-secrets", premises: [job, outsider], why: "la tâche lit « TOKEN »",
                                   location: here, caveats: [Caveat.nextRun, Caveat.timeBounded])
        store.insert(secret, qualified, depth: 1)
        #expect(store.derivation(of: secret) == qualified, "every premise, the sentence in any script, the location and caveats")
        #expect(store.depth(of: secret) == 1)
        let plainer = Derivation(rule: "job-secrets", premises: [job], why: "plainer", location: here)
        let longer = store.insert(secret, plainer, depth: 2)
        #expect(!longer, "a longer derivation is not kept")
        #expect(store.derivation(of: secret) == qualified)
        let asShort = store.insert(secret, plainer, depth: 1)
        #expect(!asShort)
        #expect(store.derivation(of: secret) == plainer, "as short with fewer caveats replaces the one kept")
        #expect(store.witness(of: secret) == [job, secret])
        #expect(store.facts(.read) == [secret])
        #expect(store.nodes == [job.node, secret.node])
        #expect(store.derivation(of: Fact(.read, NodeID(.secret, "TOKEN"), .untrusted)) == nil, "another level is another fact")
        // Each entry keeps its own rule and file, though the table files them by number.
        #expect(store.derivation(of: job)?.rule == "foothold")
        #expect(store.derivation(of: job)?.location == .implicit("test"))
    }

    @Test func aHopThatExpiresIsMarkedTimeBoundedWhereverItsCaveatSits() throws {
        let model = try ModelLoader().load(text: ExampleModel.wrap("""
            triggers: {push: {event: push, branches: [main]}}
            runners: {hosted: {hosting: hosted}}
            identities: {deployer: {type: static-key}, key: {type: static-key}}
            secrets: {TOKEN: {}}
            jobs: {build: {triggers: [push], runsOn: hosted, secrets: [TOKEN]}}
            """), file: "store.yml")
        var store = FactStore(numbering: AttackGraph(model).numbering, reservingCapacity: 0)
        let job = Fact(.exec, NodeID(.job, "build"))
        let here = SourceLocation(file: "store.yml", line: 4, column: 3)
        store.insert(job, Derivation(rule: "foothold", premises: [], why: "start", location: .implicit("test")), depth: 0)
        store.insert(Fact(.read, NodeID(.secret, "TOKEN")),
                     Derivation(rule: "job-secrets", premises: [job], why: "reads", location: here, caveats: [Caveat.nextRun]), depth: 1)
        store.insert(Fact(.hold, NodeID(.identity, "deployer")),
                     Derivation(rule: "oidc", premises: [job], why: "mints", location: here,
                                caveats: [Caveat.nextRun, Caveat.timeBounded]), depth: 1)
        store.insert(Fact(.hold, NodeID(.identity, "key")),
                     Derivation(rule: "secret-credential", premises: [job], why: "stored", location: here), depth: 1)
        var expiring: [String: Bool] = [:]
        store.forEachMarked { expiring[store.fact(of: $0).node.name] = $0.timeBounded }
        #expect(expiring == ["build": false, "TOKEN": false, "deployer": true, "key": false])
        // As short a hop with fewer caveats replaces the one kept, and with it the expiry.
        store.insert(Fact(.hold, NodeID(.identity, "deployer")),
                     Derivation(rule: "oidc", premises: [job], why: "mints", location: here, caveats: [Caveat.nextRun]), depth: 1)
        store.forEachMarked { expiring[store.fact(of: $0).node.name] = $0.timeBounded }
        #expect(expiring["deployer"] == false)
    }

    @Test func namesAreNumberedOnceInTheOrderFirstMet() {
        var list = NameList<UInt16>()
        let numbers = ["job-secrets", "foothold", "job-secrets", "job-secrets", "dispatch", "foothold"].map { list.number(of: $0) }
        #expect(numbers == [0, 1, 0, 0, 2, 1])
        #expect([0, 1, 2].map { list.name($0) } == ["job-secrets", "foothold", "dispatch"])
        // Two file names that are Unicode-equivalent but not the same bytes are two names.
        var files = NameList<Int32>()
        let composed = "caf\u{E9}.yml", decomposed = "cafe\u{301}.yml"
        #expect(files.number(of: composed) == 0)
        #expect(files.number(of: decomposed) == 1)
        #expect(files.number(of: composed) == 0)
        #expect(Array(files.name(1).utf8) == Array(decomposed.utf8))
    }

    @Test func aNodeFirstSeenAsAPremiseIsFiledWhenAFactIsAboutIt() throws {
        let model = try ModelLoader().load(text: ExampleModel.wrap("""
            triggers: {push: {event: push, branches: [main]}}
            runners: {hosted: {hosting: hosted}}
            jobs: {build: {triggers: [push], runsOn: hosted}}
            """), file: "store.yml")
        var store = FactStore(numbering: AttackGraph(model).numbering, reservingCapacity: 0)
        let job = Fact(.exec, NodeID(.job, "build"))
        let later = Fact(.read, NodeID(.secret, "Z_LATER"))
        let earlier = Fact(.read, NodeID(.secret, "A_EARLIER"))
        let start = Derivation(rule: "foothold", premises: [], why: "start", location: .implicit("test"))
        store.insert(job, start, depth: 0)
        // Z_LATER is numbered first, as a premise, before any fact is about it.
        store.insert(earlier, Derivation(rule: "r", premises: [job, later], why: "via", location: .implicit("test")), depth: 1)
        #expect(!store.contains(later) && store.best(.read, later.node) == nil, "a premise alone is no fact")
        #expect(store.derivation(of: earlier)?.premises == [job, later])
        store.insert(later, Derivation(rule: "r", premises: [job], why: "then", location: .implicit("test")), depth: 1)
        #expect(store.best(.read, later.node) == .full)
        var marked: [NodeID] = []
        store.forEachMarked { marked.append(store.fact(of: $0).node) }
        #expect(marked == [job.node, earlier.node, later.node], "the model's nodes, then the others by id, whatever order they were numbered in")
    }

    @Test func aNodeHoldingSeveralCapabilitiesAndLevelsAnswersEachOnItsOwn() throws {
        let model = try ModelLoader().load(text: ExampleModel.wrap("""
            triggers: {push: {event: push, branches: [main]}}
            runners: {hosted: {hosting: hosted}}
            resources: {cluster: {type: cluster}}
            jobs: {build: {triggers: [push], runsOn: hosted}}
            """), file: "store.yml")
        var store = FactStore(numbering: AttackGraph(model).numbering, reservingCapacity: 0)
        let job = NodeID(.job, "build"), cluster = NodeID(.resource, "cluster")
        func why(_ depth: Int) -> Derivation {
            Derivation(rule: "r", premises: depth == 0 ? [] : [Fact(.exec, job, .untrusted)], why: "step \(depth)", location: .implicit("test"))
        }
        store.insert(Fact(.exec, job, .untrusted), why(0), depth: 0)
        store.insert(Fact(.start, job), why(1), depth: 1)
        store.insert(Fact(.access, cluster, .read), why(1), depth: 1)
        store.insert(Fact(.access, cluster, .deploy), why(2), depth: 2)
        store.insert(Fact(.access, cluster, .write), why(1), depth: 1)
        store.insert(Fact(.exec, job), why(3), depth: 3)
        #expect(store.best(.exec, job) == .full)
        #expect(store.best(.start, job) == .full)
        #expect(store.best(.access, cluster) == .deploy, "the highest level, whatever order the levels came in")
        #expect(store.has(.access, cluster, atLeast: .write) && !store.has(.access, cluster, atLeast: .admin))
        #expect(store.best(.access, job) == nil && store.best(.exec, cluster) == nil, "a capability is answered for its own node only")
        #expect([Level.read, .write, .deploy].map { store.depth(of: Fact(.access, cluster, $0)) } == [1, 1, 2])
        #expect(store.derivation(of: Fact(.exec, job))?.why == "step 3")
        var marked: [Fact: Int] = [:]
        store.forEachMarked { marked[store.fact(of: $0)] = $0.depth }
        #expect(marked == [Fact(.exec, job): 3, Fact(.access, cluster, .deploy): 2], "each node by its marking capability at its highest level")
    }

    @Test func aCaveatCountPastSixteenBitsIsComparedExactly() throws {
        let model = try Self.buildReadingToken()
        var store = FactStore(numbering: AttackGraph(model).numbering, reservingCapacity: 0)
        let job = Fact(.exec, NodeID(.job, "build")), secret = Fact(.read, NodeID(.secret, "TOKEN"))
        func hop(_ why: String, caveats: Int) -> Derivation {
            Derivation(rule: "r", premises: [job], why: why, location: .implicit("test"), caveats: Array(repeating: Caveat.nextRun, count: caveats))
        }
        store.insert(job, Derivation(rule: "foothold", premises: [], why: "start", location: .implicit("test")), depth: 0)
        // The fact keeps its caveat count in 16 bits; past them the derivation's own count decides.
        store.insert(secret, hop("most", caveats: 70_000), depth: 1)
        store.insert(secret, hop("more", caveats: 70_001), depth: 1)
        #expect(store.derivation(of: secret)?.why == "most", "more caveats do not replace fewer")
        store.insert(secret, hop("fewer", caveats: 65_535), depth: 1)
        #expect(store.derivation(of: secret)?.why == "fewer", "fewer caveats replace more, both past 16 bits")
        store.insert(secret, hop("as many", caveats: 65_535), depth: 1)
        #expect(store.derivation(of: secret)?.why == "fewer", "as many caveats do not replace")
    }

    @Test func aConclusionIsSparedOnlyWhenItWouldChangeNothing() throws {
        let model = try Self.buildReadingToken()
        let graph = AttackGraph(model)
        var store = FactStore(numbering: graph.numbering, reservingCapacity: 0)
        let job = Fact(.exec, NodeID(.job, "build")), secret = Fact(.read, NodeID(.secret, "TOKEN"))
        let number = try #require(graph.numbering.number(of: secret.node))
        #expect(!store.keeps(secret, withCaveatsAtMost: 5), "an unknown fact is news")
        store.insert(job, Derivation(rule: "foothold", premises: [], why: "start", location: .implicit("test")), depth: 0)
        store.insert(secret, Derivation(rule: "r", premises: [job], why: "once", location: .implicit("test"), caveats: [Caveat.nextRun]), depth: 1)
        #expect(store.keeps(secret, withCaveatsAtMost: 1) && store.keeps(secret, withCaveatsAtMost: 2))
        #expect(!store.keeps(secret, withCaveatsAtMost: 0), "a derivation with fewer caveats would replace the kept one")
        #expect(store.keeps(.read, numbered: number, .full, withCaveatsAtMost: 1) && !store.keeps(.read, numbered: number, .full, withCaveatsAtMost: 0))
        #expect(!store.keeps(.read, numbered: number, .unprotected, withCaveatsAtMost: 9), "another level is another fact")
    }

    @Test func aNodeFoundByNumberIsTheOneFoundByName() throws {
        let model = try ModelLoader().load(text: ExampleModel.wrap("""
            triggers: {push: {event: push, branches: [main]}}
            runners: {b-pool: {hosting: self-hosted}, a-pool: {hosting: hosted}}
            secrets: {Z: {}, A: {}}
            jobs:
              zeta: {triggers: [push], runsOn: a-pool, secrets: [Z]}
              alpha: {triggers: [push], runsOn: b-pool, secrets: [A]}
            """), file: "store.yml")
        let graph = AttackGraph(model)
        for name in ["alpha", "zeta"] {
            let number = try #require(graph.numbering.number(of: NodeID(.job, name)))
            #expect(graph.job(numbered: number)?.name == name)
            #expect(graph.secret(numbered: number) == nil && graph.runner(numbered: number) == nil, "a job's number is no other kind's")
            let runner = try #require(graph.runner(ofJobNumbered: number))
            #expect(runner.runner.name == model.jobs[name]?.runsOn?.name)
            #expect(graph.numbering.number(of: runner.runner.id) == runner.number)
        }
        for name in ["A", "Z"] {
            let number = try #require(graph.numbering.number(of: NodeID(.secret, name)))
            #expect(graph.secret(numbered: number)?.name == name)
        }
        for runner in ["a-pool", "b-pool"] {
            let number = try #require(graph.numbering.number(of: NodeID(.runner, runner)))
            let placed = graph.jobs(onRunnerNumbered: number)
            #expect(placed.map(\.job.name) == model.sortedJobs.filter { $0.runsOn?.name == runner }.map(\.name))
            #expect(placed.allSatisfy { graph.numbering.number(of: $0.job.id) == $0.number && graph.legitimateLevel(of: $0.job) == graph.legitimateLevel(of: $0) })
        }
    }
}
