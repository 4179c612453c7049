import FirebreakModel

/// Shell and action facts the GitHub importer uses beside the expression module.
enum ActionsKnowledge {
    /// Commands that execute files of the checked-out repository (package managers, build
    /// tools, interpreters), besides any `./path` the script runs.
    static let buildTools = CommandPhrases([
        "npm", "npx", "yarn", "pnpm", "pip", "pip3", "python", "python3", "make", "gradle", "mvn", "cargo", "go", "pytest", "tox",
        "nox", "bundle", "rake", "composer", "pre-commit", "docker", "bash", "sh", "node", "ruby", "php", "dotnet", "swift", "cmake",
        "meson", "ninja", "poetry", "uv", "hatch", "pdm", "bun", "deno", "just", "task", "bazel", "sbt", "lein", "mix", "perl",
    ])

    /// Whether a script executes files of the workspace.
    static func runsBuildTool(_ script: String) -> Bool {
        let words = ShellWords(script)
        return words.runsWorkspacePath || buildTools.occur(in: words)
    }

    /// Actions that check the commenter's or author's permission before going on.
    static func isPermissionCheck(_ uses: String) -> Bool {
        let lowered = uses.lowercased()
        return lowered.contains("check-user-permission") || lowered.contains("permission-check") || lowered.contains("is-organization-member")
            || lowered.contains("actions-team-membership")
    }
}
