import FirebreakModel

/// Shell and action facts the GitHub importer uses beside the expression module.
enum ActionsKnowledge {
    /// Commands that execute files of the checked-out repository (package managers, build
    /// tools, interpreters), besides any `./path` the script runs.
    static let buildTools = CommandPhrases(buildToolNames)
    private static let buildToolNames = [
        "npm", "npx", "yarn", "pnpm", "pip", "pip3", "python", "python3", "make", "gradle", "mvn", "cargo", "go", "pytest", "tox",
        "nox", "bundle", "rake", "composer", "pre-commit", "docker", "bash", "sh", "node", "ruby", "php", "dotnet", "swift", "cmake",
        "meson", "ninja", "poetry", "uv", "hatch", "pdm", "bun", "deno", "just", "task", "bazel", "sbt", "lein", "mix", "perl",
    ]

    /// Whether a script executes files of the workspace.
    static func runsBuildTool(_ script: String) -> Bool {
        let words = ShellWords(script)
        return words.runsWorkspacePath || buildTools.occur(in: words) || runsRelativePath(script)
    }

    /// Whether a command of the script is a repository file named by a relative path
    /// (`script/release`, `tools/build.sh`): a word with a `/` where a command stands, at the
    /// start of a line or after `;`, `&` or `|`, past variable assignments and `sudo`, `env`,
    /// `time` or `exec`.
    static func runsRelativePath(_ script: String) -> Bool {
        guard script.contains("/") else { return false }
        return ShellCommands.contains(in: script) { words in
            guard let place = ShellCommands.commandPlace(in: words) else { return false }
            let command = words[place]
            guard command.contains("/"), let first = command.first else { return false }
            return !"/~$-.\"'({#<>".contains(first) && !command.contains("://")
        }
    }

    /// Whether a script runs what a download holds, named by any of `names` (its name, the
    /// folder it lands in): a command is a path inside it (`./dist/tool`); the thing a build tool
    /// or interpreter is asked to run or install is inside it (`bash out/run.sh`, `pip install
    /// dist/x.whl`, `uv run python dist/x.py`, `java -jar dist/app.jar`); it is made executable
    /// (`chmod +x dist/tool`); or the script enters it (`cd dist`) and then runs a build tool. A
    /// name counts as a whole path part (`dist` in `./dist/tool`, not in `distribute.sh`). A
    /// command that is handed it as data does not run it
    /// (`uv run smokeshow upload htmlcov`, `go tool covdata -i=coverage`, `aws s3 cp dist/ s3://...`).
    static func runsDownload(namedAnyOf names: [String], in script: String) -> Bool {
        guard names.contains(where: { script.contains($0) }) else { return false }
        // A whole path part or run of parts: `dist` is in `./dist/tool`, not in `distribute.sh`.
        let inside = { (word: Substring) -> Bool in
            var path = word.filter { $0 != "\"" && $0 != "'" }[...]
            if path.hasPrefix("./") { path = path.dropFirst(2) }
            return names.contains { ("/" + path + "/").contains("/" + $0 + "/") }
        }
        var entered = false
        return ShellCommands.contains(in: script) { words in
            guard var place = ShellCommands.commandPlace(in: words) else { return false }
            if inside(words[place]) { return true }
            if words[place] == "cd" || words[place] == "pushd" {
                if place + 1 < words.count, inside(words[place + 1]) { entered = true }
                return false
            }
            // Made executable: to be run.
            if words[place] == "chmod", words.contains(where: { $0.contains("x") && ($0.hasPrefix("+") || $0.hasPrefix("u+") || $0.hasPrefix("a+")) }),
               words[(place + 1)...].contains(where: inside) { return true }
            guard runners.contains(words[place]) else { return false }
            if entered { return true }
            // Past the tools, their verbs (`run`, `install`, `tool`) and options, to the thing they run.
            while let next = words[(place + 1)...].firstIndex(where: { !$0.hasPrefix("-") }) {
                place = next
                if runners.contains(words[place]) || verbs.contains(words[place]) { continue }
                return inside(words[place])
            }
            return false
        }
    }

    /// Commands that run or install the file they are given: the build tools and interpreters,
    /// and a few installers.
    private static let runners = Set((buildToolNames + ["java", "dpkg", "rpm", "apt", "apt-get", "gem", "pipx"]).map { Substring($0) })
    /// A runner's verbs before the thing it runs (`uv run`, `pip install`, `go tool`).
    private static let verbs: Set<Substring> = ["run", "install", "i", "add", "exec", "x", "tool", "load", "test"]

    /// Actions that check the commenter's or author's permission before going on.
    static func isPermissionCheck(_ uses: String) -> Bool {
        let lowered = uses.lowercased()
        return lowered.contains("check-user-permission") || lowered.contains("permission-check") || lowered.contains("is-organization-member")
            || lowered.contains("actions-team-membership")
    }
}
