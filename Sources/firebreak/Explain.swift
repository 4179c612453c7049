import ArgumentParser
import FirebreakEngine
import FirebreakModel
import FirebreakReport

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Explain a rule or a scenario: what it concludes, the control that blocks it, its sources and examples.",
        discussion: """
        Without an argument, lists every rule. Rule ids appear in brackets on every hop that \
        `firebreak simulate` prints.

        Examples:
          firebreak explain
          firebreak explain runner-hijack
          firebreak explain malicious-fork-pr
          firebreak explain --scenarios my-scenarios/ leaked-deploy-key
          firebreak explain --markdown > docs/rules.md
        """
    )

    @Argument(help: "A rule id, a scenario id or a weakness kind.")
    var id: String?

    @Flag(help: "Print the whole rule catalogue as Markdown (the generated docs/rules.md).")
    var markdown = false

    @Option(name: .customLong("scenarios"), help: "A folder of your own scenario files (repeatable), to explain one of them.")
    var scenarioFolders: [String] = []

    func validate() throws {
        if markdown, id != nil { throw ValidationError("--markdown prints the whole catalogue; leave out the id") }
    }

    func run() throws {
        if markdown {
            Console.out(RuleDocumentation.markdown(RuleCatalogue.descriptions))
            return
        }
        guard let id else {
            Console.out(RuleDocumentation.index(RuleCatalogue.descriptions))
            return
        }
        if let rule = RuleCatalogue.rule(id: id) {
            Console.out(RuleDocumentation.text(type(of: rule).description))
            return
        }
        if id == "foothold" {
            Console.out("""
                foothold — Where the attacker starts

                Every path begins with a foothold: a fact the scenario gives the attacker before any
                rule fires (a job they run code in, an identity they hold, an actor they are). A
                scenario's selectors pick the footholds from the model: jobs by role or name, steps by
                pin state, identities by breadth or name, runners by hosting, actors by role.

                control: remove what the scenario selects — pin the step by digest, replace the static
                key with OIDC, make the runner ephemeral, split the identity — and the scenario has no
                foothold, or a smaller one.

                see: firebreak scenarios; firebreak explain SCENARIO-ID

                """)
            return
        }
        if let kind = Weakness.Kind(rawValue: id), let rule = RuleCatalogue.rule(id: kind.rule) {
            let role = kind.latentBecause.map { "no rule's premise: \($0); rule '\(kind.rule)' is explained below" } ?? "a premise of rule '\(kind.rule)', explained below"
            Console.out("\(kind.rawValue) — \(kind.title)\n\nA weakness `firebreak weaknesses` lists: \(role).\n\n")
            Console.out(RuleDocumentation.text(type(of: rule).description))
            return
        }
        let library = try ScenarioLocator.library(extra: scenarioFolders)
        if let scenario = library.scenario(id: id) {
            Console.out(ScenarioDocumentation.text(scenario))
            return
        }
        let known = RuleCatalogue.descriptions.map(\.id) + library.scenarios.map(\.id) + ["foothold"] + Weakness.Kind.allCases.map(\.rawValue)
        let hint = Suggestion.closest(to: id, in: known).map { "did you mean '\($0)'?" } ?? "run `firebreak explain` for the rules, `firebreak scenarios` for the scenarios"
        throw InputFailure(message: "error: no rule or scenario '\(id)'\n  help: \(hint)")
    }
}
