/// Small workflows the tests build repositories from.
public enum SampleWorkflow {
    /// A push-triggered job with no permissions that checks out (pinned) and runs `last` (a step
    /// as `oneJob` takes it: further lines unindented).
    public static func build(then last: String = "run: make") -> String {
        oneJob("build", on: "push", permissions: "{}", steps: ["uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683", last])
    }

    /// A workflow of one job on GitHub's hosted Ubuntu runner: its `on:`, the workflow's
    /// `permissions:` and `env:` (none written when nil), the job's `environment:` and `container:` if any, and the
    /// job's steps, each a list item whose further lines (a `with:` under a `uses:`) are indented
    /// under its first.
    public static func oneJob(_ job: String, on trigger: String, permissions: String? = nil, env: String? = nil, environment: String? = nil,
                              container: String? = nil, steps: [String]) -> String {
        var lines = ["on: \(trigger)"]
        if let permissions { lines.append("permissions: \(permissions)") }
        if let env { lines.append("env: \(env)") }
        lines += ["jobs:", "  \(job):", "    runs-on: ubuntu-latest"]
        if let environment { lines.append("    environment: \(environment)") }
        if let container { lines.append("    container: \(container)") }
        lines.append("    steps:")
        for step in steps {
            for (index, line) in step.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                lines.append((index == 0 ? "      - " : "        ") + line)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
