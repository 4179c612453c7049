import FirebreakModel

/// A template or reusable workflow included by a mutable reference runs what its owner publishes.
struct DefinitionHijackRule: Rule {
    static let firedBy: Set<Capability> = [.edit]

    static let description = RuleDescription(
        id: "definition-hijack",
        name: "An included definition runs what its owner publishes",
        summary: "Whoever controls a template or reusable workflow included by tag or branch controls the jobs it defines on their next run.",
        premises: "edit(D); D is included from elsewhere by a mutable reference; D defines job J",
        conclusion: "exec(J) with full privileges, on J's next run",
        control: "Include templates and reusable workflows by full commit or digest, from repositories whose own pipelines are protected.",
        rationale: "A moved tag changes every pipeline that includes it at once, with the caller's secrets (`secrets: inherit` hands over all of them).",
        references: ["OWASP CICD-SEC-8 Ungoverned Usage of 3rd Party Services", "Trivy, March 2026: 75 of 76 trivy-action tags force-pushed"],
        firing: [RuleExample("a release template included by tag runs the attacker's new version", model: ExampleModel.wrap("""
            definitions: {release-template: {path: templates/release.yml, from: "platform/templates@v3"}}
            triggers: {push: {event: push}}
            runners: {hosted: {hosting: hosted}}
            jobs: {release: {definition: release-template, triggers: [push], runsOn: hosted}}
            """), footholds: ["edit definition:release-template"], expect: "exec job:release")],
        blocked: [RuleExample("the same template pinned to a commit keeps running the reviewed version", model: ExampleModel.wrap("""
            definitions: {release-template: {path: templates/release.yml, from: "platform/templates@0123456789abcdef0123456789abcdef01234567"}}
            triggers: {push: {event: push}}
            runners: {hosted: {hosting: hosted}}
            jobs: {release: {definition: release-template, triggers: [push], runsOn: hosted}}
            """), footholds: ["edit definition:release-template"], expect: "exec job:release")]
    )

    func conclusions(from fact: Fact, numbered number: Int, in graph: AttackGraph, known: FactStore) -> [Conclusion] {
        guard fact.node.kind == .definition, let definition = graph.model.definitions[fact.node.name],
              let pin = definition.pin, pin.isMutable else { return [] }
        return graph.jobs(definedBy: definition.name).map { defined in
            let job = defined.job
            guard job.definition?.name == definition.name else {
                // GitLab merges an included file under the including one: its `default:`, its
                // `variables:` and a job of the same name fill in what the job leaves unset.
                let merged = job.mergedDefinitions.first { $0.name == definition.name }
                return conclude(Fact(.exec, job.id), numbered: defined.number, from: [fact],
                                "job '\(job.name)' takes what it leaves unset (before_script, image, variables, …) from '\(definition.name)', which is \(pin.phrase)",
                                at: merged?.location ?? definition.location, caveats: [Caveat.nextRun])
            }
            return conclude(Fact(.exec, job.id), numbered: defined.number, from: [fact],
                     "job '\(job.name)' is defined by '\(definition.name)', which is \(pin.phrase)",
                     at: job.definition!.location, caveats: [Caveat.nextRun])
        }
    }
}

extension DefinitionHijackRule {
    func controls(for hop: Hop, in model: PipelineModel) -> [ModelChange] {
        guard let definition = hop.from else { return [] }
        return [ModelChange(.pinDefinition, definition)]
    }
}
