import FirebreakEngine
import FirebreakImport
import FirebreakModel
import FirebreakReport
import FirebreakTestSupport
import Foundation
import Testing

/// The text report reads verdict first and stays short and narrow: a tree per scenario,
/// assumptions named where a hop rests on them, scenarios that cannot start set apart.
struct SimulationTextTests {
    static func text(_ path: String, maxPaths: Int = 1) throws -> String {
        let model = try InputLoader.load(path: path).model
        let simulation = Simulation(model: model)
        let results = try Examples.library().scenarios.map(simulation.run)
        return SimulationText(model: model, results: results, assumptions: simulation.assumptions, maxPaths: maxPaths).text
    }

    static func lines(_ text: String) -> [Substring] { text.split(separator: "\n", omittingEmptySubsequences: false) }

    @Test func everyFixturesReportStaysWithin120Columns() throws {
        let fixtures = PackagePaths.path("Tests/FirebreakImportTests/Fixtures")
        for name in try FileManager.default.contentsOfDirectory(atPath: fixtures).sorted() {
            guard let text = try? Self.text("\(fixtures)/\(name)") else { continue }
            let widest = Self.lines(text).map(\.count).max() ?? 0
            #expect(widest <= 120, "\(name): a line of \(widest) characters")
        }
    }

    /// A scenario draws one path by default; the crown jewels it reaches beyond that path are
    /// named under it, with the option that draws theirs, so the first screen hides none.
    @Test func crownJewelsBeyondTheDrawnPathAreNamed() throws {
        let path = PackagePaths.path("Scenarios/pipelines/skeleton-key.yml")
        let text = try Self.text(path)
        let more = try #require(Self.lines(text).first { $0.hasPrefix("  + ") }, "a scenario on skeleton-key reaches more than one crown jewel")
        #expect(more.contains(" more crown jewel") && more.contains("reached: ") && more.hasSuffix("draws every path)"), "\(more)")
        let model = try InputLoader.load(path: path).model
        let simulation = Simulation(model: model)
        let most = try Examples.library().scenarios.map(simulation.run).map(\.crownJewels.count).max() ?? 0
        #expect(!Self.lines(try Self.text(path, maxPaths: most + 10)).contains { $0.hasPrefix("  + ") }, "every path drawn: nothing left to name")
    }

    @Test func aLongFolderPathKeepsTheHeaderWithin120Columns() throws {
        let repository = try ScratchRepository(named: String(repeating: "deep-folder/", count: 10) + "repository",
                                               files: [".github/workflows/ci.yml": SampleWorkflow.build()])
        let header = try #require(Self.lines(try Self.text(repository.root)).first)
        #expect(header.count <= 120, "\(header)")
        #expect(header.contains("…") && header.hasSuffix("repository): 10 scenarios"), "the end of the path names the folder")
        let model = try InputLoader.load(path: repository.root).model
        let simulation = Simulation(model: model)
        let weaknesses = WeaknessReport(model: model, results: try Examples.library().scenarios.map(simulation.run)).text()
        let first = try #require(Self.lines(weaknesses).first)
        #expect(first.count <= 120 && first.contains("…") && first.contains("/repository): "), "\(first)")
    }

    @Test func pathsAreATreeWhoseSharedHopsArePrintedOnce() throws {
        let text = try Self.text(ImportFixtures.path("self-hosted"), maxPaths: 3)
        #expect(text.contains("""
              act actor:anyone  [foothold] firebreak.context.yml:2:13
              └ own runner:ci-pool  [fork-pull-request] firebreak.context.yml:4:3
                └ exec job:ci/deploy  [runner-hijack] .github/workflows/ci.yml:14:14
            """))
        // Three paths from one foothold: the foothold line is printed once in that scenario.
        let fork = text.components(separatedBy: "\n\n").first { $0.hasPrefix("malicious-fork-pr") } ?? ""
        #expect(fork.components(separatedBy: "act actor:anyone").count == 2, "\(fork)")
        // Two crown jewels on one chain (the cluster through the secret that opens it): the
        // shared hops are drawn once.
        #expect(fork.contains("2 crown jewels reached") && fork.components(separatedBy: "read secret:KUBECONFIG_DATA").count == 2, "\(fork)")
        // A later scenario that ends as an earlier one refers to it instead of repeating it.
        #expect(text.contains("then as in malicious-fork-pr, from exec job:ci/deploy"))
        // The note follows the hop it continues from; that hop is not drawn again below it.
        for block in text.components(separatedBy: "\n\n") {
            let lines = block.split(separator: "\n").map(String.init)
            for (index, line) in lines.enumerated() {
                guard let range = line.range(of: "then as in "), let from = line.range(of: ", from ", range: range.upperBound..<line.endIndex) else { continue }
                let hop = String(line[from.upperBound...])
                #expect(!lines[(index + 1)...].contains { $0.contains(hop + "  [") }, "\(hop) drawn after the note that continues from it:\n\(block)")
            }
        }
    }

    @Test func theVerdictLineCountsTheCrownJewelsThatRestOnAssumptions() throws {
        let text = try Self.text(PackagePaths.path("Scenarios/pipelines/skeleton-key.yml"))
        // Rita's push creates a branch only because nothing says branches are protected: assumed.
        #expect(text.contains("insider-self-approval — An insider ships their own change\n  score 271, 6 crown jewels reached (4 on assumptions);"),
                "\(text)")
    }

    /// A scenario about a hop (cache-poisoning: a poisoned cache) says how many crown jewels
    /// it reaches through one: all of them when the poisoning test job holds nothing itself, none
    /// when the test job reads the deploy key itself, which the line and the JSON both say.
    /// A test job that saves a cache the deploy job restores; `testSecrets` lists what the test job holds.
    static func sharedCacheModel(testSecrets: String) throws -> PipelineModel {
        try ModelLoader().load(text: ExampleModel.wrap("""
            caches: {deps: {}}
            triggers: {push: {event: push, branches: [main]}}
            runners: {hosted: {hosting: hosted}}
            secrets: {DEPLOY_KEY: {criticality: critical}}
            jobs:
              test: {role: test, triggers: [push], runsOn: hosted, savesCaches: [deps], secrets: \(testSecrets)}
              deploy: {role: deploy, installsDependencies: true, triggers: [push], runsOn: hosted, restoresCaches: [deps], secrets: [DEPLOY_KEY]}
            """), file: "m.yml")
    }

    @Test func aScenarioAboutAHopCountsTheCrownJewelsReachedThroughIt() throws {
        func run(testSecrets: String) throws -> (text: String, json: String) {
            let model = try Self.sharedCacheModel(testSecrets: testSecrets)
            // With a second scenario that cannot start here, the report opens with the verdict.
            let scenarios = try ["cache-poisoning", "stolen-static-key"].map { try #require(try Examples.library().scenario(id: $0)) }
            let results = scenarios.map(Simulation(model: model).run)
            let json = String(decoding: SimulationJSON.bytes(model: model, results: results, assumptions: []), as: UTF8.self)
            return (SimulationText(model: model, results: results, assumptions: []).text, json)
        }
        let poisoned = try run(testSecrets: "[]")
        #expect(poisoned.text.contains("1 crown jewel reached (1 through a poisoned cache)"), "\(poisoned.text)")
        #expect(poisoned.text.contains("poison cache:deps"))
        #expect(poisoned.json.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\n", with: "")
                    .contains("\"crownJewelsThrough\":{\"capability\":\"poison\",\"count\":1,\"says\":\"apoisonedcache\"}"), "\(poisoned.json)")
        let direct = try run(testSecrets: "[DEPLOY_KEY]")
        #expect(direct.text.contains("1 crown jewel reached (none through a poisoned cache)"), "\(direct.text)")
        #expect(direct.text.replacingOccurrences(of: "\n", with: " ").contains("the worst, cache-poisoning, reaches 1 (DEPLOY_KEY), none through a poisoned cache"),
                "\(direct.text)")
    }

    /// Of two scenarios reaching as many crown jewels, the one whose story is what happens ranks
    /// first: a cache-poisoning run whose foothold reaches the key itself tells less than a
    /// compromised build step that does the same.
    @Test func ofTwoScenariosReachingAsManyTheOneThatReachesThemByItsOwnMeansIsTheWorst() throws {
        let model = try Self.sharedCacheModel(testSecrets: "[DEPLOY_KEY]")
        let scenarios = try ["cache-poisoning", "compromised-build-step"].map { try #require(try Examples.library().scenario(id: $0)) }
        let results = scenarios.map(Simulation(model: model).run)
        #expect(results.allSatisfy { $0.crownJewels == [NodeID(.secret, "DEPLOY_KEY")] }, "both reach the key")
        let text = SimulationText(model: model, results: results, assumptions: []).text
        #expect(text.replacingOccurrences(of: "\n", with: " ").contains("the worst, compromised-build-step, reaches 1 (DEPLOY_KEY)"), "\(text)")
        let table = Self.lines(text).drop { !$0.hasPrefix("scenario") }.dropFirst().prefix(2)
        #expect(table.first?.hasPrefix("compromised-build-step") == true && table.last?.hasPrefix("cache-poisoning") == true, "\(table)")
        #expect(HTMLReport.ranked(results).map(\.scenario.id) == ["compromised-build-step", "cache-poisoning"], "the page ranks alike")
        // The verdict counts both, and says the second reaches none through its hop.
        #expect(text.replacingOccurrences(of: "\n", with: " ")
                    .contains("verdict: 2 of 2 scenarios reach a crown jewel (cache-poisoning: none through a poisoned cache); the worst, compromised-build-step"),
                "\(text)")
        // The control: a test job that holds nothing reaches the key through the cache, and nothing is said.
        let poisoning = try Self.sharedCacheModel(testSecrets: "[]")
        let through = SimulationText(model: poisoning, results: scenarios.map(Simulation(model: poisoning).run), assumptions: []).text
        #expect(!through.contains("(cache-poisoning: none through"), "\(through)")
    }

    /// A scenario about a hop that reaches more crown jewels than any other, none of them
    /// through its hop (a scan job that holds them itself), tops the table but is not the
    /// verdict's worst: the scenario whose story reaches them is (cosign's scorecard job).
    @Test func theVerdictsWorstIsOneWhoseStoryReachesItsCrownJewels() throws {
        let model = try ModelLoader().load(text: ExampleModel.wrap("""
            caches: {deps: {}}
            triggers: {push: {event: push, branches: [main]}}
            runners: {hosted: {hosting: hosted}}
            secrets: {DEPLOY_KEY: {criticality: critical}, SCAN_KEY: {criticality: critical}}
            jobs:
              scan: {role: scan, triggers: [push], runsOn: hosted, savesCaches: [deps], secrets: [SCAN_KEY, DEPLOY_KEY]}
              build: {role: build, triggers: [push], runsOn: hosted, secrets: [DEPLOY_KEY]}
            """), file: "m.yml")
        let scenarios = try ["cache-poisoning", "compromised-build-step"].map { try #require(try Examples.library().scenario(id: $0)) }
        let results = scenarios.map(Simulation(model: model).run)
        let text = SimulationText(model: model, results: results, assumptions: []).text
        let table = Self.lines(text).drop { !$0.hasPrefix("scenario") }.dropFirst().prefix(2)
        #expect(table.first?.hasPrefix("cache-poisoning") == true, "the table ranks by crown jewels: \(table)")
        #expect(text.replacingOccurrences(of: "\n", with: " ")
                    .contains("verdict: 2 of 2 scenarios reach a crown jewel (cache-poisoning: none through a poisoned cache); the worst, compromised-build-step, reaches 1"),
                "\(text)")
        // The page names the same worst, and says why the first row is not it.
        var report = HTMLReport(model: model, results: results, assumptions: [], weaknesses: WeaknessReport(model: model, results: results),
                                fix: nil, pictures: [:])
        let page = report.html()
        #expect(page.contains(">compromised-build-step</a>, reaches 1") && page.contains("(cache-poisoning reaches 2, none through a poisoned cache: its foothold holds them itself.)"),
                "\(page)")
    }

    /// A scenario that starts at a crown jewel (write access to a registry releases go to, which
    /// keeps an image) says so, rather than an all-clear "no crown jewel reached"; where the
    /// registry keeps nothing the pipeline takes back, artifact tampering does not apply.
    @Test func aScenarioThatStartsAtACrownJewelSaysSo() throws {
        func registryModel(_ artifacts: String) throws -> PipelineModel {
            try ModelLoader().load(text: ExampleModel.wrap("""
                resources: {registry: {type: registry, criticality: critical, production: true}}
                \(artifacts)
                """), file: "m.yml")
        }
        let scenario = try #require(try Examples.library().scenario(id: "artifact-tampering"))
        #expect(Simulation(model: try registryModel("")).run(scenario).footholds.isEmpty, "a registry that keeps nothing the pipeline takes back")
        let model = try registryModel("artifacts: {image: {store: registry}}")
        let result = Simulation(model: model).run(scenario)
        #expect(result.crownJewels.isEmpty && result.crownJewelsHeldAtStart == [NodeID(.resource, "registry")])
        let text = SimulationText(model: model, results: [result], assumptions: []).text
        #expect(text.contains("starts at a crown jewel, none reached beyond") && !text.contains("no crown jewel reached"), "\(text)")
        // A scenario of one's own that starts there and reaches nothing else marks it where it starts.
        let bare = try registryModel("")
        let own = Scenario(id: "registry-account", title: "The registry account is taken", narrative: "", attacker: "",
                           footholds: [FootholdSelector(target: .resources, conditions: ["type": ["registry"]], pick: .all, level: .write,
                                                        why: "the account is taken", location: .implicit("test"))],
                           references: [], location: .implicit("test"))
        let alone = SimulationText(model: bare, results: [Simulation(model: bare).run(own)], assumptions: []).text
        #expect(alone.contains("nothing beyond where it starts (◆ crown jewel): resource:registry ◆"), "\(alone)")
    }

    /// Secrets rated low (a setting by its name: a user name, a switch) are counted apart from
    /// the rest, in the scenario's line and the table: a reader counts credentials.
    @Test func secretsRatedLowAreCountedApart() throws {
        func text(_ secrets: String, _ names: String) throws -> (line: String, row: String, legend: Bool) {
            let model = try ModelLoader().load(text: ExampleModel.wrap("""
                triggers: {push: {event: push, branches: [main]}}
                runners: {hosted: {hosting: hosted}}
                secrets: {\(secrets)}
                jobs: {build: {role: build, triggers: [push], runsOn: hosted, secrets: [\(names)]}}
                """), file: "m.yml")
            let scenarios = try ["compromised-build-step", "malicious-fork-pr"].map { try #require(try Examples.library().scenario(id: $0)) }
            let text = SimulationText(model: model, results: Simulation(model: model).run(scenarios), assumptions: []).text
            let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("  score") })
            let row = try #require(text.split(separator: "\n").first { $0.hasPrefix("compromised-build-step ") })
            return (String(line), String(row), text.contains("secrets: those rated above low"))
        }
        let mixed = try text("DEPLOY_KEY: {criticality: high}, DEPLOY_USER: {criticality: low}, JOBS: {criticality: low}", "DEPLOY_KEY, DEPLOY_USER, JOBS")
        #expect(mixed.line.hasSuffix("1 secret: DEPLOY_KEY; 2 more rated low"), "\(mixed.line)")
        #expect(mixed.row.split(separator: " ", omittingEmptySubsequences: true).dropFirst(3).first == "1", "the table counts the same: \(mixed.row)")
        #expect(mixed.legend, "the table says what its count leaves out")
        let onlyLow = try text("DEPLOY_USER: {criticality: low}", "DEPLOY_USER")
        #expect(onlyLow.line.hasSuffix("1 secret rated low: DEPLOY_USER"), "\(onlyLow.line)")
        // The control: none rated low, none counted apart.
        let rated = try text("DEPLOY_KEY: {criticality: high}, DEPLOY_USER: {criticality: medium}", "DEPLOY_KEY, DEPLOY_USER")
        #expect(rated.line.hasSuffix("2 secrets: DEPLOY_KEY, DEPLOY_USER"), "\(rated.line)")
        #expect(!rated.legend)
    }

    /// A scenario line too full for even one secret's name ends at the count, not with an empty
    /// list ("2 secrets:  and 2 more").
    @Test func aSecretNameTooLongForTheLineLeavesTheCount() throws {
        let long = String(repeating: "VERY_LONG_SECRET_NAME_", count: 5)
        let model = try ModelLoader().load(text: ExampleModel.wrap("""
            triggers: {push: {event: push, branches: [main]}}
            runners: {hosted: {hosting: hosted}}
            secrets: {\(long)A: {criticality: critical}, \(long)B: {criticality: critical}}
            jobs: {build: {role: build, triggers: [push], runsOn: hosted, secrets: [\(long)A, \(long)B]}}
            """), file: "m.yml")
        let scenario = try #require(try Examples.library().scenario(id: "compromised-build-step"))
        let text = SimulationText(model: model, results: [Simulation(model: model).run(scenario)], assumptions: []).text
        let line = try #require(text.split(separator: "\n").first { $0.contains("crown jewels reached") })
        #expect(line.hasSuffix("2 crown jewels reached; 2 secrets"), "\(line)")
    }

    @Test func aHopThatRestsOnAnAssumptionSaysSoWhereItIsUsed() throws {
        let text = try Self.text(ImportFixtures.path("gh-runners"))
        #expect(text.contains("note: assumed: self-hosted runners labelled self-hosted, gpu are persistent"))
    }

    /// A hop no line of the input gives (the people and branches assumed without a context
    /// file) does not cite the context file as if it said so: it says where to settle it.
    @Test func aHopNoLineGivesSaysWhereToSettleIt() throws {
        let repository = try ScratchRepository(files: [".github/workflows/ci.yml": SampleWorkflow.build()])
        let text = try Self.text(repository.root, maxPaths: 5)
        let insider = try #require(text.components(separatedBy: "\n\n").first { $0.hasPrefix("poisoned-pipeline-definition") })
        #expect(insider.contains("act actor:a-contributor  [foothold] assumed (settle in firebreak.context.yml)"), "\(insider)")
        #expect(!Self.lines(text).contains { $0.hasSuffix("] firebreak.context.yml") }, "\(text)")
        // The control: a context file that declares the person gives the hop its line.
        let declared = try ScratchRepository(files: [".github/workflows/ci.yml": SampleWorkflow.build(), "firebreak.context.yml": """
            firebreak: 1
            repository: {name: acme/app, visibility: public}
            actors: {dev: {role: contributor}}
            """])
        #expect(try Self.text(declared.root, maxPaths: 5).contains("act actor:dev  [foothold] firebreak.context.yml:3:"))
    }

    /// Of crown jewels as critical, the verdict names first those reached without an assumption:
    /// the reader sees the surest before the likeliest to be settled away.
    @Test func theVerdictNamesTheSurestCrownJewelsFirst() throws {
        var model = try ModelLoader().load(text: ExampleModel.wrap("""
            triggers: {push: {event: push}}
            runners: {hosted: {hosting: hosted}}
            secrets: {A_KEY: {criticality: critical}, B_KEY: {criticality: critical}}
            jobs: {build: {triggers: [push], runsOn: hosted, secrets: [A_KEY, B_KEY]}}
            """), file: "example.yml")
        let scenario = Scenario(id: "hostile-build", title: "The build turns hostile", narrative: "", attacker: "",
                                footholds: [FootholdSelector(target: .jobs, conditions: ["name": ["build"]], pick: .all, level: .write,
                                                             why: "the build runs the attacker's code", location: .implicit("test"))],
                                references: [], location: .implicit("test"))
        // A verdict comes with more than one scenario: the second starts nowhere.
        var idle = scenario
        idle.id = "idle"
        idle.footholds = [FootholdSelector(target: .jobs, conditions: ["name": ["none"]], pick: .all, level: .write, why: "none",
                                           location: .implicit("test"))]
        func verdict() -> String {
            let simulation = Simulation(model: model)
            return SimulationText(model: model, results: [simulation.run(scenario), simulation.run(idle)], assumptions: simulation.assumptions).text
                .components(separatedBy: "\n").prefix(3).joined(separator: " ")
        }
        #expect(verdict().contains("reaches 2 (A_KEY, B_KEY)"), "the control: by name, as sure as each other")
        model.assumptions.append(Assumption(subject: NodeID(.secret, "A_KEY"), statement: "secret 'A_KEY' is handed to the build",
                                            settle: "say so", location: .implicit("example.yml")))
        #expect(verdict().contains("reaches 2 (B_KEY, A_KEY), 1 resting on an assumption"), "\(verdict())")
    }

    /// The verdict's assumption, too long for it, stops at the end of a clause, not in the middle
    /// of a word: what is assumed comes before the colon, why it matters after.
    @Test func aLongAssumptionInTheVerdictStopsAtAClause() throws {
        func verdict(job: String) throws -> String {
            let repository = try ScratchRepository(files: [".github/workflows/release.yml": SampleWorkflow.oneJob(
                job, on: "{push: {tags: [\"v*\"]}}", permissions: "{contents: write}",
                steps: ["uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683", "run: npm ci && npm run build",
                        "run: gh release upload \"$GITHUB_REF_NAME\" dist/*\nenv: {GH_TOKEN: \"${{ github.token }}\"}"])])
            return try Self.text(repository.root).components(separatedBy: "\n\n")[0].components(separatedBy: "\n").dropFirst()
                .joined(separator: " ")
        }
        let long = "upload-release-assets-for-every-platform-we-support-including-the-nightly-channel-builds"
        #expect(try verdict(job: long).hasSuffix("1 on: job 'release/\(long)' publishes to github-releases"))
        // The control: a statement that fits is given whole.
        #expect(try verdict(job: "upload").hasSuffix("1 on: job 'release/upload' publishes to github-releases: whoever can upload there ships releases others install, a crown jewel"))
    }

    @Test func scenariosThatCannotStartAreNotApplicableWithTheReason() throws {
        let text = try Self.text(ImportFixtures.path("prt-checkout"))
        #expect(text.contains("not applicable here:\n"))
        #expect(text.contains("  stolen-static-key: this model has no identity with type static-key"))
        #expect(text.contains("stolen-static-key               n/a"), "the verdict table says n/a, not 0")
    }

    /// A count of what a scenario reaches is not all there is: a rewritten pipeline also names
    /// secrets no file names, and its report says so under its score, where a scenario with
    /// nothing uncounted says nothing.
    @Test func aScenarioSaysWhatItsCountLeavesOut() throws {
        let repository = try ScratchRepository(files: [".github/workflows/ci.yml": SampleWorkflow.build()])
        let lines = Self.lines(try Self.text(repository.root))
        let header = try #require(lines.firstIndex { $0.hasPrefix("poisoned-pipeline-definition — ") })
        #expect(lines[header + 2].hasPrefix("  not counted: the secrets no file names"), "\(lines[header + 2])")
        let other = try #require(lines.firstIndex { $0.hasPrefix("compromised-build-step — ") })
        #expect(!lines[other + 2].contains("not counted"))
    }

    /// A scenario that cannot start where the importers do not look says what they do not read:
    /// every action pinned by commit is not every action's own steps pinned.
    @Test func aNotApplicableScenarioSaysWhatIsNotRead() throws {
        let repository = try ScratchRepository(files: [".github/workflows/ci.yml": SampleWorkflow.build()])
        let text = try Self.text(repository.root)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let line = try #require(lines.firstIndex { $0.hasPrefix("  compromised-third-party-action: this model has no step") })
        #expect(lines[line + 1].hasPrefix("    not read: the steps inside what the pipeline takes from other repositories and projects"))
        // One paragraph, wrapped to the width under its label.
        let continued = lines[(line + 2)...].prefix { $0.hasPrefix("              ") }
        let paragraph = ([lines[line + 1]] + continued).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(!continued.isEmpty && paragraph.hasSuffix("system packages (apt, brew) and tools named by variables"), "\(lines[line...].prefix(4))")
        #expect(lines[line...].prefix(2 + continued.count).allSatisfy { $0.count <= 120 })
    }

    @Test func aLargeRepositorysDefaultTextFitsInEightyLines() throws {
        // Forty workflows, each with a privileged pull request job that builds the head with secrets.
        var files: [String: String] = [:]
        for index in 0..<40 {
            files[".github/workflows/w\(index).yml"] = """
                on: [pull_request_target, push]
                jobs:
                  build:
                    runs-on: [self-hosted, pool\(index % 3)]
                    steps:
                      - uses: actions/checkout@v4
                        with: {ref: "${{ github.event.pull_request.head.sha }}"}
                      - run: make && ./publish --token "${{ secrets.TOKEN_\(index) }}"
                      - uses: actions/cache@v4
                        with: {path: ~/.cache, key: k}
                """
        }
        let repository = try ScratchRepository(files: files)
        let text = try Self.text(repository.root)
        let lines = Self.lines(text)
        #expect(lines.count <= 80, "\(lines.count) lines:\n\(text)")
        #expect((lines.map(\.count).max() ?? 0) <= 120)
        #expect(text.contains("and 3") || text.contains("more"), "long lists are counted, not printed")
    }
}

/// The first lines say what is reached and how bad it is, in a sentence.
struct VerdictSentenceTests {
    @Test func theVerdictNamesTheWorstScenariosCrownJewelsMostCriticalFirst() throws {
        let text = try SimulationTextTests.text(PackagePaths.path("Scenarios/pipelines/skeleton-key.yml"))
        let verdict = SimulationTextTests.lines(text).dropFirst().prefix { !$0.isEmpty }.joined(separator: " ")
        #expect(verdict == "verdict: 10 of 10 scenarios reach a crown jewel; the worst, malicious-fork-pr, reaches 6 (AWS_DEPLOY_KEY, DB_PASSWORD, RELEASE_PAT and 3 more)",
                "the secrets first, the most critical first: \(verdict)")
    }

    /// A definition from elsewhere (a remote include, a component) adds jobs no path goes
    /// through: the verdict says it rests on not reading them.
    @Test func theVerdictSaysWhichDefinitionsFromElsewhereWereNotRead() throws {
        let repository = try ScratchRepository(files: [".gitlab-ci.yml": """
            include:
              - component: gitlab.example.org/acme/templates/release@main
                inputs: {dist-job-name: dist}
            dist:
              script: [meson dist]
              artifacts: {paths: [dist/]}
            """])
        let lines = SimulationTextTests.lines(try SimulationTextTests.text(repository.root))
        #expect(lines[1].hasPrefix("verdict: "))
        #expect(lines[2...3].joined(separator: " ")
            .hasPrefix("not read: 1 definition from elsewhere (component:gitlab.example.org/acme/templates/release@main), taken as one job whose steps are unknown"),
                "under the verdict: \(lines.prefix(4))")
        let own = try ScratchRepository(files: [".gitlab-ci.yml": "dist:\n  script: [meson dist]\n"])
        #expect(!(try SimulationTextTests.text(own.root)).contains("from elsewhere"))
        // The HTML report's verdict says the same.
        let model = try InputLoader.load(path: repository.root).model
        let results = try Examples.library().scenarios.map(Simulation(model: model).run)
        var report = HTMLReport(model: model, results: results, assumptions: [], weaknesses: WeaknessReport(model: model, results: results),
                                fix: nil, pictures: [:])
        #expect(report.html().contains("<p>Not read: 1 definition from elsewhere (component:gitlab.example.org/acme/templates/release@main), taken as one job whose steps are unknown.</p>"))
    }

    @Test func aPipelineWhereNothingReachesACrownJewelSaysSo() throws {
        let repository = try ScratchRepository(files: [".github/workflows/ci.yml": SampleWorkflow.build()])
        let text = try SimulationTextTests.text(repository.root)
        #expect(SimulationTextTests.lines(text)[1].hasPrefix("verdict: no scenario reaches a crown jewel ("), "\(text)")
        #expect(!text.contains("rated high"), "nothing rated high is reached: \(text)")
    }

    /// No crown jewel, but a secret whose use is unknown (rated high) is reached: the all-clear
    /// names it, so that it is settled before anyone relies on the verdict.
    @Test func anAllClearNamesTheSecretsRatedHighItRestsOn() throws {
        let repository = try ScratchRepository(files: [".github/workflows/ci.yml": """
            on: {push: {branches: [main]}}
            permissions: {contents: read}
            jobs:
              report:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683
                  - run: make report
                    env: {TOKEN: "${{ secrets.DASHBOARD_TOKEN }}"}
            """])
        let text = try SimulationTextTests.text(repository.root)
        let verdict = SimulationTextTests.lines(text).dropFirst().prefix { !$0.isEmpty }.joined(separator: " ")
        #expect(verdict.hasPrefix("verdict: no scenario reaches a crown jewel ("), "\(verdict)")
        #expect(verdict.contains("reaches 1 secret rated high (DASHBOARD_TOKEN), resting on an assumption: anyone who can push may create new branches, and they are unprotected; settle what it opens"),
                "\(verdict)")
        // The HTML report's verdict says the same.
        let model = try InputLoader.load(path: repository.root).model
        let results = try Examples.library().scenarios.map(Simulation(model: model).run)
        var report = HTMLReport(model: model, results: results, assumptions: [], weaknesses: WeaknessReport(model: model, results: results),
                                fix: nil, pictures: [:])
        let page = report.html()
        #expect(page.contains("reaches 1 secret rated high: <code>DASHBOARD_TOKEN</code>, resting on an assumption: anyone who can push may create new branches, and they are unprotected; settle what it opens."), "\(page)")
    }

    /// Write access to the repository, rated high because no release job was found to make it a
    /// crown jewel, is named in an all-clear too, with what settles it.
    @Test func anAllClearNamesTheRepositoryWriteItRestsOn() throws {
        let repository = try ScratchRepository(files: [".github/workflows/ci.yml": SampleWorkflow.oneJob(
            "bump", on: "{push: {branches: [main]}}", permissions: "{contents: write}",
            steps: ["uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683", "run: npm ci && npm test"])])
        let text = try SimulationTextTests.text(repository.root)
        let verdict = SimulationTextTests.lines(text).dropFirst().prefix { !$0.isEmpty }.joined(separator: " ")
        #expect(verdict.hasPrefix("verdict: no scenario reaches a crown jewel ("), "\(verdict)")
        #expect(verdict.contains("write access to the repository rated high") && verdict.contains("whether others install what the repository releases (then write access to it is a crown jewel)"),
                "\(verdict)")
        // Its path rests on the workflow's token being what the file says: no assumption to name.
        #expect(!verdict.contains("resting on"), "\(verdict)")
    }

    /// An all-clear whose highly rated reach rests on an assumption names it, as a crown jewel's
    /// verdict does: here a self-hosted pool taken to be persistent, the only way a stranger's
    /// pull request reaches the write token.
    @Test func anAllClearSaysWhatItsHighlyRatedReachRestsOn() throws {
        let repository = try ScratchRepository(files: [".github/workflows/ci.yml": """
            on: [pull_request, push]
            permissions: {contents: write}
            jobs:
              test:
                runs-on: [self-hosted, linux]
                steps:
                  - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683
                  - run: make test
            """])
        let text = try SimulationTextTests.text(repository.root)
        let verdict = SimulationTextTests.lines(text).dropFirst().prefix { !$0.isEmpty }.joined(separator: " ")
        #expect(verdict.contains("rated high (this-repository), resting on an assumption: "), "\(verdict)")
    }
}


/// Of crown jewels as critical, the path drawn first is the more certain one: the shorter, where
/// neither rests on an assumption, whatever their names.
@Suite struct DrawnPathOrderTests {
    @Test func theShorterPathToAsCriticalAJewelIsDrawnFirst() throws {
        let model = try ModelLoader().load(text: ExampleModel.wrap("""
            secrets:
              AAA_DEPLOY_KEY: {criticality: critical}
              ZED_SIGNING_KEY: {criticality: critical}
            triggers: {push: {event: push, branches: [main]}}
            runners: {pool: {hosting: self-hosted, lifecycle: persistent}}
            jobs:
              build: {role: build, triggers: [push], runsOn: pool, secrets: [ZED_SIGNING_KEY]}
              deploy: {role: deploy, triggers: [push], runsOn: pool, secrets: [AAA_DEPLOY_KEY]}
            """), file: "order.yml")
        let scenario = try #require(try Examples.library().scenario(id: "compromised-build-step"))
        let result = Simulation(model: model).run(scenario)
        #expect(Set(result.crownJewels.map(\.name)).isSuperset(of: ["AAA_DEPLOY_KEY", "ZED_SIGNING_KEY"]))
        let text = SimulationText(model: model, results: [result], assumptions: []).text
        let firstRead = try #require(text.components(separatedBy: "\n").first { $0.contains("read secret:") })
        #expect(firstRead.contains("ZED_SIGNING_KEY"), "the one-hop path first: \(text)")
    }
}
