import FirebreakModel

/// AI coding agents run as actions (`openai/codex-action`, `anthropics/claude-code-action`):
/// the agent reads the event's text (an issue, a comment, a pull request) and runs tools in the
/// job. Each runs by default only for an actor with write access to the repository, and each
/// has an input that opens it to others (codex-action's `allow-users`, claude-code-action's
/// `allowed_non_write_users`; the actions' security documentation). Opened to `*`, anyone's
/// text reaches an agent that acts in the job: the prompt injection of Cline's 2026 incident.
enum AgentActions {
    /// Each agent action, by the prefix of `uses:`, with its input that admits actors without
    /// write access.
    private static let gates: [(action: String, input: String)] = [
        ("openai/codex-action", "allow-users"),
        ("anthropics/claude-code-action", "allowed_non_write_users"),
    ]

    /// What is weak about a step whose agent runs for every GitHub user, and where the input
    /// that opens it is written; nil for any other step (a list of named users admits them only).
    static func openToEveryone(_ step: Workflow.Step, file: String) -> (detail: String, location: SourceLocation)? {
        guard let uses = step.uses?.lowercased(),
              let gate = gates.first(where: { uses.hasPrefix($0.action + "@") || uses == $0.action }),
              let value = step.with[gate.input],
              value.text.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == "*" }) else { return nil }
        let detail = "'\(gate.action)' runs for every GitHub user (`\(gate.input): \"*\"`), not only those with write access: "
            + "text an outsider writes (an issue, a comment) can steer the agent, whose tools run in this job"
        return (detail, value.node.location(file))
    }
}
